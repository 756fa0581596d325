// SPDX-License-Identifier: MIT
// What is found in the JSON of one unit of an upstream's answer (a streamed chunk), found once for all who
// look at it. A relaying route (OpenAiChatRelay) looks into a chunk to pass it on, then the generation's
// reader (OpenAiChunk) looks into the same bytes to make deltas of them: each walked them level by level
// (the object, its choices, the choice, the delta), about a quarter of the serving thread's instructions
// for a relayed request between the two.
//
// A scan finds only what it is asked, and keeps it: the members of an object and the elements of an array
// (JsonSpans), by where the value begins, and whether the whole text is plain JSON (PlainJson's check).
// While a Shared scan of a unit exists (Generation makes one for each unit it hands over and reads), every
// JsonScan made on that thread of the same bytes uses it; any other scan is its own.
#pragma once

#include "events/JsonSpans.h"

#include <QByteArray>
#include <QList>
#include <QVarLengthArray>

#include <optional>
#include <utility>

class JsonScan
{
    struct Found
    {
        explicit Found(const QByteArray &bytes)
            : json(bytes)
        { }

        QByteArrayView json;
        // Whether the whole text is plain JSON of one object, and that object's span; unset until asked.
        std::optional<std::optional<JsonSpans::Span>> plainSpan;
        // A chunk has a few objects (the chunk, a choice, its delta) and an array or two: no heap for them.
        QVarLengthArray<std::pair<qsizetype, QList<JsonSpans::Member>>, 6> members;
        QVarLengthArray<std::pair<qsizetype, QList<JsonSpans::Span>>, 2> elements;
    };

public:
    // `json` must outlive the scan, unchanged.
    explicit JsonScan(const QByteArray &json);
    JsonScan(const JsonScan &) = delete;
    JsonScan &operator=(const JsonScan &) = delete;

    QByteArrayView json() const { return m_found->json; }
    // Whether the whole text is plain JSON of one object (PlainJson's check): then PlainJson reads any
    // value in it.
    bool isPlain();
    // PlainJson::object(json()).
    std::optional<QList<JsonSpans::Member>> plainObject();
    // PlainJson::members(json(), value).
    std::optional<QList<JsonSpans::Member>> plainMembers(JsonSpans::Span value);
    // JsonSpans::members(json(), at).
    QList<JsonSpans::Member> members(qsizetype at = 0);
    // JsonSpans::elements(json(), at).
    QList<JsonSpans::Span> elements(qsizetype at = 0);

    // For as long as it exists, the scan every JsonScan of `json` on this thread uses (scopes nest).
    class Shared
    {
    public:
        explicit Shared(const QByteArray &json);
        ~Shared();
        Shared(const Shared &) = delete;
        Shared &operator=(const Shared &) = delete;

    private:
        friend class JsonScan;
        Found m_found;
        Shared *m_outer;
    };

private:
    std::optional<Found> m_own; // when no Shared scan is of these bytes
    Found *m_found;
};
