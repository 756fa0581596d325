// SPDX-License-Identifier: MIT
// Answers that go on while their chat is not shown. Leaving a chat (a new one, another from the list)
// while it answers does not stop the answer: its run is kept here, its text gathered as it comes, and the
// backend keeps the turn in history when it ends, as for any answer. Opening the chat again before then
// takes the run back, to be shown live from where it is.
#pragma once

#include "models/MessageModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class ChatRun;

class BackgroundAnswers : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        QPointer<ChatRun> run;
        MessageModel::Message shown; // the answer's row as it would be shown now
        bool replacesLastAnswer = false; // a regenerated answer: the stored one goes when it ends
    };

    using QObject::QObject;

    // Takes over `answer.run` (its signals to others are left as they are; the caller disconnects its own).
    void keep(const QString &conversationId, Answer answer);
    bool has(const QString &conversationId) const { return m_answers.contains(conversationId); }
    // The conversation's answer, no longer followed here (an empty run if it has none, or it ended).
    Answer take(const QString &conversationId);
    // Stops the conversation's answer (its chat was deleted); ended() follows.
    void stop(const QString &conversationId);
    qsizetype size() const { return m_answers.size(); }

Q_SIGNALS:
    // The answer ended, and the backend has handed its turn to history.
    void ended(const QString &conversationId);

private:
    QHash<QString, Answer> m_answers;
};
