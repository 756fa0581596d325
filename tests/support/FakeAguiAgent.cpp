// SPDX-License-Identifier: MIT
#include "FakeAguiAgent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace {

QJsonObject aguiEvent(const char *type, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("type"), QLatin1String(type));
    return fields;
}

} // namespace

FakeAguiAgent::FakeAguiAgent(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

bool FakeAguiAgent::start()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl FakeAguiAgent::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/agent").arg(m_server.serverPort()));
}

QList<QJsonObject> FakeAguiAgent::wholeRun(const QString &threadId, const QString &runId)
{
    const QJsonObject ids {{QStringLiteral("threadId"), threadId}, {QStringLiteral("runId"), runId}};
    const auto id = [](const char *name, const char *value) {
        return QJsonObject {{QLatin1String(name), QLatin1String(value)}};
    };
    QJsonObject reasoningStart = id("messageId", "r1");
    reasoningStart.insert(QStringLiteral("role"), QStringLiteral("reasoning"));
    QJsonObject textStart = id("messageId", "m1");
    textStart.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    return {
        aguiEvent("RUN_STARTED", ids),
        aguiEvent("STEP_STARTED", id("stepName", "plan")),
        aguiEvent("REASONING_START", id("messageId", "r1")),
        aguiEvent("REASONING_MESSAGE_START", reasoningStart),
        aguiEvent("REASONING_MESSAGE_CONTENT",
            {{QStringLiteral("messageId"), QStringLiteral("r1")},
                {QStringLiteral("delta"), QStringLiteral("The user wants the weather; ")}}),
        aguiEvent("REASONING_MESSAGE_CONTENT",
            {{QStringLiteral("messageId"), QStringLiteral("r1")},
                {QStringLiteral("delta"), QStringLiteral("I will look it up.")}}),
        aguiEvent("REASONING_MESSAGE_END", id("messageId", "r1")),
        aguiEvent("REASONING_END", id("messageId", "r1")),
        aguiEvent("STEP_FINISHED", id("stepName", "plan")),
        aguiEvent("TOOL_CALL_START",
            {{QStringLiteral("toolCallId"), QStringLiteral("call-1")},
                {QStringLiteral("toolCallName"), QStringLiteral("get_weather")}}),
        aguiEvent("TOOL_CALL_ARGS",
            {{QStringLiteral("toolCallId"), QStringLiteral("call-1")},
                {QStringLiteral("delta"), QStringLiteral("{\"city\":")}}),
        aguiEvent("TOOL_CALL_ARGS",
            {{QStringLiteral("toolCallId"), QStringLiteral("call-1")},
                {QStringLiteral("delta"), QStringLiteral("\"Paris\"}")}}),
        aguiEvent("TOOL_CALL_END", id("toolCallId", "call-1")),
        aguiEvent("TOOL_CALL_RESULT",
            {{QStringLiteral("messageId"), QStringLiteral("t1")},
                {QStringLiteral("toolCallId"), QStringLiteral("call-1")},
                {QStringLiteral("content"), QStringLiteral("18 C, sunny")},
                {QStringLiteral("role"), QStringLiteral("tool")}}),
        aguiEvent("STATE_SNAPSHOT",
            {{QStringLiteral("snapshot"), QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}}}),
        aguiEvent("TEXT_MESSAGE_START", textStart),
        aguiEvent("TEXT_MESSAGE_CONTENT",
            {{QStringLiteral("messageId"), QStringLiteral("m1")},
                {QStringLiteral("delta"), QStringLiteral("It is 18 C ")}}),
        aguiEvent("TEXT_MESSAGE_CONTENT",
            {{QStringLiteral("messageId"), QStringLiteral("m1")},
                {QStringLiteral("delta"), QStringLiteral("and sunny in Paris.")}}),
        aguiEvent("TEXT_MESSAGE_END", id("messageId", "m1")),
        aguiEvent("CUSTOM",
            {{QStringLiteral("name"), QStringLiteral("weather.source")},
                {QStringLiteral("value"), QStringLiteral("fake")}}),
        aguiEvent("RUN_FINISHED", ids),
    };
}

