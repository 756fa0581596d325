#include "ChatTypes.h"

#include "http/ApiError.h"
#include "upstream/UpstreamError.h"

namespace {

// The backend speaks HTTP to its clients; the window speaks of what happened.
ChatError::Kind kindOf(int status, const QString &code)
{
    if (code == QLatin1String("model_not_found") || status == 404)
        return ChatError::Kind::ModelNotFound;
    if (code == QLatin1String("too_many_concurrent_requests"))
        return ChatError::Kind::Busy;
    if (code == QLatin1String("rate_limit_exceeded") || status == 429)
        return ChatError::Kind::RateLimited;
    if (code == QLatin1String("upstream_unreachable"))
        return ChatError::Kind::Unreachable;
    if (code == QLatin1String("upstream_timeout") || status == 504)
        return ChatError::Kind::Timeout;
    if (code == QLatin1String("upstream_auth_failed"))
        return ChatError::Kind::Rejected;
    if (status == 400 || status == 413)
        return ChatError::Kind::Invalid;
    return ChatError::Kind::Upstream;
}

} // namespace

ChatError ChatError::fromApi(const ApiError &error)
{
    ChatError chat;
    chat.kind = kindOf(error.status, error.code);
    chat.message = error.message;
    return chat;
}

ChatError ChatError::fromUpstream(const UpstreamError &error)
{
    ChatError chat;
    chat.kind = kindOf(error.status, error.code);
    chat.message = error.message;
    return chat;
}
