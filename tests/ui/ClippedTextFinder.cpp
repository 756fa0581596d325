// SPDX-License-Identifier: MIT
#include "ClippedTextFinder.h"

#include <QQuickItem>
#include <QQuickWindow>

namespace {

constexpr qreal Slack = 1.0; // subpixel rounding of text metrics

bool isText(const QQuickItem *item)
{
    // Text, Label and the labels inside buttons; TextField and TextInput.
    return item->inherits("QQuickText") || item->inherits("QQuickTextInput");
}

// Visible and not faded out, as far as this item's own settings go (its ancestors were checked on the way
// down).
bool isShown(const QQuickItem *item)
{
    return item->isVisible() && item->opacity() > 0.01 && item->width() > 0 && item->height() > 0;
}

// A view that scrolls sideways shows what is wider than it by scrolling, not by clipping.
bool scrollsSideways(const QQuickItem *item)
{
    return item->inherits("QQuickFlickable")
        && item->property("contentWidth").toReal() > item->width() + Slack;
}

QString describe(const QQuickItem *text)
{
    QStringList path;
    for (const QQuickItem *item = text; item; item = item->parentItem()) {
        if (!item->objectName().isEmpty())
            path.prepend(item->objectName());
    }
    QString shown = text->property("text").toString();
    if (shown.isEmpty())
        shown = text->property("placeholderText").toString();
    return QStringLiteral("\"%1\" (%2)").arg(shown.left(60), path.join(QLatin1Char('/')));
}

struct Walk
{
    QList<QString> found;

    // `clipRight`: the right edge, in scene coordinates, of the nearest thing that clips (the window's at
    // the top); `sideways`: inside a view that scrolls sideways.
    void visit(QQuickItem *item, qreal clipRight, bool sideways)
    {
        if (!isShown(item))
            return;
        if (isText(item))
            check(item, clipRight, sideways);
        if (scrollsSideways(item))
            sideways = true;
        if (item->clip())
            clipRight = std::min(clipRight, item->mapToScene(QPointF(item->width(), 0)).x());
        for (QQuickItem *child : item->childItems())
            visit(child, clipRight, sideways);
    }

    void check(QQuickItem *text, qreal clipRight, bool sideways)
    {
        const QString shown = text->property("text").toString();
        if (shown.trimmed().isEmpty())
            return;
        // What the text needs beyond its box, when it neither elides nor wraps into it.
        // (A text field the user types in scrolls its own text instead.)
        const bool label = text->inherits("QQuickText");
        const qreal needed = text->property("contentWidth").toReal();
        const bool eliding = label && text->property("elide").toInt() != Qt::ElideNone;
        // A button's label and a field's hint elide rather than overflow, but a cut-off command or hint
        // is as unreadable.
        const bool onAButton = text->parentItem() && text->parentItem()->inherits("QQuickIconLabel");
        const bool hint = text->inherits("QQuickPlaceholderText");
        if ((onAButton || hint) && text->property("truncated").toBool()) {
            found << QStringLiteral("%1 is cut to %2 px").arg(describe(text)).arg(qFloor(text->width()));
            return;
        }
        // A field that does not scroll its text (a closed combo box's) cuts it like a label, inside its
        // own margins.
        const bool fixedField = text->inherits("QQuickTextInput") && !text->property("autoScroll").toBool();
        const qreal room = fixedField
            ? text->width() - text->property("leftPadding").toReal() - text->property("rightPadding").toReal()
            : text->width();
        if ((label || fixedField) && !sideways && !eliding && needed > room + Slack) {
            found << QStringLiteral("%1 needs %2 px, has %3")
                         .arg(describe(text))
                         .arg(qCeil(needed))
                         .arg(qFloor(room));
            return;
        }
        // Where the drawn text ends, against the edge of what clips it.
        const qreal drawnWidth = std::min(needed, text->width());
        const qreal alignedLeft = text->property("horizontalAlignment").toInt() == Qt::AlignRight
            ? text->width() - drawnWidth
            : text->property("horizontalAlignment").toInt() == Qt::AlignHCenter
            ? (text->width() - drawnWidth) / 2
            : 0;
        const qreal left = text->mapToScene(QPointF(alignedLeft, 0)).x();
        const qreal right = left + drawnWidth;
        if (!sideways && left < clipRight && right > clipRight + Slack) {
            found << QStringLiteral("%1 runs %2 px past the edge that clips it")
                         .arg(describe(text))
                         .arg(qCeil(right - clipRight));
        }
    }
};

} // namespace

QList<QString> ClippedTextFinder::find(QQuickWindow *window)
{
    Walk walk;
    walk.visit(window->contentItem(), window->width(), false);
    return walk.found;
}
