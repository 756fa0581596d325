// SPDX-License-Identifier: MIT
// OTLP/HTTP JSON bodies as agents' exporters send them to POST /v1/traces, read by OtlpJsonReader, plain
// and through GzipDecoder (Content-Encoding: gzip) with a small bound: any bytes give a batch or a refusal
// that says why (OtlpBatchChecks.h); a body's spans written again read back the same; what gzip gives
// never passes its bound, and a failure says why.
#include "OtlpBatchChecks.h"
#include "http/GzipDecoder.h"
#include "protocols/otlp/OtlpJsonReader.h"

namespace {

constexpr qint64 MaxInflatedBytes = 64 * 1024;

void readJson(QByteArrayView body)
{
    const OtlpReadResult result = OtlpJsonReader::read(body);
    checkOtlpResult(result);
    if (result.error != OtlpReadResult::Error::None)
        return;
    const OtlpReadResult again = OtlpJsonReader::read(otlpJsonOf(result.batch.spans));
    FUZZ_CHECK(again.error == OtlpReadResult::Error::None && again.batch.rejectedSpans == 0);
    FUZZ_CHECK(sameOtlpSpans(result.batch.spans, again.batch.spans));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    readJson(input);
    QByteArray inflated;
    QString error;
    const GzipDecoder::Result gzip = GzipDecoder::inflate(input, MaxInflatedBytes, &inflated, &error);
    if (gzip != GzipDecoder::Result::Ok) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(inflated.size() <= MaxInflatedBytes);
    readJson(inflated);
    return 0;
}
