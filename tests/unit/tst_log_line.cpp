// SPDX-License-Identifier: MIT
// LogLine: its lines read as the message pattern Ponder used to set wrote them (local time to the
// millisecond, level, category), though it formats the date and time only when the second changes.
#include "core/LogLine.h"

#include <QDateTime>
#include <QTest>

class TestLogLine : public QObject
{
    Q_OBJECT

private:
    // What Qt's pattern "%{time yyyy-MM-ddThh:mm:ss.zzz} <level> %{category}: %{message}" wrote.
    static QByteArray patternLine(
        qint64 msecs, const char *level, const char *category, const QString &message)
    {
        return QDateTime::fromMSecsSinceEpoch(msecs)
                   .toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzz"))
                   .toLocal8Bit()
            + ' ' + level + ' ' + category + ": " + message.toLocal8Bit() + '\n';
    }

private Q_SLOTS:
    void writesWhatThePatternWrote_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("level");
        QTest::newRow("info") << int(QtInfoMsg) << QByteArray("info");
        QTest::newRow("warning") << int(QtWarningMsg) << QByteArray("warning");
        QTest::newRow("critical") << int(QtCriticalMsg) << QByteArray("critical");
        QTest::newRow("debug") << int(QtDebugMsg) << QByteArray("debug");
    }

    void writesWhatThePatternWrote()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, level);
        LogLine log;
        const qint64 at = 1'796'613'227'007; // 2026-12-07, 7 ms into its second
        QCOMPARE(log.format(QtMsgType(type), "ponder.chat", QStringLiteral("session s1 -> local m"), at),
            patternLine(at, level, "ponder.chat", QStringLiteral("session s1 -> local m")));
    }

    void eachLineShowsItsOwnSecondAndMillisecond()
    {
        LogLine log;
        // Within one second, over its end, a minute's and a day's end, and back in time (the clock was set).
        const qint64 start = 1'796'687'999'998; // 23:59:59.998 UTC, a day's end in the zones near UTC
        for (const qint64 at : {start, start + 1, start + 2, start + 999, start + 60'000, start - 86'400'000,
                 qint64(0), qint64(-1)}) {
            QCOMPARE(log.format(QtInfoMsg, "ponder.http", QStringLiteral("x"), at),
                patternLine(at, "info", "ponder.http", QStringLiteral("x")));
        }
    }
};

QTEST_GUILESS_MAIN(TestLogLine)
#include "tst_log_line.moc"
