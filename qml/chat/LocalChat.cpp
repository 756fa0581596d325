#include "LocalChat.h"

#include "Backend.h"
#include "BackendHost.h"
#include "chat/ChatService.h"
#include "upstream/Generation.h"

#include <QPointer>

struct LocalChat::Handle
{
    QPointer<Generation> generation;
    bool abortRequested = false;
};

LocalChat::LocalChat(BackendHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_handle(std::make_shared<Handle>())
{ }

LocalChat::~LocalChat()
{
    abort(); // nobody is listening any more: do not leave the model server generating
}

void LocalChat::start(const CompletionRequest &request)
{
    m_host.run(this, [this, request, handle = m_handle](Backend &backend, const BackendHost::ToGui &toGui) {
        auto *owner = new QObject(&backend); // the generation's parent; gone once it ends
        backend.chat().start(request, owner,
            [this, owner, handle, toGui](Generation *generation, std::optional<ApiError> error) {
                if (!generation) {
                    delete owner;
                    toGui([this, error] { Q_EMIT failed(error->status, error->message); });
                    return;
                }
                handle->generation = generation;
                const QString upstream = generation->upstreamName();
                toGui([this, upstream] { Q_EMIT accepted(upstream); });
                connect(generation, &Generation::contentDelta, owner, [this, toGui](const QString &text) {
                    toGui([this, text] { Q_EMIT contentDelta(text); });
                });
                connect(generation, &Generation::reasoningDelta, owner, [this, toGui](const QString &text) {
                    toGui([this, text] { Q_EMIT reasoningDelta(text); });
                });
                connect(generation, &Generation::finished, owner,
                    [this, toGui](const GenerationOutcome &outcome) {
                        const QString reason = outcome.finishReason;
                        const qint64 tokens = outcome.usage ? outcome.usage->completionTokens : -1;
                        toGui([this, reason, tokens] { Q_EMIT finished(reason, tokens); });
                    });
                connect(generation, &Generation::failed, owner, [this, toGui](const UpstreamError &failure) {
                    const ApiError api = failure.toApiError();
                    toGui([this, api] { Q_EMIT failed(api.status, api.message); });
                });
                connect(generation, &Generation::stageChanged, owner,
                    [this, toGui, owner](Generation::Stage stage) {
                        if (stage == Generation::Stage::Aborted)
                            toGui([this] { Q_EMIT stopped(); });
                        if (stage >= Generation::Stage::Finished)
                            owner->deleteLater();
                    });
                if (handle->abortRequested)
                    generation->abort();
            });
    });
}

void LocalChat::abort()
{
    m_host.run(nullptr, [handle = m_handle](Backend &, const BackendHost::ToGui &) {
        handle->abortRequested = true;
        if (handle->generation && handle->generation->isRunning())
            handle->generation->abort();
    });
}
