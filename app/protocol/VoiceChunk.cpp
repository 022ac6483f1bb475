#include "VoiceChunk.h"

#include <QtEndian>

namespace {
constexpr char magic[4] = {'V', 'C', 'H', '1'};
}

QByteArray encodeVoiceChunk(const VoiceChunk &chunk)
{
    QByteArray frame(voiceChunkHeaderBytes, '\0');
    memcpy(frame.data(), magic, sizeof magic);
    qToBigEndian(chunk.transferId, frame.data() + 4);
    qToBigEndian(chunk.offset, frame.data() + 8);
    frame.append(chunk.data);
    return frame;
}

std::optional<VoiceChunk> decodeVoiceChunk(const QByteArray &frame)
{
    if (frame.size() <= voiceChunkHeaderBytes || memcmp(frame.constData(), magic, sizeof magic))
        return std::nullopt;
    VoiceChunk chunk;
    chunk.transferId = qFromBigEndian<quint32>(frame.constData() + 4);
    chunk.offset = qFromBigEndian<quint32>(frame.constData() + 8);
    chunk.data = frame.mid(voiceChunkHeaderBytes);
    return chunk;
}
