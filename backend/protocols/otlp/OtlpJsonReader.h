// SPDX-License-Identifier: MIT
// Reads an OTLP/HTTP JSON body (ExportTraceServiceRequest in the OTLP JSON mapping: lowerCamelCase names,
// trace and span ids as hex, enums as integers, 64-bit integers as decimal strings or numbers). Names in
// the proto's own snake_case and enums by name are read too; unknown members are ignored, as the
// specification asks. Pure: bytes in, spans out.
#pragma once

#include "protocols/otlp/OtlpSpan.h"

#include <QByteArrayView>

namespace OtlpJsonReader {

OtlpReadResult read(QByteArrayView body);

} // namespace OtlpJsonReader
