// SPDX-License-Identifier: MIT
#include "MarkdownTableStyle.h"

#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace {

constexpr qreal CellPadding = 6;

} // namespace

void MarkdownTableStyle::setDocument(QQuickTextDocument *document)
{
    if (m_document == document)
        return;
    if (m_document && m_document->textDocument())
        m_document->textDocument()->disconnect(this);
    m_document = document;
    if (document && document->textDocument())
        connect(
            document->textDocument(), &QTextDocument::contentsChanged, this, &MarkdownTableStyle::restyle);
    Q_EMIT documentChanged();
    restyle();
}

void MarkdownTableStyle::setHeaderColor(const QColor &color)
{
    if (m_headerColor == color)
        return;
    m_headerColor = color;
    Q_EMIT styleChanged();
    restyle();
}

void MarkdownTableStyle::setRuleColor(const QColor &color)
{
    if (m_ruleColor == color)
        return;
    m_ruleColor = color;
    Q_EMIT styleChanged();
    restyle();
}

void MarkdownTableStyle::restyle()
{
    QTextDocument *document = m_document ? m_document->textDocument() : nullptr;
    if (!document || m_styling)
        return;
    m_styling = true; // setting formats changes the contents again
    style(document, m_headerColor, m_ruleColor);
    // Laid out without a width, the table takes what its cells need unwrapped.
    std::unique_ptr<QTextDocument> natural(document->clone());
    natural->setTextWidth(-1);
    const qreal width = natural->idealWidth() + 2;
    m_styling = false;
    if (!qFuzzyCompare(width, m_naturalWidth)) {
        m_naturalWidth = width;
        Q_EMIT naturalWidthChanged();
    }
}

void MarkdownTableStyle::style(QTextDocument *document, const QColor &header, const QColor &rule)
{
    for (QTextFrame *frame : document->rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat format = table->format();
        format.setBorder(1);
        format.setBorderBrush(rule);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        format.setCellSpacing(0);
        format.setCellPadding(CellPadding);
        format.setHeaderRowCount(1);
        format.setMargin(0);
        table->setFormat(format);
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(0, column);
            QTextCharFormat cellFormat = cell.format();
            cellFormat.setBackground(header);
            cellFormat.setFontWeight(QFont::DemiBold);
            cell.setFormat(cellFormat);
        }
    }
}
