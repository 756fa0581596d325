// One HTTP/1.1 request to a model server, with the response body handed over the moment it arrives.
//
// Why not QNetworkAccessManager: on Qt 6.4 it runs at most 6 connections per host and queues the rest,
// with no way to raise the limit, and a gateway must hold hundreds of concurrent streams to one upstream.
// It also makes abort() exact: closing our own socket is what the upstream sees.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class ConnectionPool;
class QTcpSocket;

class HttpStreamClient : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method = "GET";
        QUrl url;
        Headers headers;
        QByteArray body;
        int connectTimeoutMs = 10'000;
        // Longest silence allowed while waiting for or reading the response (a model may load for minutes).
        int idleTimeoutMs = 300'000;
        // Keeps the connection for the next request when the response ends cleanly; null: one per request.
        ConnectionPool *pool = nullptr;
    };

    enum class Failure
    {
        Unreachable, // could not connect
        Timeout, // no connection or no data within the limits
        Broken, // the connection ended before the response was complete, or the response was not HTTP
    };
    Q_ENUM(Failure)

    explicit HttpStreamClient(QObject *parent = nullptr);
    ~HttpStreamClient() override;

    void start(const Request &request);
    // Closes the connection at once; no signal follows.
    void abort();
    // The owner no longer needs the response: finish reading it (so the connection can be reused) for at
    // most `graceMs`, then delete this client. It stops being a child of its owner.
    void releaseWhenDone(int graceMs);

    int status() const { return m_status; }
    QByteArray header(QByteArrayView name) const;

Q_SIGNALS:
    void responseStarted(int status);
    void bodyReceived(const QByteArray &data);
    void finished();
    void failed(HttpStreamClient::Failure failure, const QString &message);

private:
    enum class State
    {
        Idle,
        Connecting,
        StatusAndHeaders,
        Body,
        Done
    };
    enum class Framing
    {
        Chunked,
        Length,
        UntilClose
    };

    void connectFresh();
    void onConnected();
    bool retryOnFreshConnection();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    bool parseHead();
    void parseBody();
    bool parseChunked();
    void complete();
    void fail(Failure failure, const QString &message);
    void closeSocket();

    Request m_request;
    QPointer<QTcpSocket> m_socket;
    QTimer m_timeout;
    State m_state = State::Idle;
    Framing m_framing = Framing::UntilClose;
    QByteArray m_buffer;
    int m_status = 0;
    Headers m_responseHeaders;
    qint64 m_remaining = 0; // Length: body bytes still due; Chunked: bytes left in the current chunk
    bool m_inChunkData = false;
    bool m_reused = false; // the connection came from the pool (the server may have closed it meanwhile)
};
