// SPDX-License-Identifier: MIT
#include "FakeUpstream.h"

#include "FakeAnswers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>

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
        request.rawBody = m_buffer.mid(headEnd + 4, length);
        request.body = QJsonDocument::fromJson(request.rawBody).object();
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
        if (m_fake.m_holdListings && request.method == "GET" && (path == "/api/tags" || path == "/v1/models"))
            return m_fake.m_heldListings.append([self = QPointer<Connection>(this), request] {
                if (self)
                    self->answer(request);
            });
        if (request.method == "GET" && path == "/api/tags")
            return whole(200, FakeAnswers::ollamaTags(m_fake.m_scripts));
        if (request.method == "GET" && path == "/api/ps")
            return whole(200, FakeAnswers::ollamaPs(m_fake.m_scripts));
        if (request.method == "GET" && path == "/api/version")
            return whole(200, R"({"version":"0.12.0"})");
        if (request.method == "GET" && path == "/v1/models")
            return whole(200, FakeAnswers::openAiModels(m_fake.m_scripts));
        if (request.method == "POST" && path == "/api/show")
            return showModel(request);
        // llama.cpp's server renders a chat template and tokenizes at its root, beside /v1.
        if (request.method == "POST" && path == "/apply-template")
            return whole(200, json({{QStringLiteral("prompt"), renderedPrompt(request.body)}}));
        if (request.method == "POST" && path == "/tokenize")
            return whole(200, json({{QStringLiteral("tokens"), fakeTokens(request.body)}}));
        if (request.method == "POST" && (path == "/api/embed" || path == "/v1/embeddings"))
            return embed(request, path == "/api/embed");
        if (request.method == "POST"
            && (path == "/api/chat" || path == "/v1/chat/completions" || path == "/api/generate"
                || path == "/v1/completions")) {
            m_chat = true;
            return chat(request, path);
        }
        whole(404, "404 page not found");
    }

    // "<|role|>content" per message: what a template makes of a conversation, in the fake's words.
    static QString renderedPrompt(const QJsonObject &body)
    {
        QString prompt;
        for (const QJsonValue &message : body.value(QLatin1String("messages")).toArray())
            prompt += QStringLiteral("<|%1|> %2\n")
                          .arg(message[QLatin1String("role")].toString(),
                              message[QLatin1String("content")].isString()
                                  ? message[QLatin1String("content")].toString()
                                  : QStringLiteral("[parts]"));
        return prompt;
    }

    // One token per word: a tokenizer whose counts a test can work out by hand.
    static QJsonArray fakeTokens(const QJsonObject &body)
    {
        QJsonArray tokens;
        const QStringList words
            = body.value(QLatin1String("content")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size(); ++i)
            tokens.append(int(i));
        return tokens;
    }

    // POST /api/show: {capabilities, details, model_info}, or 404 for a model Ollama does not have.
    void showModel(const FakeRequest &request)
    {
        const QString model = request.body.value(QLatin1String("model")).toString();
        if (!m_fake.m_scripts.contains(model))
            return whole(
                404, json({{QStringLiteral("error"), QStringLiteral("model '%1' not found").arg(model)}}));
        whole(200, FakeAnswers::ollamaShow(m_fake.m_scripts.value(model)));
    }

    // POST /api/embed and /v1/embeddings, or 404 in the API's words for a model the fake does not have.
    void embed(const FakeRequest &request, bool ollama)
    {
        const QString model = request.body.value(QLatin1String("model")).toString();
        if (!m_fake.m_scripts.contains(model))
            return whole(404, notFound(model, ollama));
        const FakeScript script = m_fake.m_scripts.value(model);
        if (script.status != 200)
            return whole(script.status,
                ollama ? FakeAnswers::ollamaError(script.errorMessage)
                       : FakeAnswers::openAiError(script, script.status));
        whole(200,
            ollama ? FakeAnswers::ollamaEmbed(model, script, request.body)
                   : FakeAnswers::openAiEmbeddings(model, script, request.body));
    }

    static QByteArray notFound(const QString &model, bool ollama)
    {
        return ollama ? FakeAnswers::ollamaError(
                   QStringLiteral("model \"%1\" not found, try pulling it first").arg(model))
                      : json({{QStringLiteral("error"),
                          QJsonObject {{QStringLiteral("message"),
                                           QStringLiteral("The model `%1` does not exist").arg(model)},
                              {QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                              {QStringLiteral("code"), QStringLiteral("model_not_found")}}}});
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

    void whole(int status, const QByteArray &body, const QByteArray &type = "application/json")
    {
        m_writes.append({0,
            "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body,
            true});
        writeNext();
    }

    void chat(const FakeRequest &request, const QByteArray &path)
    {
        const bool ollama = path.startsWith("/api/");
        const bool generate = path == "/api/generate" || path == "/v1/completions";
        const QString model = request.body.value(QLatin1String("model")).toString();
        if (!m_fake.m_scripts.contains(model))
            return whole(404, notFound(model, ollama));
        FakeScript script = m_fake.m_scripts.value(model);
        if (ollama && !thinkAsOllamaWould(request, script))
            return;
        const int attempt = m_fake.m_chatsByModel[model]++;
        if (script.status != 200 && (script.failTimes < 0 || attempt < script.failTimes)) {
            const QByteArray body = ollama ? FakeAnswers::ollamaError(script.errorMessage)
                                           : FakeAnswers::openAiError(script, script.status);
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
        if (!stream && !ollama)
            return whole(200,
                generate ? FakeAnswers::openAiCompletionWhole(model, script)
                         : FakeAnswers::openAiChatWhole(model, script, request.body));
        QList<QByteArray> events;
        if (ollama)
            events = generate ? FakeAnswers::ollamaGenerate(model, script)
                              : FakeAnswers::ollamaChat(model, script);
        else
            events = generate ? FakeAnswers::openAiCompletion(model, script, request.body)
                              : FakeAnswers::openAiChat(model, script, request.body);

        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: "
            + QByteArray(ollama ? "application/x-ndjson" : "text/event-stream")
            + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        queue(script.firstByteDelayMs, head, script.splitBytes);
        // OpenAI's opening chunks (the role, prompt progress) are not deltas.
        int delta = 0;
        if (!ollama && !generate)
            delta = request.body.value(QLatin1String("return_progress")).toBool()
                ? -std::max(1, script.promptProgressSteps)
                : -1;
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

    // A benchmark's delta carries the moment it leaves (FakeUpstream::StampPlaceholder), so a client can
    // tell how long it took to arrive. Same length: the chunk's framing stays right.
    static void stamp(QByteArray &bytes)
    {
        const qsizetype at = bytes.indexOf(FakeUpstream::StampPlaceholder);
        if (at < 0)
            return;
        const QByteArray now = QByteArray::number(FakeUpstream::monotonicNs()).rightJustified(16, '0');
        bytes.replace(at, now.size(), now);
    }

    void writeNext()
    {
        if (m_writes.isEmpty() || m_timer.isActive())
            return;
        if (m_writes.first().delayMs > 0) {
            m_timer.start(std::exchange(m_writes.first().delayMs, 0));
            return;
        }
        Write write = m_writes.takeFirst();
        stamp(write.bytes);
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

qint64 FakeUpstream::monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

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

bool FakeUpstream::start(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QString FakeUpstream::ollamaSpec() const
{
    return QStringLiteral("ollama:http://127.0.0.1:%1").arg(port());
}

QString FakeUpstream::openAiSpec() const
{
    return QStringLiteral("openai:http://127.0.0.1:%1/v1").arg(port());
}

void FakeUpstream::releaseListings()
{
    m_holdListings = false;
    for (const auto &answer : std::exchange(m_heldListings, {}))
        answer();
}

FakeRequest FakeUpstream::lastChatRequest() const
{
    for (qsizetype i = m_requests.size() - 1; i >= 0; --i) {
        if (m_requests.at(i).method == "POST")
            return m_requests.at(i);
    }
    return {};
}
