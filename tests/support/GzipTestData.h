// SPDX-License-Identifier: MIT
// Gzip bodies for tests of what Ponder does with them: well-formed ones, and bombs.
#pragma once

#include <QByteArray>

QByteArray gzipped(const QByteArray &data);
// `count` zero bytes, compressed as one gzip member without ever holding them all.
QByteArray gzippedZeros(qint64 count);
