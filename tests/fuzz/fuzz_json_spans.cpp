// SPDX-License-Identifier: MIT
// JsonSpans, which finds members and elements in an upstream's chunk by byte offset: never past the end,
// spans in order and inside the value; on a JSON object Qt reads, the same members with the same values.
#include "FuzzSupport.h"
#include "events/JsonSpans.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<JsonSpans::Member> members = JsonSpans::members(input);
    qsizetype after = 0;
    for (const JsonSpans::Member &member : members) {
        FUZZ_CHECK(member.key.begin >= after && member.key.end <= member.value.begin);
        FUZZ_CHECK(member.value.begin < member.value.end && member.value.end <= input.size());
        after = member.value.end;
    }
    for (const JsonSpans::Span &element : JsonSpans::elements(input))
        FUZZ_CHECK(element.begin >= 0 && element.begin < element.end && element.end <= input.size());

    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (!document.isObject() || input.contains('\\'))
        return 0; // escaped keys are compared as written: not what Qt's decoded keys say
    const QJsonObject object = document.object();
    FUZZ_CHECK(members.size() >= object.size()); // a key written twice is one member to Qt
    for (const JsonSpans::Member &member : members) {
        const QByteArrayView key = member.key.in(input);
        const QString name = QString::fromUtf8(key.sliced(1, key.size() - 2));
        const QJsonDocument value = QJsonDocument::fromJson("[" + member.value.in(input).toByteArray() + "]");
        FUZZ_CHECK(value.isArray() && value.array().size() == 1);
        if (JsonSpans::find(members, input, key.sliced(1, key.size() - 2)) == &member)
            FUZZ_CHECK(object.contains(name));
    }
    return 0;
}
