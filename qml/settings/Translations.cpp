// SPDX-License-Identifier: MIT
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
    bool loaded
        = m_translator.load(locale, QStringLiteral("ponder"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // A language without a translation (or the C locale of a bare session) gets English, whose file holds
    // the plural forms ("1 token", "2 tokens") that the source text writes as "token(s)".
    const bool english = loaded || m_translator.load(QStringLiteral("ponder_en"), QStringLiteral(":/i18n"));
    if (english)
        m_installed = QCoreApplication::installTranslator(&m_translator);
    if (m_engine)
        m_engine->retranslate();
    return loaded;
}
