// SPDX-License-Identifier: MIT
#include "MarkdownSegments.h"

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

// A table's delimiter row: cells of dashes with optional colons, separated by pipes ("|---|:--:|").
bool isDelimiterRow(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (!trimmed.contains(u'|') && !trimmed.startsWith(u'-'))
        return false;
    bool dash = false;
    for (const QChar c : trimmed) {
        if (c == u'-')
            dash = true;
        else if (c != u'|' && c != u':' && c != u' ' && c != u'\t')
            return false;
    }
    return dash;
}

} // namespace

QList<Segment> split(QStringView markdown, qsizetype offset)
{
    QList<Segment> segments;
    Segment current;
    QChar openChar;
    qsizetype openLength = 0;
    int blankLines = 0; // seen in prose, not yet known to belong to the current paragraph
    qsizetype blankStart = 0; // where the first of them starts
    auto flush = [&] {
        if (current.code() || !current.text.trimmed().isEmpty()) {
            if (current.text.endsWith(u'\n'))
                current.text.chop(1);
            segments.append(current);
        }
        current = Segment();
        blankLines = 0;
    };
    qsizetype lineStart = offset;
    for (QStringView line : markdown.split(u'\n')) {
        const qsizetype at = std::exchange(lineStart, lineStart + line.size() + 1);
        QStringView info;
        QChar fenceChar;
        qsizetype fenceLength = 0;
        const bool fence = isFence(line, &info, &fenceChar, &fenceLength);
        if (current.code()) {
            if (fence && fenceChar == openChar && fenceLength >= openLength && info.isEmpty())
                flush();
            else
                current.text.append(line).append(u'\n');
            continue;
        }
        if (fence) {
            flush();
            current.start = at;
            current.kind = Kind::Code;
            current.language = info.toString();
            openChar = fenceChar;
            openLength = fenceLength;
            continue;
        }
        if (line.trimmed().isEmpty()) {
            if (blankLines++ == 0)
                blankStart = at;
            continue;
        }
        if (current.kind == Kind::Table) {
            // A table runs while its lines have cells; anything else begins a paragraph.
            if (blankLines == 0 && line.contains(u'|')) {
                current.text.append(line).append(u'\n');
                continue;
            }
            flush();
        } else if (blankLines == 0 && !current.text.isEmpty() && isDelimiterRow(line)) {
            // The paragraph's last line was a table's header: the table starts there.
            QStringView text(current.text);
            text.chop(1); // its line feed
            const qsizetype headerAt = text.lastIndexOf(u'\n') + 1;
            const QStringView header = text.mid(headerAt);
            if (header.contains(u'|')) {
                const QString headerLine = header.toString();
                const qsizetype headerStart = at - header.size() - 1;
                current.text.truncate(headerAt);
                flush();
                current.kind = Kind::Table;
                current.start = headerStart;
                current.text = headerLine + u'\n' + line.toString() + u'\n';
                continue;
            }
        }
        // A paragraph after a blank line starts a new segment, so a growing answer changes only its
        // last segment and the view re-lays out one paragraph per update, not the whole answer.
        // Indented lines continue the paragraph (list items, nested blocks).
        const bool continues = line.startsWith(u' ') || line.startsWith(u'\t');
        if (blankLines > 0 && !continues)
            flush();
        if (current.text.isEmpty())
            current.start = blankLines > 0 ? blankStart : at; // leading blank lines are part of its text
        for (; blankLines > 0; --blankLines)
            current.text += u'\n';
        current.text.append(line).append(u'\n');
    }
    flush();
    return segments;
}

} // namespace MarkdownSegments