void FakeAguiAgent::serve(QTcpSocket *socket)
{
    auto received = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, received] {
        *received += socket->readAll();
        const qsizetype headEnd = received->indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = received->left(headEnd).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length
            = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        if (received->size() < headEnd + 4 + length)
            return;
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        answer(socket, QJsonDocument::fromJson(received->mid(headEnd + 4, length)).object());
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

QByteArray FakeAguiAgent::chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

void FakeAguiAgent::answer(QTcpSocket *socket, const QJsonObject &input)
{
    m_inputs << input;
    m_lastEventBytes.clear();
    const QString threadId = input.value(QLatin1String("threadId")).toString();
    const QString runId = input.value(QLatin1String("runId")).toString();
    switch (m_mode) {
    case Mode::HttpError: {
        const QByteArray body = R"({"error":"the agent's model is not loaded"})";
        socket->write(
            "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        return;
    }
    case Mode::NotAnEventStream: {
        const QByteArray body = R"({"messages":[]})";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        return;
    }
    default:
        break;
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n");
    QList<QByteArray> frames;
    // Written as real agents do: "data: <json>" and a blank line; a comment and an event with an id and
    // CRLF line ends in between, which a relay must pass on as they are.
    frames << QByteArray(": the agent is thinking\n\n");
    QList<QJsonObject> run = wholeRun(threadId, runId);
    if (m_mode == Mode::ErrorThenMore) {
        const QJsonObject ids {{QStringLiteral("threadId"), threadId}, {QStringLiteral("runId"), runId}};
        QJsonObject error {{QStringLiteral("type"), QStringLiteral("RUN_ERROR")},
            {QStringLiteral("message"), QStringLiteral("the weather service is down")}};
        run = {run.first(),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("TOOL_CALL_START")},
                {QStringLiteral("toolCallId"), QStringLiteral("c9")},
                {QStringLiteral("toolCallName"), QStringLiteral("get_weather")}},
            error,
            QJsonObject {{QStringLiteral("type"), QStringLiteral("TEXT_MESSAGE_CONTENT")},
                {QStringLiteral("messageId"), QStringLiteral("m9")},
                {QStringLiteral("delta"), QStringLiteral("late")}},
            run.last()};
    }
    const qsizetype count = m_mode == Mode::DiesMidRun ? 6 : m_mode == Mode::NeverEnds ? 1 : run.size();
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArray json = QJsonDocument(run.at(i)).toJson(QJsonDocument::Compact);
        frames << (i == 2 ? "id: " + QByteArray::number(i) + "\r\ndata: " + json + "\r\n\r\n"
                          : "data: " + json + "\n\n");
    }
    if (m_mode == Mode::Held) {
        m_held = socket;
        m_heldFrames = frames.mid(2); // all but the comment and RUN_STARTED
        frames = frames.first(2);
    }
    sendEvents(socket, frames, m_mode == Mode::DiesMidRun);
}

void FakeAguiAgent::release()
{
    const QPointer<QTcpSocket> socket = std::exchange(m_held, nullptr);
    sendEvents(socket, std::exchange(m_heldFrames, {}), false);
}

void FakeAguiAgent::sendEvents(QPointer<QTcpSocket> socket, QList<QByteArray> frames, bool thenCut)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        ++m_hangUps;
        return;
    }
    if (frames.isEmpty()) {
        if (thenCut) {
            socket->abort(); // dies mid-run: no last chunk, no RUN_FINISHED
            return;
        }
        if (m_held && m_held == socket)
            return; // until release()
        if (m_mode == Mode::NeverEnds || m_mode == Mode::ErrorThenMore) {
            connect(socket, &QTcpSocket::disconnected, this, [this] { ++m_hangUps; });
            return;
        }
        socket->write("0\r\n\r\n");
        return;
    }
    const QByteArray frame = frames.takeFirst();
    m_lastEventBytes += frame;
    socket->write(chunk(frame));
    // A few milliseconds apart, as a model's events come: the relay must pass each on as it arrives.
    QTimer::singleShot(2, this, [this, socket, frames, thenCut] { sendEvents(socket, frames, thenCut); });
}
