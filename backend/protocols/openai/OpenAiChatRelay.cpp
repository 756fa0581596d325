// SPDX-License-Identifier: MIT
#include "protocols/openai/OpenAiChatRelay.h"

#include "core/UpstreamJson.h"
#include "upstream/JsonScan.h"
#include "upstream/PlainJson.h"

#include <QByteArrayMatcher>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>

using namespace JsonSpans;

namespace {

// A chunk's own members, which the usage chunk shares with every other one.
bool isEnvelope(QByteArrayView key)
{
    for (const char *name : {"\"id\"", "\"object\"", "\"created\"", "\"model\"", "\"system_fingerprint\"",
             "\"choices\"", "\"usage\""}) {
        if (key == QByteArrayView(name))
            return true;
    }
    return false;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

// The text of a string value. Plain JSON (the reader checks every chunk for it next, and the scan keeps the
// answer) is read as the reader reads it, anything else through a document.
std::optional<QString> decodedString(JsonScan &scan, Span span)
{
    if (scan.isPlain())
        return PlainJson::string(scan.json(), span);
    const QByteArrayView value = span.in(scan.json());
    if (value.isEmpty() || value.front() != '"')
        return std::nullopt;
    const QJsonArray array = parseUpstreamJson("[" + value.toByteArray() + "]").array();
    if (array.size() != 1 || !array.first().isString())
        return std::nullopt;
    return array.first().toString();
}

// Whether `json` is one JSON object. PlainJson's check accepts only such text, and every finish chunk a
// server writes (a document is built only for what it does not accept).
bool isJsonObject(const QByteArray &json)
{
    return JsonScan(json).plainObject().has_value() || parseUpstreamJson(json).isObject();
}

} // namespace

// Replacements and insertions at byte offsets of one chunk, applied in one pass.
class OpenAiChatRelay::Edits
{
public:
    void replace(Span span, QByteArray with)
    {
        m_edits.emplace(span.begin, Edit {span.end, std::move(with)});
    }
    void insert(qsizetype at, QByteArray text) { m_edits.emplace(at, Edit {at, std::move(text)}); }
    bool isEmpty() const { return m_edits.empty(); }

    QByteArray applyTo(QByteArrayView json) const
    {
        QByteArray out;
        out.reserve(json.size() + 64);
        qsizetype at = 0;
        for (const auto &[begin, edit] : m_edits) {
            out.append(json.sliced(at, begin - at)).append(edit.text);
            at = edit.end;
        }
        return out.append(json.sliced(at));
    }

private:
    struct Edit
    {
        qsizetype end;
        QByteArray text;
    };
    std::multimap<qsizetype, Edit> m_edits; // by where they begin; insertions at one place keep their order
};

bool OpenAiChatRelay::mayNeedChanges(const QByteArray &data) const
{
    // Every chunk is searched: with a skip table made once (Boyer-Moore-Horspool), not QByteArray::contains,
    // which spent some 4,000 instructions on a chunk of 200 bytes.
    static const QByteArrayMatcher reasoning("\"reasoning");
    static const QByteArrayMatcher unfinished("\"finish_reason\":null");
    return !m_options.modelPrefix.isEmpty() || (m_options.splitThinkTags && !m_tags.isSettled())
        || reasoning.indexIn(data) >= 0 || (!m_options.clientAskedUsage && unfinished.indexIn(data) < 0);
}

QList<QByteArray> OpenAiChatRelay::feed(const QByteArray &data)
{
    if (QByteArrayView(data).trimmed() == "[DONE]") {
        QList<QByteArray> out = finish();
        out.append(data);
        return out;
    }
    if (!mayNeedChanges(data)) {
        QList<QByteArray> out = release();
        out.append(data);
        return out;
    }
    bool finishing = false;
    bool usageOnly = false;
    QByteArray chunk = edited(data, &finishing, &usageOnly);
    if (usageOnly && !m_options.clientAskedUsage) {
        // Ponder asked for usage, the client did not: the chunk is Ponder's, its other members the client's.
        const QByteArray extras = extrasOfUsageChunk(chunk, JsonScan(chunk).members());
        if (!m_held.isEmpty() && !extras.isEmpty())
            m_held.insert(m_held.lastIndexOf('}'), extras);
        return release();
    }
    QList<QByteArray> out = release();
    // Only a well-formed finish chunk waits for the usage chunk's members: merged into anything else they
    // would go out inside bytes the client cannot read. Parsed once per choice that finishes.
    if (finishing && !m_options.clientAskedUsage && isJsonObject(chunk))
        m_held = chunk;
    else
        out.append(chunk);
    return out;
}

QList<QByteArray> OpenAiChatRelay::finish()
{
    QList<QByteArray> out;
    // Text the tag splitter still held (an answer of nothing but whitespace, or half a tag): it is content.
    QString rest;
    for (const ThinkTagSplitter::Piece &piece : m_tags.flush())
        rest += piece.text;
    if (!rest.isEmpty())
        out.append("{" + m_lastEnvelope + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"
            + jsonString(rest) + "},\"finish_reason\":null}]}");
    out += release();
    return out;
}

QList<QByteArray> OpenAiChatRelay::release()
{
    if (m_held.isEmpty())
        return {};
    return {std::exchange(m_held, {})};
}

QByteArray OpenAiChatRelay::edited(const QByteArray &data, bool *finishing, bool *usageOnly)
{
    // Found through the unit's scan: the generation's reader looks into the same bytes next.
    JsonScan scan(data);
    const QByteArrayView json(data);
    const std::span<const Member> top = scan.members();
    if (top.empty())
        return data; // not an object: not Ponder's to change
    Edits edits;
    m_lastEnvelope.truncate(0); // its buffer kept for the next chunk's
    for (const Member &member : top) {
        const QByteArrayView key = member.key.in(json);
        if (key == "\"id\"" || key == "\"object\"" || key == "\"created\"" || key == "\"model\"")
            m_lastEnvelope.append(json.sliced(member.key.begin, member.value.end - member.key.begin))
                .append(',');
    }
    if (const Member *model = find(top, json, "model");
        model && !m_options.modelPrefix.isEmpty() && json[model->value.begin] == '"')
        edits.insert(model->value.begin + 1, m_options.modelPrefix);
    if (const Member *choices = find(top, json, "choices")) {
        const std::span<const Span> list = scan.elements(choices->value.begin);
        const Member *usage = find(top, json, "usage");
        *usageOnly = list.empty() && usage && json[usage->value.begin] == '{';
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::span<const Member> choice = scan.members(list[i].begin);
            if (const Member *reason = find(choice, json, "finish_reason"))
                *finishing = *finishing || json[reason->value.begin] == '"';
            const Member *delta = find(choice, json, "delta");
            if (!delta)
                delta = find(choice, json, "message");
            if (delta && json[delta->value.begin] == '{')
                editDelta(scan, delta->value, i == 0, edits);
        }
    }
    return edits.isEmpty() ? data : edits.applyTo(json);
}

