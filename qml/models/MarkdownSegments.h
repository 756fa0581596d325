// Splits a message's Markdown into paragraphs and fenced code blocks, so the view can give each code
// block a monospace frame and its own copy button, and a streaming answer re-renders only its last
// paragraph. An unclosed fence (the model is still writing the block) is a code block to the end.
#pragma once

#include <QList>
#include <QString>

namespace MarkdownSegments {

struct Segment
{
    bool code = false;
    QString text;
    QString language; // the fence's info string, for code
    qsizetype start = 0; // where its first line (a fence line, for code) starts in the text split

    bool operator==(const Segment &other) const = default;
};

// Splitting again from the start of a text's last segment gives what splitting the whole would, for any
// text that text grows into: MessageBlocks re-splits only that much as an answer streams in.
QList<Segment> split(QStringView markdown, qsizetype offset = 0);

} // namespace MarkdownSegments
