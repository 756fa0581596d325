// Reads fields out of a client's JSON object, checking type and range, and remembers the first problem
// with the field's name so the client gets a 400 that says exactly what to fix.
#pragma once

#include <QJsonObject>
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
    QString requiredChoice(const QStringList &names, const QStringList &allowed);
    std::optional<double> optionalNumber(const QStringList &names, double min, double max);
    std::optional<qint64> optionalInteger(const QString &name, qint64 min, qint64 max);
    std::optional<bool> optionalBool(const QString &name);
    QStringList stringList(const QString &name);
    QJsonObject object(const QString &name);

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
