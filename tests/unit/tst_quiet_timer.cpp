// SPDX-License-Identifier: MIT
// QuietTimer: restarting it only notes the time, so what it must keep is QTimer's meaning: it fires once
// there has been a whole interval of quiet since the last start(), never before, and a restart postpones it.
#include "core/QuietTimer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <limits>

class TestQuietTimer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleShot_firesOnceAfterTheInterval()
    {
        QuietTimer timer;
        timer.setSingleShot(true);
        QSignalSpy fired(&timer, &QuietTimer::timeout);
        QElapsedTimer clock;
        clock.start();
        timer.start(50);
        QVERIFY(timer.isActive());
        QVERIFY(fired.wait(10'000));
        QVERIFY(clock.elapsed() >= 50);
        QVERIFY(!timer.isActive());
        // A sentinel timer that fires well after a second firing would have: there was none.
        QuietTimer sentinel;
        sentinel.setSingleShot(true);
        QSignalSpy sentinelFired(&sentinel, &QuietTimer::timeout);
        sentinel.start(200);
        QVERIFY(sentinelFired.wait(10'000));
        QCOMPARE(fired.size(), 1);
    }

    void restarts_postponeIt_andItFiresOnlyAfterAWholeIntervalOfQuiet()
    {
        QuietTimer timer;
        timer.setSingleShot(true);
        QElapsedTimer sinceLastStart;
        qint64 leastQuietWhenFired = std::numeric_limits<qint64>::max(); // over every time it fired
        connect(&timer, &QuietTimer::timeout, this,
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
        connect(&timer, &QuietTimer::timeout, this, [&] {
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
        QSignalSpy fired(&timer, &QuietTimer::timeout);
        QElapsedTimer clock;
        clock.start();
        timer.start(30);
        QVERIFY(fired.wait(10'000));
        QVERIFY(clock.elapsed() >= 30);
        QCOMPARE(timer.interval(), 30);
    }
};

QTEST_GUILESS_MAIN(TestQuietTimer)
#include "tst_quiet_timer.moc"
