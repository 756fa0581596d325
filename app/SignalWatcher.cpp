// SPDX-License-Identifier: MIT
#include "SignalWatcher.h"

#include <QSocketNotifier>

#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A handler may only do async-signal-safe work: it writes the signal number into a socket
// that the event loop watches (the classic self-pipe trick).
int g_signalSocket[2] = {-1, -1};

extern "C" void forwardSignal(int signalNumber)
{
    const char byte = char(signalNumber);
    [[maybe_unused]] const auto written = ::write(g_signalSocket[0], &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSocket) != 0)
        return;
    m_notifier = new QSocketNotifier(g_signalSocket[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);

    struct sigaction action = {};
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (g_signalSocket[0] >= 0) {
        ::close(g_signalSocket[0]);
        ::close(g_signalSocket[1]);
        g_signalSocket[0] = g_signalSocket[1] = -1;
    }
}

void SignalWatcher::readSignal()
{
    char byte = 0;
    if (::read(g_signalSocket[1], &byte, 1) == 1)
        Q_EMIT terminationRequested(int(byte));
}

#else

// Windows: a console Ctrl+C ends the process; the service build uses the SCM instead.
SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{ }

SignalWatcher::~SignalWatcher() = default;

void SignalWatcher::readSignal() { }

#endif
