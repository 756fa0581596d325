// SPDX-License-Identifier: MIT
// An AG-UI agent for tests: takes a RunAgentInput (POST, JSON) and answers as AG-UI agents do, with SSE
// (text/event-stream), one event per `data:` line, following a mode: a whole run (steps, reasoning, a tool
// call, an answer, state and a custom event), a run that dies mid-way, an HTTP error, an answer that is not
// an event stream, or a run that never ends. It lives in tests/ only.
//
// It writes raw HTTP/1.1 on QTcpSocket, so the tests know exactly which bytes left (a relay must pass
// them on unchanged), and it notices when its client hangs up.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class FakeAguiAgent : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        WholeRun,
        DiesMidRun, // some events, then the connection is cut
        HttpError, // 500 with a JSON error body
        NotAnEventStream, // 200, application/json
        NeverEnds, // RUN_STARTED, then silence until the client leaves
        ErrorThenMore, // RUN_STARTED, a tool call left open, RUN_ERROR, then text and RUN_FINISHED it should
                       // not have sent, and the connection held open
        Held // RUN_STARTED, then the rest of a whole run once release() is called
    };

    explicit FakeAguiAgent(QObject *parent = nullptr);
    bool start();
    QUrl url() const; // where runs are posted
    void setMode(Mode mode) { m_mode = mode; }
    // Sends the rest of the run held in Mode::Held.
    void release();

    // The events a whole run sends, as JSON objects, in order (for tests to compare with).
    static QList<QJsonObject> wholeRun(const QString &threadId, const QString &runId);
    // The bytes of the last response's events: exactly what a relay must pass on.
    QByteArray lastEventBytes() const { return m_lastEventBytes; }
    QList<QJsonObject> receivedInputs() const { return m_inputs; }
    // Clients that hung up while their run was still being answered.
    int hangUps() const { return m_hangUps; }

private:
    void serve(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QJsonObject &input);
    void sendEvents(QPointer<QTcpSocket> socket, QList<QByteArray> frames, bool thenCut);
    static QByteArray chunk(const QByteArray &data);

    QTcpServer m_server;
    Mode m_mode = Mode::WholeRun;
    QByteArray m_lastEventBytes;
    QList<QJsonObject> m_inputs;
    int m_hangUps = 0;
    QPointer<QTcpSocket> m_held; // Mode::Held: the run waiting for release(), and the rest of it
    QList<QByteArray> m_heldFrames;
};
