// SPDX-License-Identifier: MIT
#include "core/LogLine.h"

#include <QDateTime>
#include <QMutex>

#include <cstdio>
#include <ctime>

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "";
}

QByteArray localSecondText(qint64 second)
{
    const std::time_t time = std::time_t(second);
    std::tm local {};
    localtime_r(&time, &local);
    char text[32];
    const std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.", &local);
    return QByteArray(text, qsizetype(size));
}

} // namespace

QByteArray LogLine::format(
    QtMsgType type, const char *category, const QString &message, qint64 msecsSinceEpoch)
{
    // Floor division: a time before 1970 still shows its own second.
    const qint64 second = msecsSinceEpoch >= 0 ? msecsSinceEpoch / 1000 : (msecsSinceEpoch - 999) / 1000;
    if (second != m_second) {
        m_second = second;
        m_prefix = localSecondText(second);
    }
    const int millis = int(msecsSinceEpoch - second * 1000);
    const QByteArray text = message.toLocal8Bit();
    QByteArray line;
    line.reserve(m_prefix.size() + 16 + qsizetype(qstrlen(category)) + text.size());
    line += m_prefix;
    line += char('0' + millis / 100);
    line += char('0' + millis / 10 % 10);
    line += char('0' + millis % 10);
    line += ' ';
    line += levelName(type);
    line += ' ';
    line += category ? category : "default";
    line += ": ";
    line += text;
    line += '\n';
    return line;
}

void LogLine::install()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
        // Any thread may log (history has its own); one formatter, one write per line.
        static QMutex mutex;
        static LogLine formatter;
        const QMutexLocker lock(&mutex);
        const QByteArray line
            = formatter.format(type, context.category, message, QDateTime::currentMSecsSinceEpoch());
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
        std::fflush(stderr);
    });
}
