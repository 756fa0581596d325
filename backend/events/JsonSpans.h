// SPDX-License-Identifier: MIT
// Finds an object's members and an array's elements in JSON text by byte offset, without building the
// document: what a relay needs to change one member of an upstream's chunk and pass every other byte on
// as it came. Work is linear in the bytes of the value looked into; nested values are skipped, not read.
//
// It expects valid JSON (an upstream's chunk): on anything else it finds nothing, never reads past the
// end. Keys are compared as written, so an escaped key ("re\u0061soning") does not match its plain name.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <span>

namespace JsonSpans {

struct Span
{
    qsizetype begin = -1;
    qsizetype end = -1; // one past the last byte

    bool isValid() const { return begin >= 0; }
    QByteArrayView in(QByteArrayView json) const { return json.sliced(begin, end - begin); }
};

struct Member
{
    Span key; // with its quotes
    Span value;
};

// The first byte at or after `at` that is not JSON whitespace (json.size() if none).
qsizetype skipSpace(QByteArrayView json, qsizetype at);
// One past the end of the value that starts at `at` (after any whitespace), or -1 if there is none.
qsizetype valueEnd(QByteArrayView json, qsizetype at);
// The members of the object whose value starts at `at`; empty if it is not a well-formed object.
QList<Member> members(QByteArrayView json, qsizetype at = 0);
// The elements of the array whose value starts at `at`; empty if it is not a well-formed array.
QList<Span> elements(QByteArrayView json, qsizetype at = 0);
// The member named `key` among `list`, or none.
const Member *find(std::span<const Member> list, QByteArrayView json, QByteArrayView key);

} // namespace JsonSpans
