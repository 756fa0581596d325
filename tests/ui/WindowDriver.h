// SPDX-License-Identifier: MIT
// Drives the window as a person does, for the end-to-end tests: finds items by objectName, types, clicks,
// presses keys, reaches list delegates, and saves screenshots once a frame has been drawn.
#pragma once

#include <QPoint>
#include <QString>

class QObject;
class QQuickItem;
class QQuickWindow;

class WindowDriver
{
public:
    explicit WindowDriver(QQuickWindow *window)
        : m_window(window)
    { }

    QQuickWindow *window() const { return m_window; }

    // The first item (or object) named so, under `within` or anywhere in the window.
    QQuickItem *item(const char *name, QObject *within = nullptr) const;
    QObject *object(const char *name) const;

    // Types into the composer and presses Enter.
    void send(const QString &text);
    void type(const QString &text);
    void key(int key, int modifiers = 0);
    void click(QQuickItem *item);

    // A ListView's delegate for `row` (created if need be, by positioning the view on it).
    QQuickItem *delegateAt(QQuickItem *listView, int row) const;
    // The delegate of the last message in the chat.
    QQuickItem *lastMessage() const;
    // The text of a label named `name` in `delegate` ("" when there is none or it is hidden).
    static QString shownText(QQuickItem *delegate, const char *name);

    // Waits until the window has drawn a frame of what it shows now.
    bool settle() const;
    // Saves the window into the build's tests folder; returns the path, or "" on failure.
    QString screenshot(const QString &name) const;

private:
    QQuickWindow *m_window;
};
