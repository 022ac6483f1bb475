// Feeds arbitrary bytes to everything that reads untrusted input in the protocol library:
// the JSON frame decoder, the parameter reader on whatever it yields, and the voice chunk
// header. Any crash, leak or undefined behaviour is a finding.
#include "app/protocol/Frame.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/VoiceChunk.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto frame = decodeFrame(bytes);
    if (frame) {
        ParamReader in(frame->payload);
        in.requireId(QLatin1String("consultationId"));
        in.optionalString(QLatin1String("text"), 4000);
        in.requireIntList(QLatin1String("versions"), 16);
        in.optionalInt(QLatin1String("limit"), 1, 1000, 500);
        (void)encodeResult(frame->id, frame->payload);
    }
    (void)decodeVoiceChunk(bytes);
    return 0;
}