void OpenAiChatRelay::editDelta(JsonScan &scan, Span delta, bool first, Edits &edits)
{
    const QByteArrayView json = scan.json();
    const std::span<const Member> fields = scan.members(delta.begin);
    const Member *reasoningContent = find(fields, json, "reasoning_content");
    const Member *reasoning = find(fields, json, "reasoning");
    const ReasoningField wanted = m_options.reasoningField;
    if (reasoning && !reasoningContent && wanted == ReasoningField::ReasoningContent)
        edits.replace(reasoning->key, "\"reasoning_content\"");
    else if (reasoningContent && !reasoning && wanted == ReasoningField::Reasoning)
        edits.replace(reasoningContent->key, "\"reasoning\"");
    else if (wanted == ReasoningField::Both && (reasoning != nullptr) != (reasoningContent != nullptr)) {
        const Member *given = reasoning ? reasoning : reasoningContent;
        edits.insert(given->value.end,
            (reasoning ? ",\"reasoning_content\":" : ",\"reasoning\":")
                + given->value.in(json).toByteArray());
    }

    // A <think> block opening the answer: its text goes into the reasoning member the client reads.
    const Member *content = find(fields, json, "content");
    if (!first || !m_options.splitThinkTags || m_tags.isSettled() || !content)
        return;
    const std::optional<QString> text = decodedString(scan, content->value);
    if (!text)
        return;
    QString answer;
    QString thought;
    for (const ThinkTagSplitter::Piece &piece : m_tags.feed(*text))
        (piece.reasoning ? thought : answer) += piece.text;
    if (answer == *text && thought.isEmpty())
        return;
    edits.replace(content->value, jsonString(answer));
    if (thought.isEmpty() || reasoning || reasoningContent)
        return;
    QByteArray members;
    for (const QString &name : reasoningFieldNames(wanted))
        members += ",\"" + name.toLatin1() + "\":" + jsonString(thought);
    edits.insert(content->value.end, members);
}

QByteArray OpenAiChatRelay::extrasOfUsageChunk(QByteArrayView json, std::span<const Member> top) const
{
    QByteArray extras;
    const QList<Member> held = members(m_held);
    for (const Member &member : top) {
        const QByteArrayView key = member.key.in(json);
        if (isEnvelope(key) || find(held, m_held, key.sliced(1, key.size() - 2)))
            continue;
        extras += ',' + json.sliced(member.key.begin, member.value.end - member.key.begin).toByteArray();
    }
    return extras;
}
