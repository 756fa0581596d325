#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

bool Translations::apply(const QString &language)
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // English is the source language: a missing file is harmless there.
    const bool loaded
        = m_translator.load(locale, QStringLiteral("ponder"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (loaded)
        m_installed = QCoreApplication::installTranslator(&m_translator);
    if (m_engine)
        m_engine->retranslate();
    return loaded;
}
