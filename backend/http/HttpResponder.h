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

class QJsonObject;
class QTcpSocket;
struct ApiError;

// How a family of routes words its error bodies; null: Ponder's own (OpenAI's) shape.
using ErrorShape = QJsonObject (*)(const ApiError &error);

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

    // Adds a header to the response; call before send() or beginStream().
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Set from the request's path before any handler runs, so every error of a route family, the HTTP
    // edge's refusals included, has that family's shape.
    void setErrorShape(ErrorShape shape) { m_errorShape = shape; }
    ErrorShape errorShape() const { return m_errorShape; }

    void send(int status, const QByteArray &body, const QByteArray &contentType);
    void sendJson(int status, const QJsonObject &body);

    // Chunked transfer: each writeChunk() goes to the client at once (Nagle is off on our sockets).
    void beginStream(int status, const QByteArray &contentType);
    bool writeChunk(const QByteArray &data);
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
    QByteArray headerBlock(int status, const QByteArray &contentType, qint64 contentLength) const;

    QList<QPair<QByteArray, QByteArray>> m_headers;
    State m_state = State::Idle;
    Framing m_framing;
    ErrorShape m_errorShape = nullptr;
    QPointer<QTcpSocket> m_socket;
};
