// SPDX-License-Identifier: MIT
// One HTTP/1.1 request to a model server, with the response body handed over the moment it arrives.
//
// Why not QNetworkAccessManager: on Qt 6.4 it runs at most 6 connections per host and queues the rest,
// with no way to raise the limit, and a gateway must hold hundreds of concurrent streams to one upstream.
// It also makes abort() exact: closing our own socket is what the upstream sees.
//
// The response is read by HttpResponseParser (interim 1xx responses skipped, no body after HEAD, 204 or
// 304, Content-Length checked, every line bounded). A request can go through an HTTP proxy (absolute-form
// requests for http://, CONNECT for https://) or a SOCKS5 one (ProxyRules decides which).
#pragma once

#include "core/QuietTimer.h"
#include "http/HttpResponseParser.h"
#include "upstream/ConnectionPool.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

// A pooled connection is heard through the pool (ConnectionPool::Holder), a new one by its own signals.
class HttpStreamClient : public QObject, private ConnectionPool::Holder
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
        // The proxy to go through (http://, socks5:// or socks5h://); empty: connect directly.
        QUrl proxy;
    };

    enum class Failure
    {
        Unreachable, // could not connect (or the proxy would not)
        Timeout, // no connection or no data within the limits
        Broken, // the connection ended before the response was complete, or the response was not valid HTTP
        Tls, // the TLS handshake failed (an untrusted certificate, another host's name, ...)
    };
    Q_ENUM(Failure)

    // Who reads the response by plain calls instead of the signals: told exactly what they would say, in
    // their place (none is emitted while a reader is set). A generation is one per request, where four
    // signal connections would be made and torn down for each. The reader sets null before it goes.
    class Reader
    {
    public:
        virtual void onResponseStarted(int status) = 0;
        virtual void onResponseBody(const QByteArray &data) = 0;
        virtual void onResponseEnd() = 0;
        virtual void onResponseFailed(Failure failure, const QString &message) = 0;

    protected:
        ~Reader() = default;
    };

    explicit HttpStreamClient(QObject *parent = nullptr);
    ~HttpStreamClient() override;

    void start(const Request &request);
    // Closes the connection at once; no signal follows.
    void abort();
    // The owner no longer needs the response: finish reading it (so the connection can be reused) for at
    // most `graceMs`, then delete this client. It stops being a child of its owner.
    void releaseWhenDone(int graceMs);
    void setReader(Reader *reader) { m_reader = reader; }
    // Flow control for a consumer that cannot keep up: while paused, nothing more is read and the socket
    // buffers at most PausedReadBufferBytes, so the kernel's TCP window holds the server back. The silence
    // that follows is ours, not the server's: the idle timeout waits until reading resumes.
    void setReadPaused(bool paused);
    bool isReadPaused() const { return m_readPaused; }
    static constexpr qint64 PausedReadBufferBytes = 64 * 1024;
    // At most this much is read at once otherwise: one read is what a consumer gets at once, before it
    // can say it is behind.
    static constexpr qint64 ReadBufferBytes = 1024 * 1024;

    // 0 and "" until the response's head has parsed whole: the status line of a head that failed after
    // it (a 101, a bad header line) says nothing about an answer.
    int status() const { return m_parser.hasHead() ? m_parser.head().status : 0; }
    QByteArray header(QByteArrayView name) const
    {
        return m_parser.hasHead() ? m_parser.head().header(name) : QByteArray();
    }
    const QUrl &url() const { return m_request.url; }
    // What the network itself said about the last failure (Qt's socket error, the TLS errors), apart from
    // the sentence `failed` composes around it: a window shows it quoted under its own words. "" when the
    // failure is Ponder's finding (a timeout, a response that ended early).
    const QString &failureSaid() const { return m_failureSaid; }

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
        Reading, // the request is sent; the response is read
        Done
    };

    void connectFresh();
    void watch(QTcpSocket *socket);
    void onConnected();
    QByteArray requestHead() const;
    bool retryOnFreshConnection();
    void onReadyRead();
    void read(const QByteArray &bytes);
    void onDisconnected();
    void onSocketError();
    void onHeldReadyRead() override { onReadyRead(); }
    void onHeldDisconnected() override { onDisconnected(); }
    void onHeldError() override { onSocketError(); }
    QString where() const;
    void complete();
    void fail(Failure failure, const QString &message);
    void closeSocket();

    Request m_request;
    Reader *m_reader = nullptr;
    QPointer<QTcpSocket> m_socket;
    QuietTimer m_timeout; // restarted on every read: a clock read, not a timer re-registration
    State m_state = State::Idle;
    HttpResponseParser m_parser;
    bool m_received = false; // a byte of the response arrived
    bool m_reused = false; // the connection came from the pool (the server may have closed it meanwhile)
    QPointer<ConnectionPool> m_heldFrom; // the pool of the connection in use, while it is taken from one
    bool m_readPaused = false;
    bool m_deleteWhenDone = false; // released by its owner (releaseWhenDone)
    bool m_forwardToProxy = false; // http:// through an HTTP proxy: absolute-form requests to the proxy
    QString m_tlsErrors; // what the TLS handshake found wrong, for the message
    QString m_failureSaid;
};
