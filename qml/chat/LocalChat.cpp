#include "LocalChat.h"

#include "Backend.h"
#include "BackendHost.h"
#include "chat/ChatService.h"
#include "upstream/Generation.h"

#include <QPointer>
#include <QTimer>

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

namespace {

constexpr int FrameMs = 16;

} // namespace

// Lives on the backend's thread as the generation's parent. Deltas are gathered there and handed to
// the GUI thread at most once per frame: a burst of thousands of deltas is a few dozen cross-thread
// calls, not thousands. Everything else first sends what is pending, so the order is kept.
class LocalChat::Relay : public QObject
{
public:
    Relay(LocalChat *chat, BackendHost::ToGui toGui, QObject *parent)
        : QObject(parent)
        , m_chat(chat)
        , m_toGui(std::move(toGui))
    {
        m_frame.setSingleShot(true);
        m_frame.setInterval(FrameMs);
        connect(&m_frame, &QTimer::timeout, this, &Relay::flush);
    }

    void addContent(const QString &text) { add(m_content, text); }
    void addReasoning(const QString &text) { add(m_reasoning, text); }

    // Runs `fn` on the GUI thread after the deltas gathered so far.
    void send(std::function<void(LocalChat *)> fn)
    {
        flush();
        m_toGui([chat = m_chat, fn = std::move(fn)] { fn(chat); });
    }

private:
    void add(QString &pending, const QString &text)
    {
        pending += text;
        if (!m_frame.isActive())
            m_frame.start();
    }

    void flush()
    {
        m_frame.stop();
        if (m_reasoning.isEmpty() && m_content.isEmpty())
            return;
        m_toGui([chat = m_chat, reasoning = std::exchange(m_reasoning, {}),
                    content = std::exchange(m_content, {})] {
            if (!reasoning.isEmpty())
                Q_EMIT chat->reasoningDelta(reasoning);
            if (!content.isEmpty())
                Q_EMIT chat->contentDelta(content);
        });
    }

    LocalChat *m_chat; // only dereferenced on the GUI thread, and only while it exists
    BackendHost::ToGui m_toGui;
    QString m_reasoning;
    QString m_content;
    QTimer m_frame;
};

void LocalChat::start(const CompletionRequest &request)
{
    m_host.run(this, [this, request, handle = m_handle](Backend &backend, const BackendHost::ToGui &toGui) {
        auto *relay = new Relay(this, toGui, &backend); // the generation's parent; gone once it ends
        backend.chat().start(
            request, relay, [relay, handle](Generation *generation, std::optional<ApiError> error) {
                if (!generation) {
                    relay->send(
                        [error](LocalChat *chat) { Q_EMIT chat->failed(error->status, error->message); });
                    relay->deleteLater();
                    return;
                }
                handle->generation = generation;
                relay->send([upstream = generation->upstreamName()](
                                LocalChat *chat) { Q_EMIT chat->accepted(upstream); });
                connect(generation, &Generation::contentDelta, relay, &Relay::addContent);
                connect(generation, &Generation::reasoningDelta, relay, &Relay::addReasoning);
                connect(generation, &Generation::finished, relay, [relay](const GenerationOutcome &outcome) {
                    const qint64 tokens = outcome.usage ? outcome.usage->completionTokens : -1;
                    relay->send([reason = outcome.finishReason, tokens](
                                    LocalChat *chat) { Q_EMIT chat->finished(reason, tokens); });
                });
                connect(generation, &Generation::failed, relay, [relay](const UpstreamError &failure) {
                    relay->send([api = failure.toApiError()](
                                    LocalChat *chat) { Q_EMIT chat->failed(api.status, api.message); });
                });
                connect(generation, &Generation::stageChanged, relay, [relay](Generation::Stage stage) {
                    if (stage == Generation::Stage::Aborted)
                        relay->send([](LocalChat *chat) { Q_EMIT chat->stopped(); });
                    if (stage >= Generation::Stage::Finished)
                        relay->deleteLater();
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
