// SPDX-License-Identifier: MIT
// The item a chat message's delegate is built on: it keeps the message's streamed texts, its answer and
// its reasoning, in C++ properties. A property declared in QML keeps its value as a JavaScript value, so
// every update of a streaming answer made a JavaScript string of the whole text, its size counted against
// the engine's unmanaged heap: on a long answer the garbage collector ran every few updates, each time
// marking the whole heap on the GUI thread.
#pragma once

#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

class MessageItem : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString content READ content WRITE setContent NOTIFY contentChanged REQUIRED)
    Q_PROPERTY(QString reasoning READ reasoning WRITE setReasoning NOTIFY reasoningChanged REQUIRED)
    // Whether any answer text came, asked without copying the text into script.
    Q_PROPERTY(bool hasContent READ hasContent NOTIFY hasContentChanged)

public:
    explicit MessageItem(QQuickItem *parent = nullptr);

    QString content() const { return m_content; }
    bool hasContent() const { return !m_content.isEmpty(); }
    void setContent(const QString &content);
    QString reasoning() const { return m_reasoning; }
    void setReasoning(const QString &reasoning);

Q_SIGNALS:
    void contentChanged();
    void hasContentChanged();
    void reasoningChanged();

private:
    QString m_content;
    QString m_reasoning;
};
