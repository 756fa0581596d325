// SPDX-License-Identifier: MIT
// What makes a thinking step one node of a tree of timed steps: its own id and its parent's, the kind of
// work, its name, how it went, when it started and ended, short summaries of what went in and came out,
// and attributes. Every field is optional: a step without them is the earlier service's plain step.
// A step may be published when it starts and again when it ends under the same step_id; watchers merge
// the events (StepMerge.h says how).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

class JsonFieldReader;
class JsonWriter;

struct StepDetails
{
    // Bounds a client must keep to (400 past them); the translators of other protocols clip to them.
    static constexpr qsizetype MaxIdCharacters = 256;
    static constexpr qsizetype MaxNameCharacters = 1024;
    static constexpr qsizetype MaxSummaryCharacters = 4096; // input and output each
    static constexpr qsizetype MaxAttributes = 64;
    static constexpr qsizetype MaxAttributesBytes = 16 * 1024; // the attributes object as compact JSON

    QString stepId;
    std::optional<QString> parentId; // none: a root step (written as null when the step has an id)
    QString kind; // agent, llm, tool, retrieval, embedding, reasoning, step, custom
    QString name;
    QString status; // running, ok, error, stopped
    QDateTime startedAt;
    QDateTime endedAt;
    QString input;
    QString output;
    QJsonObject attributes;

    static const QStringList &kinds();
    static const QStringList &statuses();

    // Reads the fields a request or stored event carries; the reader names the first bad one.
    static StepDetails read(const QJsonObject &json, JsonFieldReader &reader);
    // Writes the fields that are set, as members of the object being written.
    void write(JsonWriter &json) const;
    bool isEmpty() const;

    // `text` cut to `max` characters, marked with an ellipsis when cut, never inside a surrogate pair.
    static QString clipped(const QString &text, qsizetype max);
    // Attributes within the bounds: at most MaxAttributes members and MaxAttributesBytes of JSON, taken in
    // the order given (first come, first kept); the rest are left out, and long strings are clipped.
    static QJsonObject boundedAttributes(const QList<std::pair<QString, QJsonValue>> &attributes);
    static QJsonObject boundedAttributes(const QJsonObject &attributes);
};
