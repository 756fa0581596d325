// SPDX-License-Identifier: MIT
#include "chat/ReasoningSegmenter.h"

#include <QHash>
#include <QStringView>

QStringList ReasoningSegmenter::feed(QStringView delta)
{
    QStringList steps;
    m_buffer += delta;
    // Steps are cut from the front of the buffer one after another; a large delta holds many. Removing
    // each from the front would copy the rest every time (a 4 MiB delta took 9 s that way), so the
    // buffer is read with an offset and shortened once at the end.
    QString text = std::exchange(m_buffer, {});
    qsizetype start = 0; // of the step being read, in `text`
    qsizetype i = start + m_scanned;
    const auto endStep = [&](qsizetype end, qsizetype next) {
        const QString step = QStringView(text).sliced(start, end - start).trimmed().toString();
        if (!step.isEmpty())
            steps.append(step);
        start = next;
        i = next;
        m_firstText = -1;
        m_lastText = -1;
        m_afterLineFeed = false;
    };
    const QChar *chars = text.constData();
    while (i < text.size()) {
        // Read past the longest a step may be, and no blank line ended it: end it at a sentence.
        if (i - start > MaxStepLength + 1) {
            // The last ". " in the step's first MaxStepLength characters, looked for there only.
            const qsizetype sentence = QStringView(text)
                                           .sliced(start, MaxStepLength + 2)
                                           .lastIndexOf(QLatin1String(". "), MaxStepLength);
            const qsizetype length = sentence > MaxStepLength / 2 ? sentence + 1 : MaxStepLength;
            endStep(start + length, start + length);
            continue;
        }
        const QChar c = chars[i];
        if (c == QLatin1Char('\n') && m_afterLineFeed && m_firstText >= 0
            && m_lastText - m_firstText + 1 >= MinStepLength) {
            endStep(i - 1, i + 1); // a blank line after enough text
            continue;
        }
        m_afterLineFeed = c == QLatin1Char('\n');
        if (!c.isSpace()) {
            if (m_firstText < 0)
                m_firstText = i - start;
            m_lastText = i - start;
        }
        ++i;
    }
    m_buffer = QStringView(text).sliced(start).toString();
    m_scanned = i - start;
    return steps;
}

QStringList ReasoningSegmenter::flush()
{
    const QString rest = std::exchange(m_buffer, {}).trimmed();
    m_scanned = 0;
    m_firstText = -1;
    m_lastText = -1;
    m_afterLineFeed = false;
    return rest.isEmpty() ? QStringList {} : QStringList {rest};
}

QString ReasoningSegmenter::typeNamedBy(const QString &step)
{
    // The step's first line, without Markdown's decoration: "## Plan", "**Risks:**", "Decision: ...".
    const qsizetype lineEnd = step.indexOf(QLatin1Char('\n'));
    QStringView line = QStringView(step).first(lineEnd < 0 ? step.size() : lineEnd);
    const auto isDecoration = [](QChar c) {
        return c.isSpace() || c == QLatin1Char('#') || c == QLatin1Char('*') || c == QLatin1Char('_');
    };
    while (!line.isEmpty() && isDecoration(line.front()))
        line = line.sliced(1);
    // A label is the whole line ("Plan") or what comes before a colon ("Plan: first, ...").
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    QStringView label = colon >= 0 ? line.first(colon) : line;
    while (!label.isEmpty() && (isDecoration(label.back()) || label.back() == QLatin1Char('.')))
        label = label.chopped(1);
    if (colon < 0) {
        // Without a colon only a line that is nothing but the label names it.
        QStringView rest = line.sliced(label.size());
        while (!rest.isEmpty() && (isDecoration(rest.front()) || rest.front() == QLatin1Char('.')))
            rest = rest.sliced(1);
        if (!rest.isEmpty())
            return QStringLiteral("reasoning");
    }
    static const QHash<QString, QString> labels {
        {QStringLiteral("plan"), QStringLiteral("planning")},
        {QStringLiteral("planning"), QStringLiteral("planning")},
        {QStringLiteral("the plan"), QStringLiteral("planning")},
        {QStringLiteral("analysis"), QStringLiteral("analysis")},
        {QStringLiteral("evaluation"), QStringLiteral("evaluation")},
        {QStringLiteral("verification"), QStringLiteral("evaluation")},
        {QStringLiteral("check"), QStringLiteral("evaluation")},
        {QStringLiteral("double-check"), QStringLiteral("evaluation")},
        {QStringLiteral("decision"), QStringLiteral("decision")},
        {QStringLiteral("conclusion"), QStringLiteral("decision")},
        {QStringLiteral("final answer"), QStringLiteral("decision")},
        {QStringLiteral("risk"), QStringLiteral("risk_assessment")},
        {QStringLiteral("risks"), QStringLiteral("risk_assessment")},
        {QStringLiteral("risk assessment"), QStringLiteral("risk_assessment")},
    };
    return labels.value(label.toString().toLower(), QStringLiteral("reasoning"));
}
