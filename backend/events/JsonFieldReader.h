// SPDX-License-Identifier: MIT
// Reads fields out of a client's JSON object, checking type and range, and remembers the first problem
// with the field's name so the client gets a 400 that says exactly what to fix.
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

class JsonFieldReader
{
public:
    explicit JsonFieldReader(const QJsonObject &object)
        : m_object(object)
    { }

    // The first of `names` present is read (aliases such as confidence / confidence_level).
    QString requiredString(const QStringList &names);
    std::optional<QString> optionalString(const QString &name);
    // At most `maxCharacters`, without control characters when `singleLine` (ids and names).
    std::optional<QString> optionalString(const QString &name, qsizetype maxCharacters, bool singleLine);
    std::optional<QString> optionalChoice(const QString &name, const QStringList &allowed);
    // ISO 8601 with a time zone (Z or an offset), returned in UTC.
    std::optional<QDateTime> optionalTimestamp(const QString &name);
    QString requiredChoice(const QStringList &names, const QStringList &allowed);
    std::optional<double> optionalNumber(const QStringList &names, double min, double max);
    std::optional<qint64> optionalInteger(const QString &name, qint64 min, qint64 max);
    std::optional<bool> optionalBool(const QString &name);
    // A string, or a number within [min, max]: kept as the client sent it (the earlier service took a
    // step's name where Ponder had taken a number, and clients of both send either).
    std::optional<QJsonValue> optionalStringOrNumber(const QString &name, double min, double max);
    QStringList stringList(const QStringList &names);
    QStringList stringList(const QString &name) { return stringList(QStringList {name}); }
    // An array whose items are strings or objects, kept as sent.
    QJsonArray stringOrObjectList(const QString &name);
    QJsonObject object(const QString &name);

    // Records a problem the caller found itself; the first problem is kept.
    void reject(const QString &field, const QString &message) { fail(field, message); }

    bool ok() const { return m_errorField.isEmpty(); }
    QString errorField() const { return m_errorField; }
    QString errorMessage() const { return m_errorMessage; }

private:
    // Returns the name present, or the first name when none is.
    QString present(const QStringList &names) const;
    void fail(const QString &field, const QString &message);

    QJsonObject m_object;
    QString m_errorField;
    QString m_errorMessage;
};
