// SPDX-License-Identifier: MIT
// Cuts a model's streamed reasoning into thinking steps, a paragraph or so each: a step ends at a blank
// line once it holds some text, or at a sentence (at the latest at MaxStepLength characters) when no blank
// line comes. Work on a delta is linear in its size, and what it holds back between deltas, the step not
// yet ended, is never more than MaxStepLength characters.
//
// A step's type is what its wording plainly names (a label that opens it, such as "Plan:" or "**Risks**"),
// and otherwise "reasoning": nothing is guessed from words found somewhere inside it.
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

class ReasoningSegmenter
{
public:
    static constexpr qsizetype MinStepLength = 40; // shorter paragraphs join the next one
    static constexpr qsizetype MaxStepLength = 1200; // past this, a step ends at a sentence

    // Returns the steps completed by this delta (usually none).
    QStringList feed(QStringView delta);
    // The reasoning ended: the last step, if any text is left.
    QStringList flush();
    // What is held back until the step ends (at most MaxStepLength + 2 characters between calls).
    qsizetype heldBack() const { return m_buffer.size(); }

    // The streaming API's thinking type a step's opening label names (planning, analysis, evaluation,
    // decision, risk_assessment), or "reasoning".
    static QString typeNamedBy(const QString &step);

private:
    QString m_buffer; // the step not ended yet, from its start
    // How far m_buffer was read, and what the read found: where its text starts and ends (-1: none yet),
    // and whether the last character read was a line feed.
    qsizetype m_scanned = 0;
    qsizetype m_firstText = -1;
    qsizetype m_lastText = -1;
    bool m_afterLineFeed = false;
};
