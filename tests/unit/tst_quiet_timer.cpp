// SPDX-License-Identifier: MIT
// QuietTimer: restarting it only notes the time, so what it must keep is QTimer's meaning: it fires once
// there has been a whole interval of quiet since the last start(), never before, and a restart postpones it.
// Its timers share one queue per thread: each fires on its own deadline, whatever the others do.
#include "core/QuietTimer.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <limits>
#include <memory>

class TestQuietTimer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleShot_firesOnceAfterTheInterval()
    {
        QuietTimer timer;
        timer.setSingleShot(true);
        int fired = 0;
        timer.onTimeout([&] { ++fired; });
        QElapsedTimer clock;
        clock.start();
        timer.start(50);
        QVERIFY(timer.isActive());
        QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 10'000);
        QVERIFY(clock.elapsed() >= 50);
        QVERIFY(!timer.isActive());
        // A sentinel timer that fires well after a second firing would have: there was none.
        QuietTimer sentinel;
        sentinel.setSingleShot(true);
        int sentinelFired = 0;
        sentinel.onTimeout([&] { ++sentinelFired; });
        sentinel.start(200);
        QTRY_COMPARE_WITH_TIMEOUT(sentinelFired, 1, 10'000);
        QCOMPARE(fired, 1);
    }

    void restarts_postponeIt_andItFiresOnlyAfterAWholeIntervalOfQuiet()
    {
        QuietTimer timer;
        timer.setSingleShot(true);
        QElapsedTimer sinceLastStart;
        qint64 leastQuietWhenFired = std::numeric_limits<qint64>::max(); // over every time it fired
        timer.onTimeout(
            [&] { leastQuietWhenFired = std::min(leastQuietWhenFired, sinceLastStart.elapsed()); });
        // Restarted every few milliseconds, far more often than its interval, for several intervals.
        QTimer restarter;
        int restarts = 0;
        connect(&restarter, &QTimer::timeout, this, [&] {
            if (++restarts == 100)
                restarter.stop();
            sinceLastStart.start();
            timer.start(40);
        });
        sinceLastStart.start();
        timer.start(40);
        restarter.start(3);
        QTRY_VERIFY_WITH_TIMEOUT(!restarter.isActive() && !timer.isActive(), 30'000);
        // However the machine scheduled the restarts, it fired (at least once: it is no longer active) only
        // when 40 ms had passed since the last one.
        QVERIFY(leastQuietWhenFired != std::numeric_limits<qint64>::max());
        QVERIFY2(leastQuietWhenFired >= 40, qPrintable(QString::number(leastQuietWhenFired)));
    }

    void repeating_firesAgainAfterEachInterval_untilStopped()
    {
        QuietTimer timer;
        timer.setInterval(20);
        int fired = 0;
        timer.onTimeout([&] {
            if (++fired == 3)
                timer.stop();
        });
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(fired, 3, 30'000);
        QVERIFY(!timer.isActive());
    }

    void anotherInterval_appliesFromThatStart()
    {
        QuietTimer timer;
        timer.setSingleShot(true);
        timer.start(60'000); // would fire only after a minute
        int fired = 0;
        timer.onTimeout([&] { ++fired; });
        QElapsedTimer clock;
        clock.start();
        timer.start(30);
        QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 10'000);
        QVERIFY(clock.elapsed() >= 30);
        QCOMPARE(timer.interval(), 30);
    }

    void timersSharingTheQueue_eachFireOnItsOwnDeadline_andAStoppedOneNever()
    {
        // Armed out of order, one stopped and one destroyed before their time, one destroyed by another's
        // firing: the rest fire in the order of their deadlines, each once.
        QList<int> order;
        QuietTimer late;
        QuietTimer early;
        QuietTimer stopped;
        auto destroyed = std::make_unique<QuietTimer>();
        auto destroyedByAnother = std::make_unique<QuietTimer>();
        for (QuietTimer *timer : {&late, &early, &stopped, destroyed.get(), destroyedByAnother.get()})
            timer->setSingleShot(true);
        late.onTimeout([&] { order << 3; });
        early.onTimeout([&] {
            order << 1;
            destroyedByAnother.reset();
        });
        stopped.onTimeout([&] { order << 99; });
        destroyed->onTimeout([&] { order << 98; });
        destroyedByAnother->onTimeout([&] { order << 97; });
        late.start(120);
        early.start(30);
        stopped.start(20);
        destroyed->start(25);
        destroyedByAnother->start(80);
        stopped.stop();
        destroyed.reset();
        QTRY_COMPARE_WITH_TIMEOUT(order, QList<int>({1, 3}), 10'000);
        QVERIFY(!late.isActive() && !early.isActive() && !stopped.isActive());
    }

    void aTimerDestroyedByItsOwnTimeout_isGoneQuietly()
    {
        auto timer = std::make_unique<QuietTimer>();
        timer->setInterval(10);
        bool fired = false;
        timer->onTimeout([&] {
            fired = true;
            timer.reset(); // as an owner deleted in its timer's handler
        });
        timer->start();
        QTRY_VERIFY_WITH_TIMEOUT(fired, 10'000);
        QVERIFY(!timer);
        // The queue goes on: another timer fires after it.
        QuietTimer next;
        next.setSingleShot(true);
        int nextFired = 0;
        next.onTimeout([&] { ++nextFired; });
        next.start(10);
        QTRY_COMPARE_WITH_TIMEOUT(nextFired, 1, 10'000);
    }
};

QTEST_GUILESS_MAIN(TestQuietTimer)
#include "tst_quiet_timer.moc"
