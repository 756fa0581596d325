#include "chat/ReasoningSegmenter.h"

#include <QRegularExpression>

namespace {

constexpr qsizetype MinStepLength = 40; // shorter paragraphs join the next one
constexpr qsizetype MaxStepLength = 1200; // past this, a step ends at a sentence

bool containsAny(const QString &text, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(),
        [&](const char *word) { return text.contains(QLatin1String(word), Qt::CaseInsensitive); });
}

} // namespace

QStringList ReasoningSegmenter::feed(const QString &delta)
{
    m_buffer += delta;
    QStringList steps;
    qsizetype from = 0;
    while (true) {
        const qsizetype paragraphEnd = m_buffer.indexOf(QLatin1String("\n\n"), from);
        if (paragraphEnd >= 0) {
            if (m_buffer.left(paragraphEnd).trimmed().size() < MinStepLength) {
                from = paragraphEnd + 2;
                continue;
            }
            steps.append(m_buffer.left(paragraphEnd).trimmed());
            m_buffer.remove(0, paragraphEnd + 2);
            from = 0;
            continue;
        }
        if (m_buffer.size() <= MaxStepLength)
            break;
        const qsizetype sentenceEnd = m_buffer.lastIndexOf(QLatin1String(". "), MaxStepLength);
        const qsizetype cut = sentenceEnd > MaxStepLength / 2 ? sentenceEnd + 1 : MaxStepLength;
        steps.append(m_buffer.left(cut).trimmed());
        m_buffer.remove(0, cut);
        from = 0;
    }
    return steps;
}

QStringList ReasoningSegmenter::flush()
{
    const QString rest = std::exchange(m_buffer, {}).trimmed();
    return rest.isEmpty() ? QStringList {} : QStringList {rest};
}

QString ReasoningSegmenter::classify(const QString &step, bool first)
{
    if (containsAny(step,
            {"so the answer", "therefore", "in conclusion", "final answer", "i'll go with", "i will go with",
                "decide", "the answer is"}))
        return QStringLiteral("decision");
    if (containsAny(step, {"risk", "edge case", "careful", "be wary", "danger", "pitfall"}))
        return QStringLiteral("risk_assessment");
    if (containsAny(step, {"wait", "check", "verify", "double-check", "hmm", "actually", "let me re"}))
        return QStringLiteral("evaluation");
    if (first)
        return QStringLiteral("initialization");
    if (containsAny(step, {"plan", "first,", "next,", "then i", "step", "i need to", "i should", "let me"}))
        return QStringLiteral("planning");
    return QStringLiteral("analysis");
}
