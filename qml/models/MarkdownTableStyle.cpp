// SPDX-License-Identifier: MIT
#include "MarkdownTableStyle.h"

#include <QAbstractTextDocumentLayout>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace {

constexpr qreal CellPadding = 6;

QTextTable *firstTable(QTextDocument *document)
{
    for (QTextFrame *frame : document->rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(frame))
            return table;
    }
    return nullptr;
}

} // namespace

void MarkdownTableStyle::setDocument(QQuickTextDocument *document)
{
    if (m_document == document)
        return;
    if (m_document && m_document->textDocument()) {
        m_document->textDocument()->disconnect(this);
        m_document->textDocument()->documentLayout()->disconnect(this);
    }
    m_document = document;
    if (QTextDocument *text = document ? document->textDocument() : nullptr) {
        connect(text, &QTextDocument::contentsChanged, this, &MarkdownTableStyle::restyle);
        // Rows grow and shrink as the TextEdit's width wraps their cells: measured again once laid out.
        connect(text->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this, [this] {
            if (std::exchange(m_measuring, true))
                return;
            QMetaObject::invokeMethod(this, &MarkdownTableStyle::measure, Qt::QueuedConnection);
        });
    }
    Q_EMIT documentChanged();
    restyle();
}

void MarkdownTableStyle::restyle()
{
    QTextDocument *document = m_document ? m_document->textDocument() : nullptr;
    if (!document || m_styling)
        return;
    m_styling = true; // setting formats changes the contents again
    style(document);
    m_styling = false;
    measure();
}

void MarkdownTableStyle::measure()
{
    m_measuring = false;
    QTextDocument *document = m_document ? m_document->textDocument() : nullptr;
    // Read from the layout, so measured again whenever the document is laid out (a TextEdit's first
    // layout may come after its text).
    const qreal natural = document ? naturalWidthOf(document) + 2 : 0;
    if (!qFuzzyCompare(natural + 1, m_naturalWidth + 1)) {
        m_naturalWidth = natural;
        Q_EMIT naturalWidthChanged();
    }
    const QList<qreal> edges = document ? rowEdgesOf(document) : QList<qreal>();
    QTextTable *table = document ? firstTable(document) : nullptr;
    const qreal width = table ? document->documentLayout()->frameBoundingRect(table).width() : 0;
    if (edges == m_rowEdges && qFuzzyCompare(width + 1, m_tableWidth + 1))
        return;
    m_rowEdges = edges;
    m_tableWidth = width;
    Q_EMIT geometryChanged();
}

void MarkdownTableStyle::style(QTextDocument *document)
{
    // One edit: the document is laid out again once, not once per format set (the table's, each header
    // cell's).
    QTextCursor edit(document);
    edit.beginEditBlock();
    for (QTextFrame *frame : document->rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat format = table->format();
        format.setBorder(0); // the view draws the rules
        format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        format.setCellSpacing(0);
        format.setCellPadding(CellPadding);
        format.setHeaderRowCount(1);
        format.setMargin(0);
        table->setFormat(format);
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(0, column);
            QTextCharFormat cellFormat = cell.format();
            cellFormat.setFontWeight(QFont::DemiBold);
            cell.setFormat(cellFormat);
        }
    }
    edit.endEditBlock();
}

qreal MarkdownTableStyle::naturalWidthOf(QTextDocument *document)
{
    // What each line needs unwrapped is known once the document is laid out at any width (each block's
    // layout keeps its maximum width): no copy of the document laid out again without a width.
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    layout->documentSize(); // laid out to the end
    auto blockWidth = [](const QTextBlock &block) {
        const QTextBlockFormat format = block.blockFormat();
        return block.layout()->maximumWidth() + format.leftMargin() + format.rightMargin()
            + format.indent() * block.document()->indentWidth() + std::max<qreal>(format.textIndent(), 0);
    };
    qreal widest = 0;
    QTextFrame *root = document->rootFrame();
    for (QTextFrame::iterator it = root->begin(); !it.atEnd(); ++it) {
        if (QTextFrame *frame = it.currentFrame()) {
            auto *table = qobject_cast<QTextTable *>(frame);
            if (!table)
                continue;
            const QTextTableFormat format = table->format();
            qreal width
                = 2 * (format.border() + format.margin()) + (table->columns() + 1) * format.cellSpacing();
            for (int column = 0; column < table->columns(); ++column) {
                qreal cellWidest = 0;
                for (int row = 0; row < table->rows(); ++row) {
                    const QTextTableCell cell = table->cellAt(row, column);
                    if (cell.column() != column || cell.columnSpan() > 1)
                        continue; // counted in its first column / spread over its columns: rare in Markdown
                    for (QTextFrame::iterator inCell = cell.begin(); !inCell.atEnd(); ++inCell)
                        cellWidest = std::max(cellWidest, blockWidth(inCell.currentBlock()));
                }
                width += std::ceil(cellWidest)
                    + 2 * format.cellPadding(); // a column is laid out whole pixels wide
            }
            widest = std::max(widest, width);
        } else {
            widest = std::max(widest, blockWidth(it.currentBlock()));
        }
    }
    return widest + 2 * document->documentMargin();
}

QList<qreal> MarkdownTableStyle::rowEdgesOf(QTextDocument *document)
{
    QTextTable *table = firstTable(document);
    if (!table)
        return {};
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    // A cell's first block starts below the cell's top by its padding; the highest one in a row is where
    // the row starts.
    QList<qreal> edges;
    for (int row = 0; row < table->rows(); ++row) {
        qreal top = std::numeric_limits<qreal>::max();
        for (int column = 0; column < table->columns(); ++column) {
            const QTextBlock block = table->cellAt(row, column).firstCursorPosition().block();
            top = std::min(top, layout->blockBoundingRect(block).top() - CellPadding);
        }
        edges << top;
    }
    // The lowest cell of the last row ends it (the frame's own rect reaches past it).
    qreal bottom = edges.last();
    for (int column = 0; column < table->columns(); ++column) {
        const QTextBlock block = table->cellAt(table->rows() - 1, column).lastCursorPosition().block();
        bottom = std::max(bottom, layout->blockBoundingRect(block).bottom() + CellPadding);
    }
    edges << bottom;
    return edges;
}
