// SPDX-License-Identifier: MIT
// Small helpers the benchmarks share: percentiles, a table printer, process RSS, and a fake
// upstream running on its own thread so it never competes with the measuring client's event loop.
#pragma once

#include "FakeUpstream.h"

#include <QList>
#include <QString>
#include <QThread>

#include <functional>

double percentile(QList<double> values, double p);
qint64 rssKiB(qint64 pid); // VmRSS from /proc; -1 where there is no /proc
// User plus system CPU time the process has used, from /proc; -1 where there is no /proc.
double cpuSeconds(qint64 pid);
// The same for one thread of the process (the main thread is tid == pid).
double threadCpuSeconds(qint64 pid, qint64 tid);

// The share of the machine's CPU time the hypervisor gave to others ("steal") between two readings, in
// percent. On a shared VM it is what makes runs differ; a bench prints it beside its figures.
class StealMeter
{
public:
    StealMeter();
    double percentSinceStart() const;

private:
    QList<qint64> m_start; // /proc/stat's first line: user nice system idle iowait irq softirq steal
};

// Prints rows as an aligned Markdown table (it goes into docs/ as it is).
void printTable(const QStringList &header, const QList<QStringList> &rows);

class FakeUpstreamThread : public QThread
{
public:
    explicit FakeUpstreamThread(std::function<void(FakeUpstream &)> configure);
    ~FakeUpstreamThread() override;
    quint16 port() const { return m_port; }
    // Connections the fake has accepted so far: a proxy that reuses its upstream connections opens none
    // per request.
    int connectionsAccepted() const;

protected:
    void run() override;

private:
    std::function<void(FakeUpstream &)> m_configure;
    std::atomic<quint16> m_port {0};
    std::atomic<const FakeUpstream *> m_fake {nullptr};
};
