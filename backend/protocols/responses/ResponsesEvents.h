// SPDX-License-Identifier: MIT
// A generation as the Responses API says it: the typed stream events, each with the next sequence_number,
// and the response object with its output items (reasoning, message with output_text, function_call).
//
// Items follow one another as the model produced them; each is closed (its .done events) before the next
// opens. A chat upstream streams one tool call after another; one that went back to an earlier call after
// starting the next is a problem() (the events cannot say it), not a silent reordering; from the call that
// finds one on, no events are given.
#pragma once

#include "protocols/GenerationTranslation.h"

#include <QJsonArray>

class ResponsesEvents : public GenerationTranslation
{
public:
    // `echo`: the request's fields the response repeats (tools, metadata, ...).
    ResponsesEvents(QString model, QJsonObject echo, QString previousResponseId, bool store);

    QString responseId() const { return m_id; }

    QList<StreamEvent> start() override;
    QList<StreamEvent> content(const QString &text) override;
    QList<StreamEvent> reasoning(const QString &text) override;
    QList<StreamEvent> toolCalls(const QJsonArray &fragments) override;
    QList<StreamEvent> finish(const GenerationOutcome &outcome) override;
    QList<StreamEvent> fail(const ApiError &error) override;
    QByteArray keepAlive() const override { return QByteArrayLiteral(": keep-alive\n\n"); }
    // The response as finish() or fail() made it, if nothing changed since; else made now.
    QJsonObject result() const override;

private:
    struct Item
    {
        enum class Kind
        {
            Reasoning,
            Message,
            FunctionCall
        } kind;
        QString id;
        QString text; // reasoning, output text, or a call's arguments
        QString callId;
        QString name;
        int toolIndex = -1;
        bool done = false;
    };

    StreamEvent event(const QString &type, QJsonObject data);
    // An event carrying the response as it is now ({response, sequence_number, type}), for each type in
    // `types`: the response made and encoded once for all of them.
    QList<StreamEvent> responseEvents(const QStringList &types);
    QList<StreamEvent> open(Item::Kind kind, const QJsonObject &fragment = {});
    QList<StreamEvent> closeCurrent();
    QJsonObject itemJson(const Item &item) const;
    QJsonObject itemRef(const Item &item) const; // {item_id, output_index}
    QJsonObject response() const;
    Item *current();

    QString m_id;
    qint64 m_createdAt;
    QString m_model;
    QJsonObject m_echo;
    QString m_previousResponseId;
    bool m_store;
    QList<Item> m_items;
    int m_sequence = 0;
    QString m_status = QStringLiteral("in_progress");
    QJsonValue m_incompleteDetails = QJsonValue::Null;
    QJsonValue m_error = QJsonValue::Null;
    QJsonValue m_usage = QJsonValue::Null;
    // The response the last responseEvents() made, and the sequence number after them: result() gives it
    // while no event has been made since (every change of the response makes one).
    QJsonObject m_lastResponse;
    int m_lastResponseSequence = -1;
};
