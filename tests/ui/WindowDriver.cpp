// SPDX-License-Identifier: MIT
#include "WindowDriver.h"

#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

QQuickItem *WindowDriver::item(const char *name, QObject *within) const
{
    QObject *root = within ? within : static_cast<QObject *>(m_window);
    return root->findChild<QQuickItem *>(QLatin1String(name));
}

QObject *WindowDriver::object(const char *name) const
{
    return m_window->findChild<QObject *>(QLatin1String(name));
}

void WindowDriver::type(const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(m_window, c.toLatin1());
}

void WindowDriver::send(const QString &text)
{
    QQuickItem *input = item("composerInput");
    input->forceActiveFocus();
    type(text);
    QTest::keyClick(m_window, Qt::Key_Return);
}

void WindowDriver::key(int key, int modifiers)
{
    QTest::keyClick(m_window, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
}

void WindowDriver::click(QQuickItem *target)
{
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
}

QQuickItem *WindowDriver::delegateAt(QQuickItem *listView, int row) const
{
    QMetaObject::invokeMethod(
        listView, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 0 /* Beginning */));
    QQuickItem *delegate = nullptr;
    QMetaObject::invokeMethod(listView, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, row));
    return delegate;
}

QQuickItem *WindowDriver::lastMessage() const
{
    QQuickItem *list = item("messageList");
    const int count = list->property("count").toInt();
    return count > 0 ? delegateAt(list, count - 1) : nullptr;
}

QString WindowDriver::shownText(QQuickItem *delegate, const char *name)
{
    if (!delegate)
        return {};
    auto *label = delegate->findChild<QQuickItem *>(QLatin1String(name));
    return label && label->isVisible() ? label->property("text").toString() : QString();
}

bool WindowDriver::settle() const
{
    // Bindings, polish and Qt.callLater run before the next frame; two frames make sure a change that
    // itself asked for another (a list positioning at its end) is drawn too.
    // Offscreen, an update request made as a popup's transition ends can go unanswered: ask again.
    int frames = 0;
    for (int attempt = 0; attempt < 20 && frames < 2; ++attempt) {
        QSignalSpy drawn(m_window, &QQuickWindow::frameSwapped);
        m_window->requestUpdate();
        if (drawn.wait(500))
            ++frames;
        else if (!m_window->grabWindow().isNull()) // lays out, polishes and draws at once
            ++frames;
    }
    return frames == 2;
}

QString WindowDriver::screenshot(const QString &name) const
{
    settle();
    const QImage image = m_window->grabWindow();
    const QString path = QStringLiteral(PONDER_SCREENSHOT_DIR "/") + name;
    if (image.isNull() || !image.save(path))
        return {};
    qInfo().noquote() << "screenshot:" << path;
    return path;
}
