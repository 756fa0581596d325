// Sessions and their streams in Redis Streams, so several Ponder processes share them.
//
// Keys carry a Redis Cluster hash tag: <prefix>:{<session>}:session | :thinking | :progress, plus an index
// <prefix>:sessions (sorted by last activity). Appends run as one Lua script (session check, XADD MAXLEN ~,
// stats; expiry refreshed at most once a second, counted from the last activity); what a stream's
// publishers send while its last append is in flight goes as one call (GroupedWrites). Live events: this
// process's own appends are shown as Redis answers them, when the tail had read all before them. Another
// process's appends are announced on this process's own channel (a second connection, subscribed), which
// each watched session's set <prefix>:{<session>}:watchers names; the tail then reads the stream with XREAD.
// A blocking XREAD would wake for every entry, this process's own too: a seventh of Ponder's instructions per
// event and a fifth of Redis's. When Redis goes away, writes are buffered (bounded; the oldest are dropped
// and counted), local watchers keep receiving them, and the buffer is flushed on reconnect. A Redis that
// comes back without Ponder's data is noticed by a marker key, and is given back the sessions this process
// knows before the buffer is flushed (RedisRecovery).
#pragma once

#include "store/EventStore.h"
#include "store/GroupedWrites.h"
#include "store/RedisConnection.h"
#include "store/RedisRecovery.h"
#include "store/TailPacer.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <deque>

struct RedisScript;
struct redisReply;

struct RedisOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    int database = 0;
    QString keyPrefix = QStringLiteral("ponder");
    // Sent with AUTH on every connection when the password is not empty: a Redis with requirepass, or an ACL
    // user. redis://USER@HOST names a user whose password is given apart from the URL (the keychain,
    // PONDER_REDIS_PASSWORD); a password alone is written redis://:PASSWORD@HOST.
    QString username;
    QString password;

    // Accepts redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]; returns an error message for anything else. The
    // message never repeats a password.
    static std::optional<RedisOptions> fromUrl(const QString &url, QString *error);
    // For logs and /health: the password shows as "***".
    QString url() const;
};

class RedisEventStore : public EventStore
{
    Q_OBJECT

public:
    RedisEventStore(RedisOptions options, StoreLimits limits, QObject *parent = nullptr);
    ~RedisEventStore() override;

    void start();

    QString name() const override { return QStringLiteral("redis"); }
    void createSession(const Session &session, Done done) override;
    void session(const QString &id, SessionDone done) override;
    void sessions(SessionsDone done) override;
    void endSession(const QString &id, Done done) override;
    void append(const QString &sessionId, EventKind kind, const QString &type, const EventData &data,
        AppendDone done) override;
    // One script call for the whole batch, and for what other requests publish to the stream meanwhile
    // (while Redis is away, the events are buffered one by one).
    void appendMany(const QString &sessionId, EventKind kind, const QString &type,
        const QList<EventData> &data, AppendManyDone done) override;
    void read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done) override;
    void watch(const QString &sessionId, std::function<void()> ready) override;
    void unwatch(const QString &sessionId) override;
    void expireIdleSessions() override;
    bool isHealthy() const override { return m_healthy; }
    QJsonObject healthDetails() const override;

