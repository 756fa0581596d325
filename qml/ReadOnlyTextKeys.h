// SPDX-License-Identifier: MIT
// Lets the window's shortcuts (Esc stops, Ctrl+N, Ctrl+,, Ctrl+B...) through a read-only text that has
// the focus. Clicking an answer, a code block or a step card gives its TextEdit the focus, and Qt Quick's
// TextEdit claims every shortcut while focused, read-only or not: Esc stopped nothing until the composer
// was clicked again. Installed on the application, it sees the ShortcutOverride such a text would get and
// leaves it unclaimed, except copying and selecting all, which are the text's.
#pragma once

#include <QObject>

class ReadOnlyTextKeys : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
