// SPDX-License-Identifier: MIT
// Reads the small, plain JSON of one streamed chunk without building a QJsonDocument (parsing one was
// about a fifth of Ponder's CPU time per relayed chunk): a strict check of the whole text, then the members
// a reader needs, found by byte offset (JsonSpans) and decoded.
//
// It accepts less than JSON allows and never more: strings of valid UTF-8 without control characters or
// escaped surrogates, numbers without exponents of at most 15 digits a part, nesting of at most MaxDepth,
// nothing after the value. Whatever it does not accept a caller reads with QJsonDocument as before, so for
// every text it accepts, both readings agree.
#pragma once

#include "events/JsonSpans.h"

#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

#include <optional>
#include <span>

namespace PlainJson {

constexpr int MaxDepth = 16;

// The members of the object that is the whole of `json`, if `json` is plain JSON as above and none of the
// object's keys is written with an escape; nullopt otherwise.
std::optional<QList<JsonSpans::Member>> object(QByteArrayView json);
// Every object's members and every array's elements in a plain text, by where each begins: what objectSpan
// found on its way, so that nobody walks the text again to find them.
struct Index
{
    struct Container
    {
        qsizetype begin; // its '{' or '['
        qsizetype first; // an object's members[first, first + count), an array's elements[...]
        qsizetype count;
    };
    // A streamed chunk has a few containers (the chunk, its choices, a choice, a delta, usage) and a few
    // dozen members: no heap for them.
    QVarLengthArray<Container, 8> containers; // in the order they end: one inside another comes first
    QVarLengthArray<JsonSpans::Member, 32> members;
    QVarLengthArray<JsonSpans::Span, 8> elements;
};
// The span of the object that is the whole of `json`, if `json` is plain JSON as above (its keys unchecked);
// nullopt otherwise. With `index`, what it finds on the way goes there (only whole if it is plain).
std::optional<JsonSpans::Span> objectSpan(QByteArrayView json, Index *index = nullptr);
// Whether none of the keys in `list` (an object's members) is written with an escape.
bool plainKeys(std::span<const JsonSpans::Member> list, QByteArrayView json);
// The members of the object `value` (a span of a text object() accepted); nullopt if it is no object or a
// key is written with an escape.
std::optional<QList<JsonSpans::Member>> members(QByteArrayView json, JsonSpans::Span value);
// The member named `key`, or none; `*twice` set when the key is there more than once (QJsonDocument keeps
// the last, a reader here lets it decide).
const JsonSpans::Member *unique(
    std::span<const JsonSpans::Member> list, QByteArrayView json, QByteArrayView key, bool *twice);
// The text of a string value (a span of a text object() accepted); nullopt if it is not a string.
std::optional<QString> string(QByteArrayView json, JsonSpans::Span value);
// The value of a number (a span of a text object() accepted: no exponent and at most 15 digits a part, so
// an integer is exact, and the double is the one QJsonDocument reads); nullopt if it is not a number.
std::optional<double> number(QByteArrayView json, JsonSpans::Span value);
// Whether the value is the literal `true`.
bool isTrue(QByteArrayView json, JsonSpans::Span value);
bool isNull(QByteArrayView json, JsonSpans::Span value);

} // namespace PlainJson
