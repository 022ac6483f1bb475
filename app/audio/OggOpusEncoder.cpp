#include "OggOpusEncoder.h"

#include <opusenc.h>

#include <algorithm>
#include <new>

namespace {

// Opus accepts 500..512000 bit/s; anything outside is a caller bug we report, not clamp.
constexpr int MinBitrateBps = 500;
constexpr int MaxBitrateBps = 512000;

QString opeErrorString(const char *what, int code)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(ope_strerror(code)));
}

} // namespace

struct OggOpusEncoder::Sink
{
    QByteArray bytes;
    bool failed = false;

    // libopusenc calls this with every finished Ogg page. It is C code, so no exception may
    // escape; a failed allocation is recorded and reported by finish() instead.
    static int writePage(void *userData, const unsigned char *data, opus_int32 length)
    {
        auto *sink = static_cast<Sink *>(userData);
        try {
            sink->bytes.append(reinterpret_cast<const char *>(data), length);
        } catch (const std::bad_alloc &) {
            sink->failed = true;
            return 1;
        }
        return 0;
    }

    // The buffer outlives the encoder, so there is nothing to close.
    static int closeStream(void *) { return 0; }
};

void OggOpusEncoder::EncoderDeleter::operator()(OggOpusEnc *encoder) const
{
    ope_encoder_destroy(encoder);
}

void OggOpusEncoder::CommentsDeleter::operator()(OggOpusComments *comments) const
{
    ope_comments_destroy(comments);
}

OggOpusEncoder::OggOpusEncoder(int inputSampleRate, int bitrateBps)
    : m_sink(std::make_unique<Sink>())
{
    if (create(inputSampleRate) && !configure(bitrateBps))
        m_encoder.reset();
}

OggOpusEncoder::~OggOpusEncoder()
{
    // The encoder may still reference the comments and the sink, so it goes first.
    m_encoder.reset();
}

OggOpusEncoder::OggOpusEncoder(OggOpusEncoder &&other) noexcept = default;
OggOpusEncoder &OggOpusEncoder::operator=(OggOpusEncoder &&other) noexcept = default;

bool OggOpusEncoder::create(int inputSampleRate)
{
    if (inputSampleRate <= 0)
        return fail(QStringLiteral("invalid input sample rate %1").arg(inputSampleRate));

    m_comments.reset(ope_comments_create());
    if (!m_comments)
        return fail(QStringLiteral("cannot allocate Opus comments"));

    static const OpusEncCallbacks callbacks = {&Sink::writePage, &Sink::closeStream};
    int error = OPE_OK;
    // Family 0 is the plain mono/stereo mapping every Opus decoder supports.
    m_encoder.reset(ope_encoder_create_callbacks(&callbacks, m_sink.get(), m_comments.get(),
                                                 inputSampleRate, 1, 0, &error));
    if (!m_encoder || error != OPE_OK) {
        m_encoder.reset();
        return fail(opeErrorString("cannot create Opus encoder", error));
    }
    return true;
}

bool OggOpusEncoder::configure(int bitrateBps)
{
    if (bitrateBps < MinBitrateBps || bitrateBps > MaxBitrateBps)
        return fail(QStringLiteral("invalid bitrate %1 bit/s").arg(bitrateBps));

    // VOIP mode enables Opus' speech-oriented processing (it favours intelligibility over
    // waveform fidelity), which is what a voice message wants.
    int result = ope_encoder_ctl(m_encoder.get(), OPUS_SET_APPLICATION(OPUS_APPLICATION_VOIP));
    if (result != OPE_OK)
        return fail(opeErrorString("cannot select VOIP mode", result));

    result = ope_encoder_ctl(m_encoder.get(), OPUS_SET_BITRATE(bitrateBps));
    if (result != OPE_OK)
        return fail(opeErrorString("cannot set bitrate", result));

    // 20 ms is Opus' sweet spot for speech: longer frames save little, shorter ones cost bits.
    result = ope_encoder_ctl(m_encoder.get(), OPUS_SET_EXPERT_FRAME_DURATION(OPUS_FRAMESIZE_20_MS));
    if (result != OPE_OK)
        return fail(opeErrorString("cannot set frame duration", result));
    return true;
}

bool OggOpusEncoder::isValid() const
{
    return m_encoder != nullptr && !m_finished;
}

bool OggOpusEncoder::write(const qint16 *samples, int count)
{
    if (!ensureWritable())
        return false;
    if (count < 0 || (count > 0 && samples == nullptr))
        return fail(QStringLiteral("invalid sample buffer"));
    if (count == 0)
        return true;

    const int result = ope_encoder_write(m_encoder.get(), samples, count);
    if (result != OPE_OK)
        return fail(opeErrorString("encoding failed", result));
    if (m_sink->failed)
        return fail(QStringLiteral("out of memory while encoding"));
    return true;
}

Expected<QByteArray, QString> OggOpusEncoder::finish()
{
    if (!ensureWritable())
        return m_error;
    m_finished = true;

    // libopusenc 0.2.1 trips an assertion when draining a stream nothing was written to; an
    // empty write initialises the stream's end position and makes an empty clip valid.
    const qint16 none = 0;
    int result = ope_encoder_write(m_encoder.get(), &none, 0);
    if (result == OPE_OK)
        result = ope_encoder_drain(m_encoder.get());
    m_encoder.reset();
    if (result != OPE_OK) {
        fail(opeErrorString("cannot finish Opus stream", result));
        return m_error;
    }
    if (m_sink->failed) {
        fail(QStringLiteral("out of memory while encoding"));
        return m_error;
    }
    return std::move(m_sink->bytes);
}

QString OggOpusEncoder::errorString() const
{
    return m_error;
}

bool OggOpusEncoder::ensureWritable()
{
    if (m_finished)
        return fail(QStringLiteral("encoder already finished"));
    // Keep the reason the constructor recorded; it is more useful than a generic message.
    if (!m_encoder && m_error.isEmpty())
        return fail(QStringLiteral("encoder is not valid"));
    return m_encoder != nullptr;
}

bool OggOpusEncoder::fail(const QString &message)
{
    m_error = message;
    return false;
}

Expected<QByteArray, QString> encodeOggOpus(const QVector<qint16> &mono, int sampleRate,
                                            int bitrateBps)
{
    OggOpusEncoder encoder(sampleRate, bitrateBps);
    if (!encoder.isValid())
        return encoder.errorString();

    // ope_encoder_write takes an int count, so feed long clips in slices.
    constexpr qsizetype SliceSamples = 1 << 16;
    for (qsizetype offset = 0; offset < mono.size(); offset += SliceSamples) {
        const auto slice = static_cast<int>(std::min(SliceSamples, mono.size() - offset));
        if (!encoder.write(mono.constData() + offset, slice))
            return encoder.errorString();
    }
    return encoder.finish();
}
