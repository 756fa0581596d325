// SPDX-License-Identifier: MIT
#include "BenchSupport.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index
        = std::clamp(qsizetype(p / 100.0 * double(values.size() - 1) + 0.5), qsizetype(0), values.size() - 1);
    return values.at(index);
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

namespace {
// User plus system time from a /proc stat file (a process's or one of its threads').
double cpuSecondsIn(const QString &statPath)
{
    QFile stat(statPath);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // The command name (field 2) may hold spaces; the fields counted here start after its ')'.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(ticks);
}
} // namespace

double cpuSeconds(qint64 pid)
{
    return cpuSecondsIn(QStringLiteral("/proc/%1/stat").arg(pid));
}

double threadCpuSeconds(qint64 pid, qint64 tid)
{
    return cpuSecondsIn(QStringLiteral("/proc/%1/task/%2/stat").arg(pid).arg(tid));
}

namespace {
QList<qint64> systemCpuTicks()
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    QList<qint64> ticks;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i)
        ticks.append(fields.at(i).toLongLong());
    return ticks;
}
} // namespace

StealMeter::StealMeter()
    : m_start(systemCpuTicks())
{ }

double StealMeter::percentSinceStart() const
{
    const QList<qint64> now = systemCpuTicks();
    if (now.size() < 8 || m_start.size() < 8)
        return -1;
    qint64 total = 0;
    for (qsizetype i = 0; i < 8; ++i)
        total += now.at(i) - m_start.at(i);
    return total > 0 ? 100.0 * double(now.at(7) - m_start.at(7)) / double(total) : 0;
}

void printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &cell : header)
        widths.append(cell.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    auto line = [&](const QStringList &cells) {
        QString text = QStringLiteral("|");
        for (qsizetype i = 0; i < widths.size(); ++i)
            text += QLatin1Char(' ') + cells.value(i).leftJustified(widths[i]) + QStringLiteral(" |");
        std::printf("%s\n", qPrintable(text));
    };
    line(header);
    QStringList rule;
    for (qsizetype width : widths)
        rule.append(QString(width, QLatin1Char('-')));
    line(rule);
    for (const QStringList &row : rows)
        line(row);
    std::fflush(stdout);
}

FakeUpstreamThread::FakeUpstreamThread(std::function<void(FakeUpstream &)> configure)
    : m_configure(std::move(configure))
{
    start();
    while (m_port == 0)
        QThread::msleep(5);
}

FakeUpstreamThread::~FakeUpstreamThread()
{
    quit();
    wait();
}

int FakeUpstreamThread::connectionsAccepted() const
{
    const FakeUpstream *fake = m_fake;
    return fake ? fake->connectionsAccepted() : 0;
}

void FakeUpstreamThread::run()
{
    FakeUpstream fake;
    m_configure(fake);
    fake.start();
    m_fake = &fake;
    m_port = fake.port();
    exec();
    m_fake = nullptr;
}
