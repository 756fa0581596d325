// SPDX-License-Identifier: MIT
// The window's language: the system's by default, or the one picked in Settings, switched live.
#pragma once

#include <QObject>
#include <QTranslator>

class QQmlEngine;

class Translations : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // "" follows the system. Returns false when there is no translation for it (English is then used).
    bool apply(const QString &language);
    // Retranslates this engine's bindings whenever the language changes.
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

private:
    QTranslator m_translator;
    bool m_installed = false;
    QQmlEngine *m_engine = nullptr;
};
