// SPDX-License-Identifier: MIT
// Reads an OTLP/HTTP protobuf body (ExportTraceServiceRequest) with libprotobuf and Ponder's own .proto
// files. Pure: bytes in, spans out, so tests and the fuzzer drive it directly.
#pragma once

#include "protocols/otlp/OtlpSpan.h"

#include <QByteArrayView>

namespace OtlpProtobufReader {

OtlpReadResult read(QByteArrayView body);

} // namespace OtlpProtobufReader
