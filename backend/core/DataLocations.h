// SPDX-License-Identifier: MIT
// Where Ponder keeps its data: the platform's app-data folder, or a folder the user chose.
#pragma once

#include <QString>

class DataLocations
{
public:
    // An empty override means the platform default (QStandardPaths::AppDataLocation).
    explicit DataLocations(const QString &overrideDir = {});

    QString dataDir() const { return m_dataDir; }

    // Creates the data folder if needed; returns false with a message when that is impossible.
    bool ensureExists(QString *error) const;

private:
    QString m_dataDir;
};
