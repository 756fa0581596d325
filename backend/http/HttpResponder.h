// SPDX-License-Identifier: MIT
// Answers one HTTP request: a whole response, or a chunked stream (SSE, NDJSON) written as data arrives.
//
// It lives as long as the connection, or until the response is complete, so a handler that answers later
// holds a QPointer and checks it; writing after the client left is a no-op, never a crash.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QtGlobal>

#include <functional>
#include <initializer_list>

class QJsonObject;
class QTcpSocket;
class HttpResponder;
struct ApiError;
struct HttpRequest;

// Writes an error in the shape a family of routes' clients read: Ollama's {"error": "..."}, Anthropic's
// {"type":"error",...}, OTLP's google.rpc.Status in the request's encoding. Empty: Ponder's own (OpenAI's).
using RouteErrorWriter = std::function<void(const HttpRequest &, HttpResponder &, const ApiError &)>;

class HttpResponder : public QObject
{
    Q_OBJECT

public:
    // How the request that this answers lets the response be framed.
    struct Framing
    {
        bool headersOnly = false; // HEAD: the headers a GET would get, no body
        bool chunked = true; // HTTP/1.0 clients know no chunks: a stream is the raw bytes, ended by closing
    };

    HttpResponder(QTcpSocket *socket, Framing framing);
    ~HttpResponder() override;

    // What answers a request through this responder (a GenerationResponse), told by plain calls what
    // clientDisconnected() and bytesWritten() say, before their receivers, instead of two signal
    // connections made for every request. At most one; a listener that goes first sets null.
    class Listener
    {
    public:
        virtual void onClientDisconnected() = 0;
        virtual void onBytesWritten() = 0;

    protected:
        ~Listener() = default;
    };
    void setListener(Listener *listener) { m_listener = listener; }

    // Adds a header to the response; call before send() or beginStream().
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Writes an error body in the shape the request's clients read; empty: Ponder's own (OpenAI's). Set
    // from the request's path before anything answers it, so every error of a route family, the HTTP
    // edge's refusals included, has that family's shape (sendApiError uses it).
    using ErrorWriter = std::function<void(HttpResponder &, const ApiError &)>;
    void setErrorWriter(ErrorWriter writer) { m_errorWriter = std::move(writer); }
    const ErrorWriter &errorWriter() const { return m_errorWriter; }

    void send(int status, const QByteArray &body, const QByteArray &contentType);
    void sendJson(int status, const QJsonObject &body);

    // Chunked transfer: each writeChunk() goes to the client at once (Nagle is off on our sockets), or,
    // with Flush::WhenWritable, when the socket is next writable, on a later pass of the event loop (for
    // writers that pace themselves by bytesWritten, so that the kernel's copy is not made in their pass).
    enum class Flush
    {
        Now,
        WhenWritable
    };
    void beginStream(int status, const QByteArray &contentType);
    bool writeChunk(const QByteArray &data, Flush flush = Flush::Now);
    // One chunk made of `parts` in order (an upstream's event between the framing Ponder adds), handed to
    // the kernel in one call without being joined first; only what it does not take is joined and left
    // to QTcpSocket. Empty parts are fine; all of them empty writes nothing.
    bool writeChunk(std::initializer_list<QByteArrayView> parts, Flush flush = Flush::Now);
    void endStream();

    bool hasResponded() const { return m_state != State::Idle; }
    bool isStreaming() const { return m_state == State::Streaming; }
    bool isConnected() const;
    // Bytes written but not yet taken by the kernel: how far behind a slow client is.
    qint64 pendingBytes() const;
    // Ends the connection at once, discarding what was not sent yet: for a client so far behind that
    // what it has not read is the memory to free.
    void abortConnection();

Q_SIGNALS:
    void clientDisconnected();
    // The kernel took some of what was written: pendingBytes() went down.
    void bytesWritten();
    // The whole response is written: the connection may read its next request.
    void complete();

private:
    enum class State
    {
        Idle,
        Streaming,
        Done
    };

    void finish();
    void onSocketDisconnected();
    // The kernel took some of what was written: the listener, then bytesWritten().
    void tellBytesWritten();
    // Writes to the client at once, bypassing QTcpSocket's buffer (and its write notifier) when it is empty.
    void writeNow(const QByteArray &bytes);
    QByteArray headerBlock(int status, const QByteArray &contentType, qint64 contentLength) const;

    QList<QPair<QByteArray, QByteArray>> m_headers;
    State m_state = State::Idle;
    Framing m_framing;
    ErrorWriter m_errorWriter;
    Listener *m_listener = nullptr;
    QPointer<QTcpSocket> m_socket;
};
