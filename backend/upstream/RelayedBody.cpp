// SPDX-License-Identifier: MIT
#include "upstream/RelayedBody.h"

#include "events/JsonSpans.h"

#include <QJsonDocument>
#include <QSet>

namespace RelayedBody {

namespace {

QJsonObject withSet(QJsonObject body, const QJsonObject &set)
{
    for (auto it = set.begin(); it != set.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

QByteArray writtenWhole(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray write(const ChatRequest &request, const QJsonObject &set)
{
    QJsonObject written = withSet(request.body, set); // less the members copied, as they are
    const QByteArrayView text(request.clientText);
    if (text.size() < MinCopiedBytes)
        return writtenWhole(written);
    const QList<JsonSpans::Member> members = JsonSpans::members(text);

    QByteArray out("{");
    out.reserve(text.size() + 256);
    QSet<QByteArrayView> keys;
    for (const JsonSpans::Member &member : members) {
        const QByteArrayView key = member.key.in(text).sliced(1, member.key.end - member.key.begin - 2);
        // A key twice, or one with escapes (which may name another key once decoded): which member the
        // parser kept is not known here, so nothing is copied.
        if (keys.contains(key) || key.contains('\\'))
            return writtenWhole(withSet(request.body, set));
        keys.insert(key);
        if (member.value.end - member.value.begin < MinCopiedBytes)
            continue;
        const QString name = QString::fromUtf8(key);
        if (set.contains(name) || request.rewritten.contains(name) || !request.body.contains(name))
            continue;
        out += text.sliced(member.key.begin, member.value.end - member.key.begin);
        out += ',';
        written.remove(name);
    }
    const QByteArray rest = writtenWhole(written); // "{...}"
    if (rest.size() > 2)
        out += QByteArrayView(rest).sliced(1, rest.size() - 2);
    else if (out.size() > 1)
        out.chop(1); // no member written after the copied ones: the last copied one ends the object
    out += '}';
    return out;
}

} // namespace RelayedBody
