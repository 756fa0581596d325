// SPDX-License-Identifier: MIT
#include "chat/ChatService.h"

#include "chat/GenerationReporter.h"
#include "core/Logging.h"
#include "core/OffLoop.h"
#include "history/ConversationStore.h"
#include "hub/StreamingHub.h"
#include "upstream/Generation.h"
#include "upstream/UpstreamRegistry.h"

namespace {

QList<StoredMessage> storedMessages(const QJsonArray &messages)
{
    QList<StoredMessage> list;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &value : messages) {
        StoredMessage message;
        message.role = value[QLatin1String("role")].toString();
        const QJsonValue content = value[QLatin1String("content")];
        if (content.isArray()) {
            QStringList texts;
            for (const QJsonValue &part : content.toArray())
                texts.append(part[QLatin1String("text")].toString());
            message.content = texts.join(QLatin1Char('\n'));
        } else {
            message.content = content.toString();
        }
        message.createdAt = now;
        list.append(message);
    }
    return list;
}

// What a session says it came from: the API its request was made in.
QString sourceName(WireApi api)
{
    switch (api) {
    case WireApi::OpenAiChat:
        return QStringLiteral("chat_completion");
    case WireApi::OpenAiCompletions:
        return QStringLiteral("text_completion");
    case WireApi::OpenAiEmbeddings:
        return QStringLiteral("embeddings");
    case WireApi::OllamaChat:
        return QStringLiteral("ollama_chat");
    case WireApi::OllamaGenerate:
        return QStringLiteral("ollama_generate");
    case WireApi::OllamaEmbed:
        return QStringLiteral("ollama_embed");
    }
    return {};
}

} // namespace

ChatService::ChatService(StreamingHub &hub, UpstreamRegistry &upstreams, ConversationStore *history,
    int maxConcurrent, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_upstreams(upstreams)
    , m_history(history)
    , m_maxConcurrent(maxConcurrent)
{ }

ConversationStore *ChatService::history() const
{
    return m_history;
}

void ChatService::start(const CompletionRequest &given, QObject *owner, Started started)
{
    if (m_running >= m_maxConcurrent) {
        ApiError busy(429,
            QStringLiteral(
                "%1 generations are already running, the most this server allows; try again shortly")
                .arg(m_running));
        busy.code = QStringLiteral("too_many_concurrent_requests");
        busy.retryAfterSeconds = 1; // a generation is short-lived: one second is when to look again
        return started(nullptr, busy);
    }
    CompletionRequest request = given;
    if (request.sessionId.isEmpty())
        request.sessionId = Session::generateId();
    ++m_running; // counted from now, so a burst cannot slip past the limit while upstreams are chosen
    // Reading the prompt converts the whole user message to UTF-16 (some 2 ms a megabyte): the client's
    // request of megabytes has it read on a worker, and goes on from there (an owner gone meanwhile stops
    // it where the upstream is chosen, as it would have without the hop).
    QPointer<QObject> guard(owner);
    OffLoop::runIfLarge(
        request.upstream.clientBytes, this,
        [request] { return request.lastUserText().left(CompletionRequest::MaxPromptChars); },
        [this, request, guard, started = std::move(started)](QString prompt) {
            CompletionRequest read = request;
            read.prompt = std::move(prompt);
            resolveAndStart(read, guard, started);
        });
}

void ChatService::resolveAndStart(const CompletionRequest &request, QObject *owner, Started started)
{
    QPointer<QObject> context(owner);
    QPointer<ChatService> self(this);
    auto release = [self] {
        if (self)
            --self->m_running;
    };
    m_upstreams.resolve(
        request.model, [=, this](std::optional<UpstreamRegistry::Route> route, const UpstreamError &error) {
            if (!context || !route) {
                release();
                if (!route)
                    reportFailureBeforeStart(request, error.toApiError());
                if (context)
                    started(nullptr, error.toApiError());
                return;
            }
            CompletionRequest routed = request;
            routed.upstream.model = route->model;
            // The request leaves for the upstream first; making it a session and a history entry is
            // Ponder's own work, done while the upstream reads it.
            Generation *generation = route->upstream->start(routed.upstream, context);
            generation->holdUntilGone(std::shared_ptr<void>(nullptr, [release](void *) { release(); }));
            // The route attaches before the reporter and the history: each unit of the answer reaches the
            // client first, and Ponder's work with it follows.
            started(generation, std::nullopt);
            // Owned here, not by the generation: what a burst left to publish is published after it ends.
            auto *reporter = new GenerationReporter(m_hub, reporterContext(routed), this);
            connect(reporter, &GenerationReporter::done, reporter, &QObject::deleteLater);
            reporter->attach(generation);
            ensureSession(routed, [reporter = QPointer<GenerationReporter>(reporter)] {
                if (reporter)
                    reporter->sessionReady();
            });
            if (m_history && routed.saveConversation && !isEmbedding(routed.upstream.api))
                record(routed, generation);
            // Formatted in one pass: a QDebug stream would make a QTextStream (and a QObject) per request.
            qCInfo(lcChat, "session %ls -> %ls %ls", qUtf16Printable(routed.sessionId),
                qUtf16Printable(route->upstream->name()), qUtf16Printable(route->model));
        });
}

GenerationReporter::Context ChatService::reporterContext(const CompletionRequest &request)
{
    return {request.sessionId, request.model, request.maxTokens, request.prompt};
}

void ChatService::reportFailureBeforeStart(const CompletionRequest &request, const ApiError &error)
{
    auto *reporter = new GenerationReporter(m_hub, reporterContext(request), this);
    connect(reporter, &GenerationReporter::done, reporter, &QObject::deleteLater);
    reporter->failedBeforeStart(error);
    ensureSession(request, [reporter = QPointer<GenerationReporter>(reporter)] {
        if (reporter)
            reporter->sessionReady();
    });
}

void ChatService::ensureSession(const CompletionRequest &request, std::function<void()> then)
{
    Session session;
    session.id = request.sessionId;
    session.userId = request.user;
    session.userRequest = request.prompt.left(500);
    // A translated API (Responses, Anthropic Messages) runs a chat request: it names itself.
    const QString source = request.source.isEmpty() ? sourceName(request.upstream.api) : request.source;
    session.systemContext = {{QStringLiteral("source"), source}, {QStringLiteral("model"), request.model}};
    if (!request.client.isEmpty())
        session.systemContext.insert(QStringLiteral("client"), request.client);
    session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
    // An existing session (409) is a continuing conversation; a store that is down buffers events.
    m_hub.store().createSession(session, [then](StoreStatus) { then(); });
}

void ChatService::record(const CompletionRequest &request, Generation *generation)
{
    connect(generation, &Generation::finished, this,
        [this, generation, request](const GenerationOutcome &outcome) {
            if (!m_history)
                return;
            Exchange exchange;
            exchange.conversationId = request.sessionId;
            exchange.model = request.model;
            // Read on the store's thread: every message is converted there, in the order of the writes.
            exchange.readRequestMessages
                = [upstream = request.upstream] { return storedMessages(upstream.messages()); };
            exchange.answer.role = QStringLiteral("assistant");
            exchange.answer.content = generation->transcript().content;
            exchange.answer.reasoning = generation->transcript().reasoning;
            exchange.answer.model = request.model;
            exchange.answer.finishReason = outcome.finishReason;
            exchange.answer.createdAt = QDateTime::currentDateTimeUtc();
            if (outcome.usage) {
                exchange.answer.promptTokens = outcome.usage->promptTokens;
                exchange.answer.completionTokens = outcome.usage->completionTokens;
            }
            m_history->record(exchange);
        });
}
