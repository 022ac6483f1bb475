#pragma once

#include "app/core/Expected.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>

// Opaque libopusenc handles; the C header stays out of our public interface.
struct OggOpusEnc;
struct OggOpusComments;

// Encodes mono 16-bit PCM into a complete Ogg Opus file held in memory.
//
// Voice messages are small and go straight into a request body or a database row, so the
// encoder writes through libopusenc's callbacks into a QByteArray instead of a temp file.
// Settings: mono, OPUS_APPLICATION_VOIP, 20 ms frames. The input sample rate is free;
// libopusenc resamples to Opus' native 48 kHz.
//
// Usage: construct, check isValid(), call write() any number of times, then finish() once.
class OggOpusEncoder
{
public:
    // 24 kbit/s: at this rate Opus already codes speech at super-wideband bandwidth and full
    // intelligibility, so more bits buy little for a voice message, while a minute stays
    // around 180 KB (24000 / 8 * 60 bytes) - small enough for mobile uploads and for keeping
    // every message of a consultation.
    static constexpr int DefaultBitrateBps = 24000;
    static constexpr int DefaultSampleRate = 48000;

    explicit OggOpusEncoder(int inputSampleRate = DefaultSampleRate,
                            int bitrateBps = DefaultBitrateBps);
    ~OggOpusEncoder();

    // Movable but not copyable: libopusenc owns per-stream state that cannot be duplicated.
    OggOpusEncoder(OggOpusEncoder &&other) noexcept;
    OggOpusEncoder &operator=(OggOpusEncoder &&other) noexcept;
    OggOpusEncoder(const OggOpusEncoder &) = delete;
    OggOpusEncoder &operator=(const OggOpusEncoder &) = delete;

    bool isValid() const;

    // Appends `count` mono samples at the input sample rate. Returns false (and sets
    // errorString()) if the encoder is invalid, already finished, or libopusenc fails.
    bool write(const qint16 *samples, int count);

    // Flushes the final frames and returns the whole Ogg Opus file. The encoder cannot be
    // written to afterwards.
    Expected<QByteArray, QString> finish();

    QString errorString() const;

private:
    struct EncoderDeleter
    {
        void operator()(OggOpusEnc *encoder) const;
    };
    struct CommentsDeleter
    {
        void operator()(OggOpusComments *comments) const;
    };

    // Output buffer handed to libopusenc as callback user data. Heap-allocated so its address
    // survives moves of the encoder object.
    struct Sink;

    bool create(int inputSampleRate);
    bool configure(int bitrateBps);
    bool ensureWritable();
    bool fail(const QString &message);

    // Declared before m_sink so a move assignment releases the old encoder while the sink it
    // points to is still alive.
    std::unique_ptr<OggOpusEnc, EncoderDeleter> m_encoder;
    std::unique_ptr<OggOpusComments, CommentsDeleter> m_comments;
    std::unique_ptr<Sink> m_sink;
    QString m_error;
    bool m_finished = false;
};

// One-shot convenience for a clip that is already fully in memory.
Expected<QByteArray, QString> encodeOggOpus(const QVector<qint16> &mono, int sampleRate,
                                            int bitrateBps = OggOpusEncoder::DefaultBitrateBps);
