// SPDX-License-Identifier: MIT
#include "BackgroundAnswers.h"

#include "ChatRun.h"

void BackgroundAnswers::keep(const QString &conversationId, Answer answer)
{
    ChatRun *run = answer.run;
    if (!run)
        return;
    m_answers.insert(conversationId, std::move(answer));
    connect(run, &ChatRun::progressed, this, [this, conversationId](const ChatBatch &batch) {
        const auto found = m_answers.find(conversationId);
        if (found == m_answers.end())
            return;
        found->shown.content += batch.content;
        found->shown.reasoning += batch.reasoning;
        if (batch.thoughtMs >= 0)
            found->shown.thoughtMs = batch.thoughtMs;
    });
    connect(run, &ChatRun::ended, this, [this, conversationId, run] {
        const auto found = m_answers.find(conversationId);
        if (found == m_answers.end() || found->run != run)
            return;
        m_answers.erase(found);
        run->deleteLater();
        Q_EMIT ended(conversationId);
    });
}

BackgroundAnswers::Answer BackgroundAnswers::take(const QString &conversationId)
{
    Answer answer = m_answers.take(conversationId);
    if (answer.run)
        answer.run->disconnect(this);
    return answer;
}

void BackgroundAnswers::stop(const QString &conversationId)
{
    const auto found = m_answers.constFind(conversationId);
    if (found != m_answers.cend() && found->run)
        found->run->stop();
}
