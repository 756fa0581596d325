// SPDX-License-Identifier: MIT
// What TraceIngest knows of one session its spans go into, shared with the work in flight on it.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <deque>
#include <functional>
#include <vector>

struct StoreStatus;

struct TracedSession
{
    QString id;
    bool created = false; // known to be in the store
    bool ours = false; // created here: titled, followed and ended by its trace
    bool creating = false;
    std::vector<std::function<void(StoreStatus)>> waiting; // for the creation in flight
    QString title; // the best this ingest has seen
    int titleRank = -1;
    QString storedTitle; // what the store has
    QJsonObject context; // the system_context it was created with
    // The steps its spans became, of every trace (a span that recorded reasoning is two, as the window
    // counts them), and its failed spans.
    qint64 steps = 0;
    qint64 failed = 0;
    struct StepCount
    {
        qint64 steps = 0;
        qint64 failed = 0;
    };
    // Its traces are its runs (a conversation's turns, a session's requests): it says "started" when one
    // begins while none runs, and how the last one ended; it ends (session_end) with its first.
    std::deque<QByteArray> running; // traces whose root has not ended, oldest first
    std::deque<QByteArray> ran; // traces whose root ended, the latest few, so a late span starts nothing
    QHash<QByteArray, StepCount> runSteps; // the steps of each running trace, told in its run's moments
    bool finished = false; // ended: its session_end is published
    QString movedTo; // the conversation its steps were moved into
    int storing = 0; // groups being stored into it
    std::vector<std::function<void()>> whenStored; // waiting for `storing` to be 0
};
