// SPDX-License-Identifier: MIT
// Finds the texts a person cannot read whole in a window as it is drawn now: a visible label wider than
// its own box without eliding (its end is cut off or runs over what is beside it), a button's label or a
// field's hint that had to be elided, or a text that runs past the edge of what clips it (the window, a
// list, a panel). Popups and drawers that are open count; texts
// in a view that scrolls sideways (a code block) are allowed to be wider than the view.
#pragma once

#include <QList>
#include <QString>

class QQuickItem;
class QQuickWindow;

namespace ClippedTextFinder {

// One line per clipped text: what it says, where it is, and how much does not fit.
QList<QString> find(QQuickWindow *window);

} // namespace ClippedTextFinder
