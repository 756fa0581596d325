#include "MarkdownSegments.h"

#include <QVariantMap>

namespace MarkdownSegments {

namespace {

// A fence line: up to three spaces, then ``` or ~~~ (at least three).
bool isFence(QStringView line, QStringView *info, QChar *fenceChar, qsizetype *fenceLength)
{
    qsizetype indent = 0;
    while (indent < line.size() && line.at(indent) == u' ')
        ++indent;
    if (indent > 3)
        return false;
    const QStringView trimmed = line.trimmed();
    if (trimmed.size() < 3)
        return false;
    const QChar c = trimmed.front();
    if (c != u'`' && c != u'~')
        return false;
    qsizetype length = 0;
    while (length < trimmed.size() && trimmed.at(length) == c)
        ++length;
    if (length < 3)
        return false;
    *fenceChar = c;
    *fenceLength = length;
    *info = trimmed.mid(length).trimmed();
    return true;
}

} // namespace

QList<Segment> split(const QString &markdown)
{
    QList<Segment> segments;
    Segment current;
    QChar openChar;
    qsizetype openLength = 0;
    auto flush = [&] {
        if (current.code || !current.text.trimmed().isEmpty()) {
            if (current.text.endsWith(u'\n'))
                current.text.chop(1);
            segments.append(current);
        }
        current = Segment();
    };
    for (QStringView line : QStringView(markdown).split(u'\n')) {
        QStringView info;
        QChar fenceChar;
        qsizetype fenceLength = 0;
        const bool fence = isFence(line, &info, &fenceChar, &fenceLength);
        if (!current.code && fence) {
            flush();
            current.code = true;
            current.language = info.toString();
            openChar = fenceChar;
            openLength = fenceLength;
            continue;
        }
        if (current.code && fence && fenceChar == openChar && fenceLength >= openLength && info.isEmpty()) {
            flush();
            continue;
        }
        current.text += line;
        current.text += u'\n';
    }
    flush();
    return segments;
}

QVariantList toVariantList(const QList<Segment> &segments)
{
    QVariantList list;
    list.reserve(segments.size());
    for (const Segment &segment : segments)
        list.append(QVariantMap {{QStringLiteral("code"), segment.code},
            {QStringLiteral("text"), segment.text}, {QStringLiteral("language"), segment.language}});
    return list;
}

} // namespace MarkdownSegments
