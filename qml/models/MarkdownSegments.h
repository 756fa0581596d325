// SPDX-License-Identifier: MIT
// Splits a message's Markdown into paragraphs, fenced code blocks and tables, so the view can give each
// code block a monospace frame that scrolls sideways and its own copy button, each table its header and
// rules, and a streaming answer re-renders only its last paragraph. An unclosed fence (the model is still
// writing the block) is a code block to the end; a table is a table from its delimiter row on.
#pragma once

#include <QList>
#include <QString>

namespace MarkdownSegments {

enum class Kind
{
    Prose,
    Code,
    Table
};

struct Segment
{
    Kind kind = Kind::Prose;
    QString text;
    QString language; // the fence's info string, for code

    bool code() const { return kind == Kind::Code; }
    qsizetype start = 0; // where its first line (a fence line, for code) starts in the text split

    bool operator==(const Segment &other) const = default;
};

// Splitting again from the start of a text's last segment gives what splitting the whole would, for any
// text that text grows into: MessageBlocks re-splits only that much as an answer streams in.
QList<Segment> split(QStringView markdown, qsizetype offset = 0);

} // namespace MarkdownSegments
