// SPDX-License-Identifier: MIT
#include "upstream/JsonScan.h"

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
    if (!m_found->plain) {
        const std::optional<JsonSpans::Span> object = PlainJson::objectSpan(m_found->json, &m_found->index);
        m_found->plain = object.has_value();
        if (object) {
            m_found->objectBegin = object->begin;
            m_found->objectEnd = object->end;
        } else {
            m_found->index = {}; // what a walk that failed half-way found is not to be used
        }
    }
    return *m_found->plain;
}

std::optional<std::span<const JsonSpans::Member>> JsonScan::plainObject()
{
    if (!isPlain())
        return std::nullopt;
    return plainMembers({m_found->objectBegin, m_found->objectEnd});
}

std::optional<std::span<const JsonSpans::Member>> JsonScan::plainMembers(JsonSpans::Span value)
{
    if (!value.isValid() || m_found->json[value.begin] != '{')
        return std::nullopt;
    const std::span<const JsonSpans::Member> list = members(value.begin);
    if (!PlainJson::plainKeys(list, m_found->json))
        return std::nullopt;
    return list;
}

const PlainJson::Index::Container *JsonScan::container(qsizetype at, char open)
{
    at = JsonSpans::skipSpace(m_found->json, at);
    if (at >= m_found->json.size() || m_found->json[at] != open)
        return nullptr;
    for (const PlainJson::Index::Container &container : m_found->index.containers) {
        if (container.begin == at)
            return &container;
    }
    return nullptr;
}

std::span<const JsonSpans::Member> JsonScan::members(qsizetype at)
{
    if (isPlain()) {
        const PlainJson::Index::Container *found = container(at, '{');
        return found ? std::span(m_found->index.members.constData() + found->first, size_t(found->count))
                     : std::span<const JsonSpans::Member>();
    }
    at = JsonSpans::skipSpace(m_found->json, at);
    for (const auto &[begin, list] : m_found->members) {
        if (begin == at)
            return list;
    }
    m_found->members.append({at, JsonSpans::members(m_found->json, at)});
    return m_found->members.constLast().second;
}

std::span<const JsonSpans::Span> JsonScan::elements(qsizetype at)
{
    if (isPlain()) {
        const PlainJson::Index::Container *found = container(at, '[');
        return found ? std::span(m_found->index.elements.constData() + found->first, size_t(found->count))
                     : std::span<const JsonSpans::Span>();
    }
    at = JsonSpans::skipSpace(m_found->json, at);
    for (const auto &[begin, list] : m_found->elements) {
        if (begin == at)
            return list;
    }
    m_found->elements.append({at, JsonSpans::elements(m_found->json, at)});
    return m_found->elements.constLast().second;
}
