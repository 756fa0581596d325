// SPDX-License-Identifier: MIT
#include "core/DataLocations.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

DataLocations::DataLocations(const QString &overrideDir)
{
    const QString dir = overrideDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : overrideDir;
    m_dataDir = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

bool DataLocations::ensureExists(QString *error) const
{
    const QFileInfo info(m_dataDir);
    if (info.exists() && !info.isDir()) {
        *error = QStringLiteral("data directory %1 exists but is not a directory").arg(m_dataDir);
        return false;
    }
    if (!QDir().mkpath(m_dataDir)) {
        *error = QStringLiteral("cannot create data directory %1").arg(m_dataDir);
        return false;
    }
    return true;
}
