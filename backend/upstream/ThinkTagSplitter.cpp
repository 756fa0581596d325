// SPDX-License-Identifier: MIT
#include "upstream/ThinkTagSplitter.h"

#include <QStringList>

namespace {

const QStringList TagNames = {QStringLiteral("think"), QStringLiteral("thinking"), QStringLiteral("reason"),
    QStringLiteral("reasoning"), QStringLiteral("thought")};

void append(QList<ThinkTagSplitter::Piece> &out, bool reasoning, const QString &text)
{
    if (!text.isEmpty())
        out.append({reasoning, text});
}

} // namespace

QList<ThinkTagSplitter::Piece> ThinkTagSplitter::feed(const QString &delta)
{
    QList<Piece> out;
    m_pending += delta;
    if (m_state == State::Start)
        feedStart(out);
    if (m_state == State::Reasoning)
        feedReasoning(out);
    if (m_state == State::Content && !m_pending.isEmpty())
        emitContent(std::exchange(m_pending, {}), out);
    return out;
}

QList<ThinkTagSplitter::Piece> ThinkTagSplitter::flush()
{
    QList<Piece> out;
    if (m_state == State::Reasoning)
        append(out, true, std::exchange(m_pending, {}));
    else
        emitContent(std::exchange(m_pending, {}), out);
    return out;
}

void ThinkTagSplitter::feedStart(QList<Piece> &out)
{
    qsizetype first = 0;
    while (first < m_pending.size() && m_pending.at(first).isSpace())
        ++first;
    // Leading whitespace only: a trailing space is reasoning. Looked at in place: this runs on the first
    // delta of every answer, and most answers open with no tag at all.
    const QStringView start = QStringView(m_pending).sliced(first);
    if (start.isEmpty() && m_pending.size() <= MaxHeldBack)
        return; // only whitespace so far: the tag may still come
    if (first > MaxHeldBack || start.front() != u'<') { // no think block opens this answer
        m_state = State::Content;
        return;
    }
    // "<" + name + ">", compared as one piece would be ('<' and '>' fold to nothing else).
    const QStringView afterOpening = start.sliced(1);
    for (const QString &name : TagNames) {
        if (afterOpening.size() > name.size() && afterOpening.startsWith(name, Qt::CaseInsensitive)
            && afterOpening.at(name.size()) == u'>') {
            m_state = State::Reasoning;
            m_closeTag = QStringLiteral("</") + name + QLatin1Char('>');
            m_pending = afterOpening.sliced(name.size() + 1).toString();
            return;
        }
    }
    for (const QString &name : TagNames) {
        if (afterOpening.size() <= name.size()
            && QStringView(name).startsWith(afterOpening, Qt::CaseInsensitive))
            return; // a tag split across deltas: wait for the rest
    }
    m_state = State::Content;
    Q_UNUSED(out);
}

void ThinkTagSplitter::feedReasoning(QList<Piece> &out)
{
    const qsizetype close = m_pending.indexOf(m_closeTag, 0, Qt::CaseInsensitive);
    if (close >= 0) {
        append(out, true, m_pending.left(close));
        m_pending.remove(0, close + m_closeTag.size());
        m_state = State::Content;
        m_trimContentStart = true;
        return;
    }
    // Keep back the longest tail that could be the start of the closing tag.
    qsizetype keep = 0;
    for (qsizetype length = std::min(m_pending.size(), m_closeTag.size() - 1); length > 0; --length) {
        if (m_closeTag.startsWith(QStringView(m_pending).right(length), Qt::CaseInsensitive)) {
            keep = length;
            break;
        }
    }
    append(out, true, m_pending.left(m_pending.size() - keep));
    m_pending = m_pending.right(keep);
}

void ThinkTagSplitter::emitContent(QString text, QList<Piece> &out)
{
    if (m_trimContentStart) {
        qsizetype first = 0;
        while (first < text.size() && text.at(first).isSpace())
            ++first;
        text.remove(0, first);
        if (text.isEmpty())
            return;
        m_trimContentStart = false;
    }
    append(out, false, text);
}
