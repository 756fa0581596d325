// SPDX-License-Identifier: MIT
#include "MessageItem.h"

MessageItem::MessageItem(QQuickItem *parent)
    : QQuickItem(parent)
{ }

void MessageItem::setContent(const QString &content)
{
    if (content == m_content)
        return;
    const bool had = hasContent();
    m_content = content;
    Q_EMIT contentChanged();
    if (had != hasContent())
        Q_EMIT hasContentChanged();
}

void MessageItem::setReasoning(const QString &reasoning)
{
    if (reasoning == m_reasoning)
        return;
    m_reasoning = reasoning;
    Q_EMIT reasoningChanged();
}
