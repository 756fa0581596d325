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
    // Laid out without a width, the table takes what its cells need unwrapped.
    std::unique_ptr<QTextDocument> natural(document->clone());
    natural->setTextWidth(-1);
    const qreal width = natural->idealWidth() + 2;
    m_styling = false;
    if (!qFuzzyCompare(width, m_naturalWidth)) {
        m_naturalWidth = width;
        Q_EMIT naturalWidthChanged();
    }
    measure();
}

void MarkdownTableStyle::measure()
{
    m_measuring = false;
    QTextDocument *document = m_document ? m_document->textDocument() : nullptr;
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
