// SPDX-License-Identifier: MIT
#include "upstream/PlainJson.h"

using namespace JsonSpans;

namespace PlainJson {

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

// The length of the valid UTF-8 sequence (2 to 4 bytes: no overlong forms, no surrogates, at most U+10FFFF)
// at `at`, or 0.
qsizetype utf8Length(QByteArrayView json, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return i < json.size() ? uchar(json[i]) : uchar(0); };
    const auto continuation = [&](qsizetype i) { return (byte(i) & 0xC0) == 0x80; };
    const uchar lead = byte(at);
    if (lead >= 0xC2 && lead <= 0xDF)
        return continuation(at + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const uchar second = byte(at + 1);
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F))
            return 0; // overlong, or a surrogate
        return continuation(at + 1) && continuation(at + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const uchar second = byte(at + 1);
        if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
            return 0; // overlong, or past U+10FFFF
        return continuation(at + 1) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
    }
    return 0;
}

// One past the string whose quote is at `at`, or -1 if it is not plain.
qsizetype stringEnd(QByteArrayView json, qsizetype at)
{
    for (qsizetype i = at + 1; i < json.size();) {
        const uchar c = uchar(json[i]);
        if (c == '"')
            return i + 1;
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            if (i + 1 >= json.size())
                return -1;
            const char e = json[i + 1];
            if (e == 'u') {
                if (i + 5 >= json.size() || !isHex(json[i + 2]) || !isHex(json[i + 3]) || !isHex(json[i + 4])
                    || !isHex(json[i + 5]))
                    return -1;
                if ((json[i + 2] | 0x20) == 'd' && hexValue(json[i + 3]) >= 8)
                    return -1; // a surrogate: left to QJsonDocument, whose reading of a lone one is its own

                i += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                || e == 't') {
                i += 2;
            } else {
                return -1;
            }
        } else if (c < 0x80) {
            ++i;
        } else {
            const qsizetype length = utf8Length(json, i);
            if (length == 0)
                return -1;
            i += length;
        }
    }
    return -1;
}

// One past a run of 1 to 15 digits at `at`, or -1.
qsizetype digitsEnd(QByteArrayView json, qsizetype at)
{
    qsizetype i = at;
    while (i < json.size() && json[i] >= '0' && json[i] <= '9')
        ++i;
    return i > at && i - at <= 15 ? i : -1;
}

qsizetype numberEnd(QByteArrayView json, qsizetype at)
{
    qsizetype i = at;
    if (i < json.size() && json[i] == '-')
        ++i;
    const qsizetype integerEnd = digitsEnd(json, i);
    if (integerEnd < 0 || (json[i] == '0' && integerEnd > i + 1))
        return -1; // none, or a leading zero
    i = integerEnd;
    if (i < json.size() && json[i] == '.')
        i = digitsEnd(json, i + 1);
    if (i < 0 || (i < json.size() && (json[i] == 'e' || json[i] == 'E')))
        return -1;
    return i;
}

qsizetype plainValueEnd(QByteArrayView json, qsizetype at, int depth, Index *index);

qsizetype containerEnd(QByteArrayView json, qsizetype at, int depth, bool object, Index *index)
{
    if (depth >= MaxDepth)
        return -1;
    // This container's items, kept apart until it ends (those inside it are recorded first).
    QVarLengthArray<Member, 16> items;
    const auto ended = [&](qsizetype end) {
        if (index && object) {
            index->containers.append({at, index->members.size(), items.size()});
            index->members.append(items.constData(), items.size());
        } else if (index) {
            index->containers.append({at, index->elements.size(), items.size()});
            for (const Member &item : items)
                index->elements.append(item.value);
        }
        return end;
    };
    const char close = object ? '}' : ']';
    qsizetype i = skipSpace(json, at + 1);
    if (i < json.size() && json[i] == close)
        return ended(i + 1);
    while (i < json.size()) {
        Member item;
        if (object) {
            item.key.begin = i;
            if (json[i] != '"' || (i = stringEnd(json, i)) < 0)
                return -1;
            item.key.end = i;
            i = skipSpace(json, i);
            if (i >= json.size() || json[i] != ':')
                return -1;
            i = skipSpace(json, i + 1);
        }
        item.value.begin = i;
        if ((i = plainValueEnd(json, i, depth + 1, index)) < 0)
            return -1;
        item.value.end = i;
        if (index)
            items.append(item);
        i = skipSpace(json, i);
        if (i < json.size() && json[i] == close)
            return ended(i + 1);
        if (i >= json.size() || json[i] != ',')
            return -1;
        i = skipSpace(json, i + 1);
    }
    return -1;
}

