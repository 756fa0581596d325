// SPDX-License-Identifier: MIT
#include "api/WholeAnswer.h"

#include "core/OffLoop.h"
#include "http/HttpResponder.h"
#include "upstream/Generation.h"

#include <QJsonDocument>
#include <QPointer>

void WholeAnswer::send(HttpResponder &responder, const QJsonObject &answer, const Generation *said)
{
    const qsizetype chars = said ? said->transcript().chars() : 0;
    OffLoop::runIfLarge(
        chars, &responder, [answer] { return QJsonDocument(answer).toJson(QJsonDocument::Compact); },
        [to = QPointer<HttpResponder>(&responder)](const QByteArray &json) {
            if (to)
                to->send(200, json, "application/json");
        });
}
