// SPDX-License-Identifier: MIT
// WatcherOutbox: a watcher's frames are shared, not copied; its connection gets a window at a time, in
// order; the budget counts how far behind each watcher is and drops the furthest behind.
#include "hub/WatcherOutbox.h"

#include <QTest>

namespace {

// A connection that keeps what it is handed as "pending" until the test lets the kernel take some.
struct FakeConnection
{
    QList<QByteArray> written;
    qint64 pending = 0;
    int drops = 0;

    WatcherOutbox<QByteArray>::Connection connection()
    {
        return {[this] { return pending; },
            [this](const QList<QByteArray> &frames) {
                for (const QByteArray &frame : frames) {
                    written << frame;
                    pending += frame.size();
                }
            }};
    }
};

constexpr qint64 Window = 1000;

} // namespace

class WatcherOutboxTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionGetsOneWindowAndTheRestWaitsShared();
    void drainingHandsOnTheRestInOrder();
    void aConnectionThatTakesAllAtOnceIsHandedAll();
    void budgetCountsQueuedAndPendingBytes();
    void budgetDropsTheFurthestBehindAndKeepsTheOthers();
};

void WatcherOutboxTest::connectionGetsOneWindowAndTheRestWaitsShared()
{
    QObject owner;
    WatcherBacklogBudget budget(1 << 20);
    FakeConnection a, b;
    WatcherOutbox<QByteArray> first(owner, budget, Window, a.connection(), [&] { ++a.drops; });
    WatcherOutbox<QByteArray> second(owner, budget, Window, b.connection(), [&] { ++b.drops; });
    QList<QByteArray> frames;
    for (int i = 0; i < 10; ++i) {
        frames << QByteArray(400, char('a' + i));
        first.push(frames.last());
        second.push(frames.last());
    }
    // 400 + 400 + 400: the third frame starts under the window and goes whole; the other seven wait.
    QCOMPARE(a.written.size(), 3);
    QCOMPARE(first.queuedFrames(), 7);
    QCOMPARE(b.written.size(), 3);
    // What was handed on is the frame pushed, shared with every watcher of it, not a copy.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(a.written.at(i).isSharedWith(frames.at(i)));
        QVERIFY(b.written.at(i).isSharedWith(frames.at(i)));
    }
    QCOMPARE(a.drops + b.drops, 0);
}

void WatcherOutboxTest::drainingHandsOnTheRestInOrder()
{
    QObject owner;
    WatcherBacklogBudget budget(1 << 20);
    FakeConnection a;
    WatcherOutbox<QByteArray> outbox(owner, budget, Window, a.connection(), [&] { ++a.drops; });
    QList<QByteArray> frames;
    for (int i = 0; i < 20; ++i) {
        frames << QByteArray::number(i).repeated(100);
        outbox.push(frames.last());
    }
    while (!outbox.isEmpty()) {
        const qint64 before = a.written.size();
        a.pending = std::max<qint64>(0, a.pending - 700); // the kernel took some
        outbox.pump();
        QVERIFY(a.written.size() > before);
        QVERIFY(a.pending < Window + 300); // never more than a window plus the frame that crossed it
    }
    QCOMPARE(a.written, frames);
    QCOMPARE(a.drops, 0);
}

void WatcherOutboxTest::aConnectionThatTakesAllAtOnceIsHandedAll()
{
    // A socket that flushes what it is handed inside its own bytesWritten signal does not emit that signal
    // again: the outbox hands it the next window on a later turn of the event loop (one window a turn, so
    // that a fan-out stays short), or the rest would wait forever.
    QObject owner;
    WatcherBacklogBudget budget(1 << 20);
    QList<QByteArray> written;
    bool flushing = false;
    WatcherOutbox<QByteArray> outbox(owner, budget, Window,
        {[&] { return flushing ? qint64(0) : Window; },
            [&](const QList<QByteArray> &frames) { written << frames; }},
        [] {});
    QList<QByteArray> frames;
    for (int i = 0; i < 30; ++i) {
        frames << QByteArray(300, char('a' + i % 26));
        outbox.push(frames.last()); // the connection is full: all of it waits
    }
    QVERIFY(written.isEmpty());
    flushing = true; // from now on it takes everything at once
    outbox.pump();
    QCOMPARE(written, frames.mid(0, 4)); // one window (300 x 4 crosses 1000) in this turn
    QVERIFY(QTest::qWaitFor([&] { return outbox.isEmpty(); }, 15000));
    QCOMPARE(written, frames);
    QVERIFY(outbox.isEmpty());
    QCOMPARE(budget.queuedBytes(), 0);
}

void WatcherOutboxTest::budgetCountsQueuedAndPendingBytes()
{
    QObject owner;
    WatcherBacklogBudget budget(1 << 20);
    FakeConnection a, b;
    WatcherOutbox<QByteArray> first(owner, budget, Window, a.connection(), [] {});
    WatcherOutbox<QByteArray> second(owner, budget, Window, b.connection(), [] {});
    const QByteArray frame(500, 'x');
    for (int i = 0; i < 6; ++i)
        first.push(frame);
    second.push(frame);
    // Each watcher is as far behind as what it has not sent, shared frames counted for each.
    QCOMPARE(first.backlogBytes(), 3000);
    QCOMPARE(second.backlogBytes(), 500);
    QCOMPARE(budget.queuedBytes(), 3500);
    a.pending = 0; // the kernel took the first window
    first.pump();
    QCOMPARE(first.backlogBytes(), 2000);
    QCOMPARE(budget.queuedBytes(), 2500);
    first.clear();
    a.pending = 0;
    first.pump();
    QCOMPARE(budget.queuedBytes(), 500);
}

void WatcherOutboxTest::budgetDropsTheFurthestBehindAndKeepsTheOthers()
{
    QObject owner;
    WatcherBacklogBudget budget(8000);
    FakeConnection slow, fast;
    WatcherOutbox<QByteArray> *slowOutbox = nullptr;
    WatcherOutbox<QByteArray> slowBox(owner, budget, Window, slow.connection(), [&] {
        ++slow.drops;
        slowOutbox->clear();
    });
    slowOutbox = &slowBox;
    WatcherOutbox<QByteArray> fastBox(owner, budget, Window, fast.connection(), [&] { ++fast.drops; });
    QList<QByteArray> frames;
    for (int i = 0; i < 30; ++i) {
        frames << QByteArray(500, char('A' + i));
        slowBox.push(frames.last());
        fastBox.push(frames.last());
        fast.pending = 0; // this one reads everything
        fastBox.pump();
    }
    QCOMPARE(slow.drops, 1);
    QVERIFY(slowBox.dropped());
    QCOMPARE(budget.droppedWatchers(), 1);
    QCOMPARE(fast.drops, 0);
    QCOMPARE(fast.written, frames);
    QVERIFY(budget.queuedBytes() <= fastBox.backlogBytes());
    // A dropped watcher queues nothing more.
    slowBox.push(frames.first());
    QCOMPARE(slowBox.queuedFrames(), 0);
}

QTEST_GUILESS_MAIN(WatcherOutboxTest)
#include "tst_watcher_outbox.moc"
