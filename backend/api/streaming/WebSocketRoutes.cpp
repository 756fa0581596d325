// SPDX-License-Identifier: MIT
#include "api/streaming/WebSocketRoutes.h"

#include "api/streaming/WebSocketWatcher.h"
#include "http/HttpRequest.h"
#include "http/HttpServer.h"

#include <QRegularExpression>
#include <QWebSocket>

namespace {

const QRegularExpression &pathPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^/ws/(thinking|progress|sessions)/([^/]+)$"));
    return pattern;
}

} // namespace

WebSocketRoutes::WebSocketRoutes(StreamingHub &hub, HttpServer &server)
    : QObject(&server)
    , m_hub(hub)
{
    server.setWebSocketPathFilter(&WebSocketRoutes::isWebSocketPath);
    connect(&server, &HttpServer::webSocketConnected, this, &WebSocketRoutes::accept);
    // Each watcher, as it goes, closes its socket with 1001 "going away".
    connect(&server, &HttpServer::stopping, this,
        [this] { qDeleteAll(findChildren<WebSocketWatcher *>(Qt::FindDirectChildrenOnly)); });
}

bool WebSocketRoutes::isWebSocketPath(const QString &path)
{
    return pathPattern().match(path).hasMatch();
}

void WebSocketRoutes::accept(QWebSocket *socket, const HttpRequest &request)
{
    // Clients send commands of a few bytes (ping, get_history, get_stats); anything much larger is closed
    // with 1009 rather than buffered whole.
    socket->setMaxAllowedIncomingFrameSize(MaxClientMessageBytes);
    socket->setMaxAllowedIncomingMessageSize(MaxClientMessageBytes);
    // The path and query the server admitted (path normalised), not the socket's own copy of the request.
    const QRegularExpressionMatch match = pathPattern().match(request.path);
    const QString stream = match.captured(1);
    const QString sessionId = QUrl::fromPercentEncoding(match.captured(2).toUtf8());
    StreamingHub::KindSet kinds;
    if (stream == QLatin1String("thinking"))
        kinds = {EventKind::Thinking};
    else if (stream == QLatin1String("progress"))
        kinds = {EventKind::Progress};
    else
        kinds = {EventKind::Thinking, EventKind::Progress};

    const QString sinceText = request.query.queryItemValue(QStringLiteral("since"));
    const auto since
        = sinceText.isEmpty() ? std::optional<StreamId>(StreamId {}) : StreamId::parse(sinceText);
    if (!match.hasMatch() || !Session::isValidId(sessionId) || !since) {
        socket->close(QWebSocketProtocol::CloseCode(WebSocketWatcher::InvalidRequest),
            since ? QStringLiteral("invalid session id") : QStringLiteral("invalid 'since' stream id"));
        socket->deleteLater();
        return;
    }
    auto *watcher = new WebSocketWatcher(m_hub, socket, sessionId, kinds, *since);
    watcher->setParent(this); // goes when the server goes; otherwise when its socket closes
}
