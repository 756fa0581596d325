// SPDX-License-Identifier: MIT
#include "core/OffLoop.h"

#include <QMutex>

namespace {

QMutex gateMutex;
std::function<void()> workerGate;

} // namespace

void OffLoop::setWorkerGate(std::function<void()> gate)
{
    const QMutexLocker lock(&gateMutex);
    workerGate = std::move(gate);
}

void OffLoop::passWorkerGate()
{
    std::function<void()> gate;
    {
        const QMutexLocker lock(&gateMutex);
        gate = workerGate;
    }
    if (gate)
        gate();
}
