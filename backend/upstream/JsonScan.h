// SPDX-License-Identifier: MIT
// What is found in the JSON of one unit of an upstream's answer (a streamed chunk), found in one walk for
// all who look at it. A relaying route (OpenAiChatRelay) looks into a chunk to pass it on, then the
// generation's reader (OpenAiChunk) looks into the same bytes to make deltas of them: each walked them
// level by level (the object, its choices, the choice, the delta), and the reader once more to check that
// it is plain JSON, about a fifth of the serving thread's instructions for a relayed request in all.
//
// The first question walks the whole text once, checking it is plain JSON (PlainJson) and noting every
// object's members and every array's elements on the way; every question after that is a look-up. Only
// for a text that is not plain are members and elements found by JsonSpans, each once.
//
// While a Shared scan of a unit exists (Generation makes one for each unit it hands over and reads), every
// JsonScan made on that thread of the same bytes uses it; any other scan is its own.
#pragma once

#include "events/JsonSpans.h"
#include "upstream/PlainJson.h"

#include <QByteArray>
#include <QList>
#include <QVarLengthArray>

#include <optional>
#include <span>
#include <utility>

class JsonScan
{
    struct Found
    {
        explicit Found(const QByteArray &bytes)
            : json(bytes)
        { }

        QByteArrayView json;
        std::optional<bool> plain; // unset until the walk
        PlainJson::Index index; // what the walk found, if plain
        qsizetype objectBegin = -1;
        qsizetype objectEnd = -1;
        // Not plain: what JsonSpans found, by where each value begins.
        QList<std::pair<qsizetype, QList<JsonSpans::Member>>> members;
        QList<std::pair<qsizetype, QList<JsonSpans::Span>>> elements;
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
    std::optional<std::span<const JsonSpans::Member>> plainObject();
    // PlainJson::members(json(), value).
    std::optional<std::span<const JsonSpans::Member>> plainMembers(JsonSpans::Span value);
    // JsonSpans::members(json(), at). What these return lives as long as the scan.
    std::span<const JsonSpans::Member> members(qsizetype at = 0);
    // JsonSpans::elements(json(), at).
    std::span<const JsonSpans::Span> elements(qsizetype at = 0);

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
    // The items of the container that begins at `at` (after any whitespace), found by the walk; null if
    // none begins there with `open`.
    const PlainJson::Index::Container *container(qsizetype at, char open);

    std::optional<Found> m_own; // when no Shared scan is of these bytes
    Found *m_found;
};
