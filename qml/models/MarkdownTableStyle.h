// SPDX-License-Identifier: MIT
// Gives the table of a Markdown TextEdit the window's look: a shaded header row, thin rules between rows,
// room inside the cells. Qt's Markdown reader makes plain tables with heavy grey borders and no header of
// their own, and Markdown has no stylesheet to say otherwise, so the formats are set on the document.
//
// Qt Quick's TextEdit draws neither a cell's background nor rules of another width than the table's
// border, so the table is laid out without borders and this says where its rows are (rowEdges, in the
// TextEdit's coordinates): the view draws the header's shade and the rules itself.
//
// It also says how wide the table wants to be unwrapped (naturalWidth), so a wide table can scroll
// sideways instead of squeezing every cell into a column of single words.
#pragma once

#include <QList>
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
    Q_PROPERTY(qreal naturalWidth READ naturalWidth NOTIFY naturalWidthChanged)
    // The top of each row, then the bottom of the last; empty without a table. The first row is the header.
    Q_PROPERTY(QList<qreal> rowEdges READ rowEdges NOTIFY geometryChanged)
    Q_PROPERTY(qreal tableWidth READ tableWidth NOTIFY geometryChanged)

public:
    using QObject::QObject;

    QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    qreal naturalWidth() const { return m_naturalWidth; }
    QList<qreal> rowEdges() const { return m_rowEdges; }
    qreal tableWidth() const { return m_tableWidth; }

    // Styles every table in `document` (public for tests).
    static void style(QTextDocument *document);
    // How wide `document` is laid out without wrapping a line (public for tests).
    static qreal naturalWidthOf(QTextDocument *document);
    // Where the rows of the first table in `document` are, as laid out now (public for tests).
    static QList<qreal> rowEdgesOf(QTextDocument *document);

Q_SIGNALS:
    void documentChanged();
    void naturalWidthChanged();
    void geometryChanged();

private:
    void restyle();
    void measure();

    QPointer<QQuickTextDocument> m_document;
    qreal m_naturalWidth = 0;
    QList<qreal> m_rowEdges;
    qreal m_tableWidth = 0;
    bool m_styling = false;
    bool m_measuring = false; // a measurement is queued
};
