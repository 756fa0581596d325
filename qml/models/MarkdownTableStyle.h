// SPDX-License-Identifier: MIT
// Gives the tables of a Markdown TextEdit the window's look: a shaded header row, thin rules between
// cells, room inside them. Qt's Markdown reader makes plain tables with heavy grey borders and no header
// of their own, and Markdown has no stylesheet to say otherwise, so the formats are set on the document.
//
// It also says how wide the table wants to be unwrapped (naturalWidth), so a wide table can scroll
// sideways instead of squeezing every cell into a column of single words.
#pragma once

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QtQml/qqmlregistration.h>

class QTextDocument;

class MarkdownTableStyle : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QColor headerColor READ headerColor WRITE setHeaderColor NOTIFY styleChanged)
    Q_PROPERTY(QColor ruleColor READ ruleColor WRITE setRuleColor NOTIFY styleChanged)
    Q_PROPERTY(qreal naturalWidth READ naturalWidth NOTIFY naturalWidthChanged)

public:
    using QObject::QObject;

    QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    QColor headerColor() const { return m_headerColor; }
    void setHeaderColor(const QColor &color);
    QColor ruleColor() const { return m_ruleColor; }
    void setRuleColor(const QColor &color);
    qreal naturalWidth() const { return m_naturalWidth; }

    // Styles every table in `document` (public for tests).
    static void style(QTextDocument *document, const QColor &header, const QColor &rule);

Q_SIGNALS:
    void documentChanged();
    void styleChanged();
    void naturalWidthChanged();

private:
    void restyle();

    QPointer<QQuickTextDocument> m_document;
    QColor m_headerColor {0xf1, 0xf1, 0xf5};
    QColor m_ruleColor {0xde, 0xde, 0xe6};
    qreal m_naturalWidth = 0;
    bool m_styling = false;
};
