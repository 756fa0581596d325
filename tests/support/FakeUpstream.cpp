#include "FakeUpstream.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray chunkFrame(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

QByteArray FakeRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// One client connection: reads one request, then plays the script's writes on a timer.
class FakeUpstream::Connection : public QObject
{
public:
    Connection(FakeUpstream &fake, QTcpSocket *socket)
        : QObject(socket)
        , m_fake(fake)
        , m_socket(socket)
    {
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            if (m_chat && !m_writes.isEmpty())
                ++m_fake.m_abandoned;
            m_writes.clear();
            m_socket->deleteLater();
        });
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer); // benchmarks time deltas 20 ms apart
        connect(&m_timer, &QTimer::timeout, this, &Connection::writeNext);
    }

private:
    struct Write
    {
        int delayMs = 0;
        QByteArray bytes;
        bool close = false;
    };

    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0 || m_answered)
            return;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        FakeRequest request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        request.body = QJsonDocument::fromJson(m_buffer.mid(headEnd + 4, length)).object();
        m_buffer.remove(0, headEnd + 4 + length);
        if (m_served > 0 && std::exchange(m_fake.m_hangUpOnReuse, false)) {
            m_socket->abort();
            return;
        }
        m_answered = true;
        m_keepAlive = request.header("connection").toLower() != "close";
        m_chat = false;
        m_fake.m_requests.append(request);
        answer(request);
    }

    void answer(const FakeRequest &request)
    {
        if (!m_fake.m_requiredKey.isEmpty()
            && request.header("authorization") != "Bearer " + m_fake.m_requiredKey)
            return whole(401,
                json({{QStringLiteral("error"),
                    QJsonObject {{QStringLiteral("message"), QStringLiteral("Incorrect API key provided")},
                        {QStringLiteral("type"), QStringLiteral("invalid_request_error")}}}}));
        const QByteArray path = request.path.split('?').first();
        if (request.method == "GET" && path == "/api/tags")
            return whole(200, json(ollamaTags()));
        if (request.method == "GET" && path == "/api/version")
            return whole(200, R"({"version":"0.12.0"})");
        if (request.method == "GET" && path == "/v1/models")
            return whole(200, json(openAiModels()));
        if (request.method == "POST" && path == "/api/show")
            return showModel(request);
        if (request.method == "POST" && (path == "/api/chat" || path == "/v1/chat/completions")) {
            m_chat = true;
            return chat(request, path == "/api/chat");
        }
        whole(404, "404 page not found");
    }

    QJsonObject ollamaTags() const
    {
        QJsonArray models;
        for (const QString &name : m_fake.m_scripts.keys())
            models.append(QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("model"), name},
                {QStringLiteral("modified_at"), QStringLiteral("2025-05-01T10:00:00.000000Z")},
                {QStringLiteral("size"), 1234}, {QStringLiteral("digest"), QStringLiteral("abc")},
                {QStringLiteral("details"),
                    QJsonObject {{QStringLiteral("family"), m_fake.m_scripts.value(name).family},
                        {QStringLiteral("parameter_size"), m_fake.m_scripts.value(name).parameterSize}}}});
        return {{QStringLiteral("models"), models}};
    }

    // POST /api/show: {capabilities, details, model_info}, or 404 for a model Ollama does not have.
    void showModel(const FakeRequest &request)
    {
        const QString model = request.body.value(QLatin1String("model")).toString();
        if (!m_fake.m_scripts.contains(model))
            return whole(
                404, json({{QStringLiteral("error"), QStringLiteral("model '%1' not found").arg(model)}}));
        const FakeScript script = m_fake.m_scripts.value(model);
        whole(200,
            json({{QStringLiteral("capabilities"), QJsonArray::fromStringList(script.capabilities)},
                {QStringLiteral("details"),
                    QJsonObject {{QStringLiteral("family"), script.family},
                        {QStringLiteral("parameter_size"), script.parameterSize},
                        {QStringLiteral("format"), QStringLiteral("gguf")}}},
                {QStringLiteral("model_info"), QJsonObject {}}}));
    }

    // Ollama refuses `think` for a model that cannot think, and leaves reasoning out with `think: false`.
    bool thinkAsOllamaWould(const FakeRequest &request, FakeScript &script)
    {
        const QJsonValue think = request.body.value(QLatin1String("think"));
        if (think.isUndefined())
            return true;
        if (!script.capabilities.isEmpty() && !script.capabilities.contains(QLatin1String("thinking"))) {
            whole(400,
                json({{QStringLiteral("error"),
                    QStringLiteral("\"%1\" does not support thinking")
                        .arg(request.body.value(QLatin1String("model")).toString())}}));
            return false;
        }
        if (think.isBool() && !think.toBool())
            script.reasoning.clear();
        return true;
    }

    QJsonObject openAiModels() const
    {
        QJsonArray models;
        for (const QString &name : m_fake.m_scripts.keys())
            models.append(QJsonObject {{QStringLiteral("id"), name},
                {QStringLiteral("object"), QStringLiteral("model")}, {QStringLiteral("created"), 1700000000},
                {QStringLiteral("owned_by"), QStringLiteral("fake-org")}});
        return {{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), models}};
    }

    void whole(int status, const QByteArray &body, const QByteArray &type = "application/json")
    {
        m_writes.append({0,
            "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body,
            true});
        writeNext();
    }

    void chat(const FakeRequest &request, bool ollama)
    {
        const QString model = request.body.value(QLatin1String("model")).toString();
        if (!m_fake.m_scripts.contains(model)) {
            return whole(404,
                ollama ? json({{QStringLiteral("error"),
                    QStringLiteral("model \"%1\" not found, try pulling it first").arg(model)}})
                       : json({{QStringLiteral("error"),
                           QJsonObject {{QStringLiteral("message"),
                                            QStringLiteral("The model `%1` does not exist").arg(model)},
                               {QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                               {QStringLiteral("code"), QStringLiteral("model_not_found")}}}}));
        }
        FakeScript script = m_fake.m_scripts.value(model);
        if (ollama && !thinkAsOllamaWould(request, script))
            return;
        const int attempt = m_fake.m_chatsByModel[model]++;
        if (script.status != 200 && (script.failTimes < 0 || attempt < script.failTimes)) {
            const QByteArray body = ollama
                ? json({{QStringLiteral("error"), script.errorMessage}})
                : json({{QStringLiteral("error"),
                    QJsonObject {{QStringLiteral("message"), script.errorMessage},
                        {QStringLiteral("type"), QStringLiteral("server_error")}}}});
            const QByteArray retryAfter = script.retryAfterSeconds < 0
                ? QByteArray()
                : "Retry-After: " + QByteArray::number(script.retryAfterSeconds) + "\r\n";
            m_writes.append({script.firstByteDelayMs,
                "HTTP/1.1 " + QByteArray::number(script.status) + " X\r\n" + retryAfter
                    + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\n\r\n" + body,
                true});
            return writeNext();
        }
        const bool stream = request.body.value(QLatin1String("stream")).toBool(ollama);
        const bool includeUsage
            = request.body.value(QLatin1String("stream_options"))[QLatin1String("include_usage")].toBool();
        QList<QByteArray> events
            = ollama ? ollamaEvents(model, script) : openAiEvents(model, script, includeUsage);
        if (!stream && !ollama)
            return whole(200, openAiWhole(model, script));

        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: "
            + QByteArray(ollama ? "application/x-ndjson" : "text/event-stream")
            + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        queue(script.firstByteDelayMs, head, script.splitBytes);
        int delta = ollama ? 0 : -1; // OpenAI's opening role chunk is not a delta
        for (const QByteArray &event : events) {
            if (script.breakAfterDeltas >= 0 && delta == script.breakAfterDeltas) {
                m_writes.append({script.delayMs, {}, true});
                return writeNext();
            }
            const bool paced = delta > 0 && delta % std::max(1, script.deltasPerDelay) == 0;
            queue(paced ? script.delayMs : 0, chunkFrame(event), script.splitBytes);
            ++delta;
        }
        m_writes.append({0, "0\r\n\r\n", true});
        writeNext();
    }

    // A write, possibly in small pieces to exercise the parsers on every boundary.
    void queue(int delayMs, const QByteArray &bytes, int splitBytes)
    {
        if (splitBytes <= 0) {
            m_writes.append({delayMs, bytes, false});
            return;
        }
        for (qsizetype at = 0; at < bytes.size(); at += splitBytes)
            m_writes.append({at == 0 ? delayMs : 2, bytes.mid(at, splitBytes), false});
    }

    QList<QByteArray> ollamaEvents(const QString &model, const FakeScript &script) const
    {
        QList<QByteArray> lines;
        auto line = [&](const QJsonObject &message, bool done) {
            QJsonObject object {{QStringLiteral("model"), model},
                {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                {QStringLiteral("message"), message}, {QStringLiteral("done"), done}};
            return object;
        };
        QList<QJsonObject> messages;
        for (const QString &text : script.reasoning) {
            messages.append(script.reasoningInTags
                    ? QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("content"), text}}
                    : QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("content"), QString()}, {QStringLiteral("thinking"), text}});
        }
        for (const QString &text : script.content)
            messages.append(
                {{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), text}});
        if (!script.toolCalls.isEmpty()) {
            QJsonArray calls;
            for (const QJsonValue &call : script.toolCalls)
                calls.append(QJsonObject {{QStringLiteral("function"),
                    QJsonObject {{QStringLiteral("name"), call[QLatin1String("name")]},
                        {QStringLiteral("arguments"), call[QLatin1String("arguments")]}}}});
            messages.append({{QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"), QString()}, {QStringLiteral("tool_calls"), calls}});
        }
        for (qsizetype i = 0; i < messages.size(); ++i) {
            if (i == script.errorAfterDeltas) {
                lines.append(json({{QStringLiteral("error"), script.errorMessage}}) + '\n');
                return lines;
            }
            lines.append(json(line(messages.at(i), false)) + '\n');
        }
        QJsonObject last = line(
            {{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}},
            true);
        last.insert(QStringLiteral("done_reason"),
            script.finishReason == QLatin1String("length") ? QStringLiteral("length")
                                                           : QStringLiteral("stop"));
        last.insert(QStringLiteral("prompt_eval_count"), script.promptTokens);
        last.insert(QStringLiteral("eval_count"),
            script.completionTokens >= 0 ? script.completionTokens : int(messages.size()));
        last.insert(QStringLiteral("total_duration"), 123456789);
        last.insert(QStringLiteral("eval_duration"), 100000000);
        lines.append(json(last) + '\n');
        return lines;
    }

    QList<QByteArray> openAiEvents(const QString &model, const FakeScript &script, bool includeUsage) const
    {
        const QString id = QStringLiteral("chatcmpl-fake");
        auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish) {
            return "data: "
                + json({{QStringLiteral("id"), id},
                    {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                    {QStringLiteral("created"), 1700000000}, {QStringLiteral("model"), model},
                    {QStringLiteral("choices"),
                        QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                            {QStringLiteral("delta"), delta}, {QStringLiteral("finish_reason"), finish}}}}})
                + "\n\n";
        };
        QList<QByteArray> events;
        // llama.cpp opens with the role and a null content.
        events.append(chunk({{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), QJsonValue::Null}},
            QJsonValue::Null));
        QList<QJsonObject> deltas;
        if (script.reasoningInTags && !script.reasoning.isEmpty()) {
            for (const QString &text : script.reasoning)
                deltas.append({{QStringLiteral("content"), text}});
        } else {
            for (const QString &text : script.reasoning)
                deltas.append({{script.openAiReasoningField, text}});
        }
        for (const QString &text : script.content)
            deltas.append({{QStringLiteral("content"), text}});
        for (qsizetype i = 0; i < script.toolCalls.size(); ++i) {
            const QJsonObject call = script.toolCalls.at(i).toObject();
            const QByteArray arguments = json(call.value(QLatin1String("arguments")).toObject());
            const qsizetype half = arguments.size() / 2;
            deltas.append({{QStringLiteral("tool_calls"),
                QJsonArray {QJsonObject {{QStringLiteral("index"), int(i)},
                    {QStringLiteral("id"), QStringLiteral("call_%1").arg(i)},
                    {QStringLiteral("type"), QStringLiteral("function")},
                    {QStringLiteral("function"),
                        QJsonObject {{QStringLiteral("name"), call.value(QLatin1String("name"))},
                            {QStringLiteral("arguments"), QString::fromUtf8(arguments.left(half))}}}}}}});
            deltas.append({{QStringLiteral("tool_calls"),
                QJsonArray {QJsonObject {{QStringLiteral("index"), int(i)},
                    {QStringLiteral("function"),
                        QJsonObject {
                            {QStringLiteral("arguments"), QString::fromUtf8(arguments.mid(half))}}}}}}});
        }
        for (qsizetype i = 0; i < deltas.size(); ++i) {
            if (i == script.errorAfterDeltas) {
                events.append("data: "
                    + json({{QStringLiteral("error"),
                        QJsonObject {{QStringLiteral("message"), script.errorMessage},
                            {QStringLiteral("type"), QStringLiteral("server_error")}}}})
                    + "\n\n");
                return events;
            }
            events.append(chunk(deltas.at(i), QJsonValue::Null));
        }
        events.append(
            chunk({}, script.toolCalls.isEmpty() ? script.finishReason : QStringLiteral("tool_calls")));
        if (includeUsage) {
            const int completion
                = script.completionTokens >= 0 ? script.completionTokens : int(deltas.size());
            events.append("data: "
                + json({{QStringLiteral("id"), id},
                    {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                    {QStringLiteral("created"), 1700000000}, {QStringLiteral("model"), model},
                    {QStringLiteral("choices"), QJsonArray {}},
                    {QStringLiteral("usage"),
                        QJsonObject {{QStringLiteral("prompt_tokens"), script.promptTokens},
                            {QStringLiteral("completion_tokens"), completion},
                            {QStringLiteral("total_tokens"), script.promptTokens + completion}}}})
                + "\n\n");
        }
        events.append("data: [DONE]\n\n");
        return events;
    }

    QByteArray openAiWhole(const QString &model, const FakeScript &script) const
    {
        QJsonObject message {{QStringLiteral("role"), QStringLiteral("assistant")},
            {QStringLiteral("content"), script.content.join(QString())}};
        if (!script.reasoning.isEmpty())
            message.insert(script.openAiReasoningField, script.reasoning.join(QString()));
        return json({{QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("created"), 1700000000}, {QStringLiteral("model"), model},
            {QStringLiteral("choices"),
                QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("message"), message},
                    {QStringLiteral("finish_reason"), script.finishReason}}}},
            {QStringLiteral("usage"),
                QJsonObject {{QStringLiteral("prompt_tokens"), script.promptTokens},
                    {QStringLiteral("completion_tokens"), int(script.content.size())},
                    {QStringLiteral("total_tokens"), script.promptTokens + int(script.content.size())}}}});
    }

    void writeNext()
    {
        if (m_writes.isEmpty() || m_timer.isActive())
            return;
        if (m_writes.first().delayMs > 0) {
            m_timer.start(std::exchange(m_writes.first().delayMs, 0));
            return;
        }
        const Write write = m_writes.takeFirst();
        if (!write.bytes.isEmpty())
            m_socket->write(write.bytes);
        if (write.close) {
            m_writes.clear();
            m_socket->flush();
            ++m_served;
            if (m_keepAlive && !write.bytes.isEmpty()) { // a complete response: ready for the next request
                m_answered = false;
                if (!m_buffer.isEmpty())
                    onReadyRead();
                return;
            }
            m_socket->disconnectFromHost();
            return;
        }
        m_socket->flush();
        writeNext();
    }

    FakeUpstream &m_fake;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_answered = false;
    bool m_chat = false;
    bool m_keepAlive = false;
    int m_served = 0;
    QList<Write> m_writes;
    QTimer m_timer;
};

FakeUpstream::FakeUpstream(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            // Real model servers turn Nagle off (Go's net/http, uvicorn, llama.cpp's httplib): so does the
            // fake.
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            new Connection(*this, socket);
        }
    });
}

FakeUpstream::~FakeUpstream()
{
    // Sockets still open emit disconnected() while they are being destroyed: nobody may listen by then.
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect();
}

bool FakeUpstream::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeUpstream::ollamaSpec() const
{
    return QStringLiteral("ollama:http://127.0.0.1:%1").arg(port());
}

QString FakeUpstream::openAiSpec() const
{
    return QStringLiteral("openai:http://127.0.0.1:%1/v1").arg(port());
}

FakeRequest FakeUpstream::lastChatRequest() const
{
    for (qsizetype i = m_requests.size() - 1; i >= 0; --i) {
        if (m_requests.at(i).method == "POST")
            return m_requests.at(i);
    }
    return {};
}
