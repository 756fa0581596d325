#include "chat/CompletionRequest.h"

#include <QStringList>

using namespace Qt::StringLiterals;

QString CompletionRequest::lastUserText() const
{
    const QJsonArray messages = upstream.messages();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value("role"_L1).toString() != QLatin1String("user"))
            continue;
        const QJsonValue content = message.value("content"_L1);
        if (content.isString())
            return content.toString();
        QStringList texts;
        for (const QJsonValue &part : content.toArray())
            texts.append(part["text"_L1].toString());
        return texts.join(QLatin1Char(' '));
    }
    return {};
}
