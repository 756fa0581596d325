// SPDX-License-Identifier: MIT
#include "ReadOnlyTextKeys.h"

#include <QKeyEvent>
#include <QVariant>

bool ReadOnlyTextKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->inherits("QQuickTextEdit")
        || !watched->property("readOnly").toBool())
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::SelectAll))
        return false;
    event->ignore(); // not the text's: a shortcut of the window takes it, else the text gets the key
    return true;
}
