// SPDX-License-Identifier: MIT
// What the window and the backend's thread say to each other about one chat turn: the turn asked for,
// the answer's pieces as they stream, and how it ended (with domain errors: what went wrong in words
// the window can give advice for, never an HTTP status).
#pragma once

#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

struct ApiError;
struct UpstreamError;

struct ChatMessage
{
    QString role; // user | assistant
    QString content;
};

// How much a model should think before it answers.
struct ThinkSetting
{
    enum class Mode
    {
        Default, // send nothing: the model decides
        Off,
        On,
        Level // Low, Medium or High (`level`)
    };
    Mode mode = Mode::Default;
    QString level; // low | medium | high, for Mode::Level

    // From the Think control's choice: "", "off", "on", "low", "medium" or "high".
    static ThinkSetting from(const QString &choice);
};

struct ChatTurn
{
    QString conversationId; // also the hub session the panels watch
    QString model; // as the catalog lists it
    QString upstreamKind; // ollama | openai, when known: think maps to `think` or `reasoning_effort`
    QList<ChatMessage> messages; // the conversation so far, the new question last
    ThinkSetting think;
    bool replacesLastAnswer = false; // Regenerate and retries: the stored answer makes way for this one
};

// How the turn went, measured once on the backend's thread: what the window shows live and what history
// keeps are the same figures.
struct ChatMetrics
{
    qint64 firstTokenMs = -1; // from sending to the first token (of reasoning or answer)
    qint64 thoughtMs = -1; // from the first reasoning token to the first answer token; -1: no reasoning
    qint64 tokens = 0; // the upstream's count when it gave one, else the deltas received
    double tokensPerSecond = -1;
    qint64 elapsedMs = 0;
};

// What went wrong with a turn, as the window gives advice for it (QML: ChatFailure.RateLimited, ...).
namespace ChatFailure {
Q_NAMESPACE
QML_ELEMENT

enum class Kind
{
    None,
    ModelNotFound, // the upstream does not have the model
    RateLimited, // 429: wait (retryAfterSeconds) and try again
    Unreachable, // connection refused, no route, DNS: the server is not running or the URL is wrong
    Timeout, // the server went silent
    CutOff, // the stream broke off before the answer was done
    Rejected, // the upstream refused Ponder's API key
    Busy, // Ponder runs as many generations as it allows
    Invalid, // the request was refused as malformed (a model that cannot think, say)
    Upstream, // anything else the upstream said
    // An AG-UI agent chatted with, rather than a model server: advice about model servers would mislead.
    AgentUnreachable, // its URL does not answer
    AgentSilent, // it went silent
    AgentRefused, // it refused Ponder (401, 403)
    AgentFailed // anything else it reported
};
Q_ENUM_NS(Kind)

} // namespace ChatFailure

struct ChatError
{
    using Kind = ChatFailure::Kind;

    Kind kind = Kind::None;
    QString message; // the backend's English, for logs and history's older rows; never shown as it is
    int retryAfterSeconds = -1; // from the upstream's Retry-After, for RateLimited
    // What the window words in its language under the advice, as a failed session's progress says it
    // (see fields()): which upstream or agent, its HTTP status, whether the answer was cut off; and the
    // other side's own words (`said`), which it quotes.
    QString upstream;
    int upstreamStatus = 0;
    bool cutOff = false;
    QString agent;
    // What failed, as the API's error names it (upstream_unreachable, agent_http_500, ...): the answer words
    // it as the session's progress does, so the two never tell one failure two ways.
    QString code;
    QString said;
    // As QML reads them: upstream, upstream_status, cut_off, agent, code, detail (only those known).
    QVariantMap fields() const;
    // As history keeps them: fields() as a JSON object. A row from before (Ponder's English) reads as the
    // detail it was.
    QString storedFields() const;
    static QVariantMap fieldsStored(const QString &stored);

    // As history keeps it: "RateLimited", ...; unknown names are Kind::Upstream.
    static QString kindName(Kind kind);
    static Kind kindNamed(const QString &name);

    static ChatError fromApi(const ApiError &error);
    static ChatError fromUpstream(const UpstreamError &error);
    // What went wrong by the code of an agent's failure (agent_unreachable, agent_http_429, ...).
    static Kind kindOfAgentCode(const QString &code);
    // What went wrong by a failed session's fields, as its progress update carries them (fields()).
    static Kind kindOfFields(const QVariantMap &fields);
};

struct ChatOutcome
{
    enum class State
    {
        Complete,
        Stopped,
        Failed
    };
    // As history keeps it: "complete", "stopped" or "failed" (an empty one is complete).
    static QString stateName(State state);
    static State stateNamed(const QString &name);

    State state = State::Complete;
    QString finishReason; // stop | length | tool_calls | content_filter, when complete
    ChatError error;
    ChatMetrics metrics;
};

// The answer's text gathered during one frame.
struct ChatBatch
{
    QString content;
    QString reasoning;
    qint64 thoughtMs = -1; // set once the answer began after reasoning
};
