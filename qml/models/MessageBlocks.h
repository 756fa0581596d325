// SPDX-License-Identifier: MIT
// One message's Markdown as blocks (paragraphs, fenced code blocks and tables), a list model for the
// message delegate: code blocks get a monospace frame and a copy button, tables a shaded header and rules,
// and a streaming answer re-lays out only the block that grew.
//
// Updated incrementally: when the text grows, only its last block is split again (and rows change from
// there on); when it is another text altogether (a recycled delegate), the rows change in place to the new
// blocks, so the items showing them are reused rather than created again.
//
// Kept for the next text: a recycled delegate shows another message next, often with fewer blocks (a
// one-line question after a long answer), then more again. Rows the text no longer needs stay, unused (the
// view hides them), up to MaxUnusedRows, and a later text takes them again: scrolling a conversation then
// rebinds the items that show blocks instead of destroying and creating them, which cost a frame each.
//
// Plain or Markdown per row: a user's own words are shown as typed, and a row says which it shows. A
// recycled delegate turns from an answer to a question and back on nearly every reuse; were the format the
// whole message's, every kept row (a long answer's dozen paragraphs and its table) would be parsed and laid
// out again in the other format each time, unseen. Only the rows a text uses take its format.
//
// Given by bindings, never by script: the text comes from C++ properties through bindings compiled to C++
// (MarkdownBlocks' `markdown` is an alias of this `markdown`), so it is never a JavaScript string. A
// streaming answer's whole text read in script, or kept in a property declared in QML, is a new
// JavaScript string at each update, its size counted against the engine's unmanaged heap: on a long
// answer the garbage collector then ran every few updates, marking the whole heap on the GUI thread.
// The format given through `plain` waits for the text: a recycled delegate learns its author before its
// text, and the old text's rows would otherwise be laid out again in the new format for nothing. A format
// with no text after it is applied once the event loop runs again; while QML creates the object, both wait
// for componentComplete.
//
// Paced while an answer streams: an upstream may send a whole answer at once, and creating the items of a
// hundred blocks in one frame stalls the window. At most MaxNewBlocksPerFrame blocks are added at a time
// then, BlocksPerStep at once until FrameBudgetMs is spent (the views create and lay out a block's items
// as it is added: twelve took 10-12 ms of a frame in view_bench's burst), the rest a frame later each,
// in order.
#pragma once

#include "models/MarkdownSegments.h"

#include <QAbstractListModel>
#include <QQmlParserStatus>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class MessageBlocks : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(QString markdown READ markdown WRITE setMarkdown NOTIFY markdownChanged)
    // The text is a user's own words, shown as typed: its rows say so (PlainRole). Set, it waits for the
    // next text, or for the event loop (above).
    Q_PROPERTY(bool plain READ plain WRITE setPlain NOTIFY plainChanged)
    // The text's blocks, not the rows kept unused.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool paced READ paced WRITE setPaced NOTIFY pacedChanged)

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind: which delegate shows the block
        TextRole,
        LanguageRole,
        UsedRole, // false: a row kept for a later text, shown by nothing
        PlainRole // shown as typed, not as Markdown: the format of the text that used the row last
    };
    Q_ENUM(Role)

    enum class Kind
    {
        Prose = int(MarkdownSegments::Kind::Prose),
        Code = int(MarkdownSegments::Kind::Code),
        Table = int(MarkdownSegments::Kind::Table)
    };
    Q_ENUM(Kind)

    static constexpr int MaxNewBlocksPerFrame = 12;
    static constexpr int BlocksPerStep = 2;
    static constexpr int FrameBudgetMs = 5;
    static constexpr int FrameMs = 16;
    static constexpr int MaxUnusedRows = 32;

    explicit MessageBlocks(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void classBegin() override;
    void componentComplete() override;

    QString markdown() const { return m_markdown; }
    void setMarkdown(const QString &markdown);
    bool plain() const { return m_plain; }
    void setPlain(bool plain);
    // Both at once, as a recycled delegate gets them: the rows change once, to the new text in its format.
    void show(const QString &markdown, bool plain);
    int count() const { return m_used; }
    // The text's blocks (the first `count` rows).
    QList<MarkdownSegments::Segment> blocks() const { return m_rows.first(m_used); }
    bool paced() const { return m_paced; }
    void setPaced(bool paced);
    // Blocks of the text that wait for a later frame.
    bool hasPendingBlocks() const { return m_pending.isActive(); }

Q_SIGNALS:
    void markdownChanged();
    void plainChanged();
    void countChanged();
    void pacedChanged();
    // The rows show a new text or format (not a paced block added later): a view sizes itself again.
    void shown();

private:
    // Splits again from the last block on; paced, adds at most MaxNewBlocksPerFrame blocks.
    void showGrowth(bool paced);
    // The text's blocks from `first` on become `fresh`: rows change in place, unused rows are taken
    // first, and rows no longer needed are kept unused (up to MaxUnusedRows).
    void replaceFrom(int first, const QList<MarkdownSegments::Segment> &fresh);

    QString m_markdown;
    QList<MarkdownSegments::Segment> m_rows; // the text's blocks, then the unused rows' last blocks
    QList<bool> m_plainRows; // per row of m_rows: shown as typed
    int m_used = 0; // rows that show the text's blocks
    bool m_plain = false;
    bool m_plainGiven = false; // what `plain` was set to, shown with the next text
    bool m_formatWaits = false; // a format given alone waits for the event loop
    bool m_complete = true; // false while QML creates the object
    bool m_paced = false;
    QTimer m_pending;
};