private:
    struct StreamKey
    {
        QString sessionId;
        EventKind kind;
    };

    QByteArray sessionKey(const QString &id) const;
    QByteArray streamKey(const QString &id, EventKind kind) const;
    QByteArray indexKey() const;
    QByteArray endedKey() const;
    QByteArray watchersKey(const QString &id) const;
    QByteArray epochKey() const;
    // At the session cap: removes the session that ended longest ago (its keys and its place in the index)
    // and tries the creation again; refuses it with 429 when no session has ended.
    void makeRoomFor(const Session &session, Done done);

    void connectBoth();
    void onConnectionLost(const QString &reason);
    void onConnected();
    // Selects the database, learns the tail's client id and loads the scripts; then the store is ready.
    void prepareConnections();
    // Sends the commands; once all are answered, connects again with the first refusal's reason, or runs
    // `next`. A connection lost meanwhile answers nothing: connecting again starts over.
    void whenAllAccepted(const QList<std::pair<RedisConnection *, QByteArrayList>> &commands,
        const std::function<QString(const redisReply *)> &refusalReason, const std::function<void()> &next);
    // Reads Ponder's marker (setting one if Redis has none), gives Redis back what it lost if the marker is
    // not the one this process saw, then runs `next`.
    void checkForLostData(std::function<void()> next);
    // Redis came back without Ponder's data: writes the sessions this process knows again, says so in the
    // log and /health, and reads the tailed streams again from their start.
    void restoreLostData();
    // Both connections are up and the scripts loaded: flush what was buffered and take writes again.
    void onReady();
    void scheduleReconnect();
    bool isTailed(const QByteArray &streamKey) const { return m_tailFrom.contains(streamKey); }
    // append() and appendMany() once the pacer lets them go.
    void appendNow(const QString &sessionId, EventKind kind, const QString &type, const EventData &data,
        AppendDone done);
    void appendManyNow(const QString &sessionId, EventKind kind, const QString &type,
        const QList<EventData> &data, AppendManyDone done);
    // One AppendMany call for writes GroupedWrites put together.
    void sendWrites(const QByteArray &key, QList<GroupedWrites::Write> writes);
    // One event buffered while Redis was away, written on reconnect with the id local watchers saw.
    void sendBuffered(const StoredEvent &event);
    // Back into the buffer, for the next flush: a buffered event Redis did not take.
    void keepBuffered(const StoredEvent &event);
    void dropOldestBuffered();
    // Closes the commands connection; the reconnect that follows gives `reason` in /health meanwhile.
    void reconnectBecause(const QString &reason);
    // EVALSHA on the commands connection; `handler` is answered as by RedisConnection::command.
    void runScript(const RedisScript &script, const QByteArrayList &keysAndArguments,
        RedisConnection::ReplyHandler handler);
    // The stats fields an event increments, and its confidence: the Append scripts' per-event arguments.
    static QList<QByteArray> statsArguments(const StoredEvent &event);
    // A session's marks of activity outside its hash, its score in the index of live sessions and its keys'
    // expiry, are refreshed at most once per activityRefreshMs() for each session from this process: a ZADD
    // per event was one more command each time, and the three PEXPIREs an eighth of the append script.
    bool activityRefreshDue(const QString &sessionId, qint64 now) const;
    // An append that refreshed the keys' expiry was answered: moves the session up in the index too.
    void activityRefreshed(const QString &sessionId, qint64 now);
    qint64 activityRefreshMs() const;
    // What the scripts set the keys' expiry to on activity: the idle expiry, plus the refresh interval, since
    // the next refresh may come that much after the last activity.
    QByteArray activityTtlMs() const;
    void flushBuffer();
    // Puts this process's channel in the session's watchers set, so that other processes announce their
    // appends to it.
    void registerWatcher(const QString &sessionId);
    // Starts the key's tail at the stream's current top, then runs `done`.
    void startTailAtTop(const QByteArray &key, std::function<void()> done);
    // Another process appended to the stream (its announcement), or this one's writes were not all shown.
    void markUnread(const QByteArray &key);
    // Reads the tailed streams marked unread, from where the tail is in each.
    void readTail();
    void onTailReply(redisReply *reply);
    // Shows this process's written events at once, when the tail has read everything before them.
    void showWritten(const QByteArray &key, const QList<StoredEvent> &written, qint64 firstNumber);
    void onTailError(const QString &error);
    void recheckExcludedKeys();
    StoreStatus unavailable() const;

    RedisOptions m_options;
    QByteArray m_keyPrefix; // m_options.keyPrefix in UTF-8: keys are built for every event
    StoreLimits m_limits;
    RedisConnection *m_commands = nullptr;
    RedisConnection *m_announcements = nullptr; // subscribed to m_channel
    bool m_healthy = false;
    QString m_lastError = QStringLiteral("connecting");
    QString m_closeReason; // why this process closed the connection itself, if it did
    QTimer m_reconnect;
    int m_backoffMs = 100;
    QByteArray m_channel; // this process's: other processes announce their appends to it
    bool m_tailReading = false;
    QSet<QByteArray> m_unread; // tailed streams with entries the tail has not read
    static constexpr int ReplyTimeoutMs = 5000; // unanswered this long, Redis counts as gone
    static constexpr int TailReadCount = 1000; // entries one read takes from each stream
    // A PING this often: with nothing else waiting for an answer, nothing would notice a Redis that stopped.
    QTimer m_heartbeat;
    static constexpr int TailRetryFirstMs = 100;
    static constexpr int TailRetryLastMs = 5000;
    QTimer m_tailRetry; // a failed read is tried again after a pause
    static constexpr int ExcludedCheckMs = 2000;
    QTimer m_excludedCheck; // runs while keys are left out of the tail, to take them back once mended
    int m_tailRetryMs = TailRetryFirstMs; // doubling while reads keep failing

    std::deque<StoredEvent> m_buffer; // answered at once; written on reconnect
    // Buffered events this process's watchers saw under their provisional ids, by that id (-> stream key),
    // until Redis has kept that id or the tail has read the entry it got instead.
    QHash<QByteArray, QByteArray> m_shownProvisionally;
    qint64 m_droppedEvents = 0;
    RedisRecovery m_recovery;
    StreamIdGenerator m_provisionalIds;

    // session -> when this process last refreshed its index score and its keys' expiry
    QHash<QString, qint64> m_activityRefreshed;
    QHash<QString, int> m_watched; // session -> watch count
    QHash<QByteArray, QByteArray> m_tailFrom; // stream key -> last id read
    QHash<QByteArray, QByteArray> m_tailExcluded; // watched keys of another type: key -> last id read
    QHash<QByteArray, qint64> m_tailNumbers; // stream key -> n of the last entry read (0: none yet), if known
    QHash<QByteArray, StreamKey> m_streamKeys; // stream key -> what it is
    TailPacer m_pacer;
    GroupedWrites m_writes;
};
