// SPDX-License-Identifier: MIT
#include "upstream/JsonScan.h"

#include "upstream/PlainJson.h"

namespace {

// The innermost Shared scan on this thread.
thread_local JsonScan::Shared *innermost = nullptr;

} // namespace

JsonScan::Shared::Shared(const QByteArray &json)
    : m_found(json)
    , m_outer(innermost)
{
    innermost = this;
}

JsonScan::Shared::~Shared()
{
    Q_ASSERT(innermost == this);
    innermost = m_outer;
}

JsonScan::JsonScan(const QByteArray &json)
{
    // The same bytes, not merely equal ones: the unit the Shared scan was made for, passed on by reference.
    for (Shared *shared = innermost; shared; shared = shared->m_outer) {
        if (shared->m_found.json.data() == json.constData() && shared->m_found.json.size() == json.size()) {
            m_found = &shared->m_found;
            return;
        }
    }
    m_found = &m_own.emplace(json);
}

bool JsonScan::isPlain()
{
    if (!m_found->plainSpan)
        m_found->plainSpan = PlainJson::objectSpan(m_found->json);
    return m_found->plainSpan->has_value();
}

std::optional<QList<JsonSpans::Member>> JsonScan::plainObject()
{
    if (!isPlain())
        return std::nullopt;
    return plainMembers(**m_found->plainSpan);
}

std::optional<QList<JsonSpans::Member>> JsonScan::plainMembers(JsonSpans::Span value)
{
    if (!value.isValid() || m_found->json[value.begin] != '{')
        return std::nullopt;
    QList<JsonSpans::Member> list = members(value.begin);
    if (!PlainJson::plainKeys(list, m_found->json))
        return std::nullopt;
    return list;
}

QList<JsonSpans::Member> JsonScan::members(qsizetype at)
{
    at = JsonSpans::skipSpace(m_found->json, at);
    for (const auto &[begin, list] : m_found->members) {
        if (begin == at)
            return list;
    }
    QList<JsonSpans::Member> list = JsonSpans::members(m_found->json, at);
    m_found->members.append({at, list});
    return list;
}

QList<JsonSpans::Span> JsonScan::elements(qsizetype at)
{
    at = JsonSpans::skipSpace(m_found->json, at);
    for (const auto &[begin, list] : m_found->elements) {
        if (begin == at)
            return list;
    }
    QList<JsonSpans::Span> list = JsonSpans::elements(m_found->json, at);
    m_found->elements.append({at, list});
    return list;
}
