// Splits a message's Markdown into paragraphs and fenced code blocks, so the view can give each code
// block a monospace frame and its own copy button, and a streaming answer re-renders only its last
// paragraph. An unclosed fence (the model is still writing the block) is a code block to the end.
#pragma once

#include <QString>
#include <QVariantList>

namespace MarkdownSegments {

struct Segment
{
    bool code = false;
    QString text;
    QString language; // the fence's info string, for code
};

QList<Segment> split(const QString &markdown);
// [{code: bool, text, language}] for QML.
QVariantList toVariantList(const QList<Segment> &segments);

} // namespace MarkdownSegments
