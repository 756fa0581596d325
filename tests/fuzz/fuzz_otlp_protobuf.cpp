// SPDX-License-Identifier: MIT
// OTLP/HTTP protobuf bodies (ExportTraceServiceRequest) as agents' exporters send them to POST /v1/traces,
// read by OtlpProtobufReader: any bytes give a batch or a refusal that says why (OtlpBatchChecks.h), and
// the spans of a batch, written again in the JSON mapping, read back the same through OtlpJsonReader, so
// the two readers agree on ids, names, times, status and string attributes.
#include "OtlpBatchChecks.h"
#include "protocols/otlp/OtlpJsonReader.h"
#include "protocols/otlp/OtlpProtobufReader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const OtlpReadResult result = OtlpProtobufReader::read(input);
    checkOtlpResult(result);
    if (result.error != OtlpReadResult::Error::None)
        return 0;
    const OtlpReadResult again = OtlpJsonReader::read(otlpJsonOf(result.batch.spans));
    FUZZ_CHECK(again.error == OtlpReadResult::Error::None);
    FUZZ_CHECK(again.batch.rejectedSpans == 0);
    FUZZ_CHECK(sameOtlpSpans(result.batch.spans, again.batch.spans));
    return 0;
}
