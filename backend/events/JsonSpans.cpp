// SPDX-License-Identifier: MIT
#include "events/JsonSpans.h"

#include <cstring>

namespace JsonSpans {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// One past the closing quote of the string whose opening quote is at `at`, or -1. Quotes are found with
// memchr (a reasoning delta can be megabytes long); one is escaped when an odd run of backslashes precedes
// it. Each backslash run is counted once, before the one quote it ends at, so the work stays linear.
qsizetype stringEnd(QByteArrayView json, qsizetype at)
{
    const char *begin = json.data();
    const char *end = begin + json.size();
    const char *from = begin + at + 1;
    while (from < end) {
        const auto *quote = static_cast<const char *>(std::memchr(from, '"', size_t(end - from)));
        if (!quote)
            return -1;
        qsizetype backslashes = 0;
        while (quote - backslashes > begin + at + 1 && quote[-1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return quote - begin + 1;
        from = quote + 1;
    }
    return -1;
}

// One past the bracket that closes the one at `at`: strings are skipped whole, so brackets in them do not
// count. Nesting is counted, not kept, whatever the depth.
qsizetype containerEnd(QByteArrayView json, qsizetype at)
{
    qsizetype depth = 0;
    for (qsizetype i = at; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            i = stringEnd(json, i);
            if (i < 0)
                return -1;
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

} // namespace

qsizetype skipSpace(QByteArrayView json, qsizetype at)
{
    while (at < json.size() && isSpace(json[at]))
        ++at;
    return at;
}

qsizetype valueEnd(QByteArrayView json, qsizetype at)
{
    at = skipSpace(json, at);
    if (at >= json.size())
        return -1;
    const char c = json[at];
    if (c == '"')
        return stringEnd(json, at);
    if (c == '{' || c == '[')
        return containerEnd(json, at);
    // A number, true, false or null: up to the next delimiter.
    qsizetype end = at;
    while (
        end < json.size() && !isSpace(json[end]) && json[end] != ',' && json[end] != '}' && json[end] != ']')
        ++end;
    return end > at ? end : -1;
}

QList<Member> members(QByteArrayView json, qsizetype at)
{
    QList<Member> list;
    at = skipSpace(json, at);
    if (at >= json.size() || json[at] != '{')
        return {};
    list.reserve(8); // a streamed chunk's objects have a few members: one allocation, not one per doubling
    at = skipSpace(json, at + 1);
    if (at < json.size() && json[at] == '}')
        return list;
    while (at < json.size()) {
        if (json[at] != '"')
            return {};
        Member member;
        member.key = {at, stringEnd(json, at)};
        if (member.key.end < 0)
            return {};
        at = skipSpace(json, member.key.end);
        if (at >= json.size() || json[at] != ':')
            return {};
        const qsizetype valueAt = skipSpace(json, at + 1);
        const qsizetype end = valueEnd(json, valueAt);
        if (end < 0)
            return {};
        member.value = {valueAt, end};
        list.append(member);
        at = skipSpace(json, end);
        if (at < json.size() && json[at] == '}')
            return list;
        if (at >= json.size() || json[at] != ',')
            return {};
        at = skipSpace(json, at + 1);
    }
    return {};
}

QList<Span> elements(QByteArrayView json, qsizetype at)
{
    QList<Span> list;
    at = skipSpace(json, at);
    if (at >= json.size() || json[at] != '[')
        return {};
    at = skipSpace(json, at + 1);
    if (at < json.size() && json[at] == ']')
        return list;
    while (at < json.size()) {
        const qsizetype end = valueEnd(json, at);
        if (end < 0)
            return {};
        list.append({at, end});
        at = skipSpace(json, end);
        if (at < json.size() && json[at] == ']')
            return list;
        if (at >= json.size() || json[at] != ',')
            return {};
        at = skipSpace(json, at + 1);
    }
    return {};
}

const Member *find(std::span<const Member> list, QByteArrayView json, QByteArrayView key)
{
    for (const Member &member : list) {
        const QByteArrayView name = member.key.in(json);
        if (name.size() == key.size() + 2 && name.sliced(1, key.size()) == key)
            return &member;
    }
    return nullptr;
}

} // namespace JsonSpans
