#pragma once

#include <QByteArray>
#include <optional>

// The binary frame that carries part of a voice clip (docs/protocol.md, section 8):
// "VCH1", transfer id (u32 BE), byte offset (u32 BE), then the bytes.
struct VoiceChunk
{
    quint32 transferId = 0;
    quint32 offset = 0;
    QByteArray data;
};

constexpr int voiceChunkHeaderBytes = 12;

QByteArray encodeVoiceChunk(const VoiceChunk &chunk);
// nullopt when the frame is too short or does not start with the magic.
std::optional<VoiceChunk> decodeVoiceChunk(const QByteArray &frame);
