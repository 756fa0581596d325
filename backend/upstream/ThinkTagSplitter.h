// SPDX-License-Identifier: MIT
// Separates reasoning that a model writes inside its content as <think>...</think> (or <thinking>,
// <reason>, <reasoning>, <thought>) from the answer, even when a tag is split across deltas.
//
// Only a block that opens the answer counts: text such as "wrap it in a <think> tag" later in an
// answer stays content.
//
// What it holds back is bounded: inside a block, no more than a closing tag's length; before one, at most
// MaxHeldBack characters of leading whitespace (past them, no block opens this answer and the text is
// content). Work on a delta is linear in its size.
#pragma once

#include <QList>
#include <QString>

class ThinkTagSplitter
{
public:
    static constexpr qsizetype MaxHeldBack = 4096;

    struct Piece
    {
        bool reasoning = false;
        QString text;
    };

    QList<Piece> feed(const QString &delta);
    // The stream ended: whatever was held back while waiting for a tag to complete.
    QList<Piece> flush();
    qsizetype heldBack() const { return m_pending.size(); }
    // Past the opening: no block opened the answer, or it closed. All that follows is content, as it is.
    bool isSettled() const { return m_state == State::Content && !m_trimContentStart && m_pending.isEmpty(); }

private:
    enum class State
    {
        Start,
        Reasoning,
        Content
    };

    void feedStart(QList<Piece> &out);
    void feedReasoning(QList<Piece> &out);
    void emitContent(QString text, QList<Piece> &out);

    State m_state = State::Start;
    QString m_pending;
    QString m_closeTag;
    bool m_trimContentStart = false; // the answer after a think block starts after its blank lines
};
