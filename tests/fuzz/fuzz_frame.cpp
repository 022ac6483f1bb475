// Feeds arbitrary bytes to everything that reads untrusted input before a client is signed in:
// the JSON frame decoder, the parameter reader on whatever it yields, the voice chunk header,
// and the HTTP request head parser that every TCP connection meets first. Any crash, leak or
// undefined behaviour is a finding.
#include "app/protocol/Frame.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/VoiceChunk.h"
#include "server/http/HttpRequestHead.h"

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
    // A small limit too, so that the size checks are reached from short inputs.
    for (const qsizetype limit : {qsizetype(64), qsizetype(16 * 1024)}) {
        const auto parsed = HttpRequestHead::parse(bytes, limit);
        if (parsed.status == HttpRequestHead::Status::Complete) {
            (void)parsed.head.path();
            (void)parsed.head.isWebSocketUpgrade();
            (void)parsed.head.announcesBody();
        }
    }
    return 0;
}