qsizetype plainValueEnd(QByteArrayView json, qsizetype at, int depth, Index *index)
{
    if (at >= json.size())
        return -1;
    switch (json[at]) {
    case '"':
        return stringEnd(json, at);
    case '{':
        return containerEnd(json, at, depth, true, index);
    case '[':
        return containerEnd(json, at, depth, false, index);
    case 't':
        return json.sliced(at).startsWith("true") ? at + 4 : -1;
    case 'f':
        return json.sliced(at).startsWith("false") ? at + 5 : -1;
    case 'n':
        return json.sliced(at).startsWith("null") ? at + 4 : -1;
    default:
        return numberEnd(json, at);
    }
}

} // namespace

std::optional<QList<Member>> members(QByteArrayView json, Span value)
{
    if (!value.isValid() || json[value.begin] != '{')
        return std::nullopt;
    QList<Member> list = JsonSpans::members(json, value.begin);
    if (!plainKeys(list, json))
        return std::nullopt;
    return list;
}

bool plainKeys(std::span<const Member> list, QByteArrayView json)
{
    for (const Member &member : list) {
        if (member.key.in(json).contains('\\'))
            return false;
    }
    return true;
}

std::optional<Span> objectSpan(QByteArrayView json, Index *index)
{
    const qsizetype at = skipSpace(json, 0);
    if (at >= json.size() || json[at] != '{')
        return std::nullopt;
    const qsizetype end = plainValueEnd(json, at, 0, index);
    if (end < 0 || skipSpace(json, end) != json.size())
        return std::nullopt;
    return Span {at, end};
}

std::optional<QList<Member>> object(QByteArrayView json)
{
    const std::optional<Span> span = objectSpan(json);
    return span ? members(json, *span) : std::nullopt;
}

const Member *unique(std::span<const Member> list, QByteArrayView json, QByteArrayView key, bool *twice)
{
    const Member *found = nullptr;
    for (const Member &member : list) {
        const QByteArrayView name = member.key.in(json);
        if (name.size() != key.size() + 2 || name.sliced(1, key.size()) != key)
            continue;
        if (found)
            *twice = true;
        found = &member;
    }
    return found;
}

std::optional<QString> string(QByteArrayView json, Span value)
{
    if (!value.isValid() || json[value.begin] != '"')
        return std::nullopt;
    const QByteArrayView inner = json.sliced(value.begin + 1, value.end - value.begin - 2);
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    QString text;
    text.reserve(inner.size());
    qsizetype run = 0; // where the bytes not yet added begin
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner[i] != '\\')
            continue;
        text += QString::fromUtf8(inner.sliced(run, i - run));
        const char e = inner[i + 1]; // an accepted text: every escape is whole
        switch (e) {
        case 'b':
            text += QChar(u'\b');
            break;
        case 'f':
            text += QChar(u'\f');
            break;
        case 'n':
            text += QChar(u'\n');
            break;
        case 'r':
            text += QChar(u'\r');
            break;
        case 't':
            text += QChar(u'\t');
            break;
        case 'u':
            // No surrogates here (stringEnd): one escape is one character.
            text += QChar(char16_t((hexValue(inner[i + 2]) << 12) | (hexValue(inner[i + 3]) << 8)
                | (hexValue(inner[i + 4]) << 4) | hexValue(inner[i + 5])));
            i += 4;
            break;
        default:
            text += QLatin1Char(e);
            break; // " \ /
        }
        ++i;
        run = i + 1;
    }
    text += QString::fromUtf8(inner.sliced(run));
    return text;
}

std::optional<double> number(QByteArrayView json, Span value)
{
    if (!value.isValid()
        || (json[value.begin] != '-' && (json[value.begin] < '0' || json[value.begin] > '9')))
        return std::nullopt;
    bool ok = false;
    const double number = value.in(json).toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

bool isTrue(QByteArrayView json, Span value)
{
    return value.isValid() && value.in(json) == "true";
}

bool isNull(QByteArrayView json, Span value)
{
    return value.isValid() && value.in(json) == "null";
}

} // namespace PlainJson
