// Cuts a model's streamed reasoning into thinking steps, a paragraph or so each, and names each step's
// kind (analysis, planning, evaluation, decision, ...) from its wording.
#pragma once

#include <QString>
#include <QStringList>

class ReasoningSegmenter
{
public:
    // Returns the steps completed by this delta (usually none).
    QStringList feed(const QString &delta);
    // The reasoning ended: the last step, if any text is left.
    QStringList flush();

    // One of the streaming API's thinking types; `first` marks the opening step.
    static QString classify(const QString &step, bool first);

private:
    QString m_buffer;
};
