#include "SpeechPcm.h"

#include <soxr.h>

QByteArray resampledPcm(const QVector<qint16> &samples, int fromRate, int toRate)
{
    if (fromRate == toRate || samples.isEmpty())
        return QByteArray(reinterpret_cast<const char *>(samples.constData()),
                          samples.size() * qsizetype(sizeof(qint16)));
    const size_t wanted =
        size_t(double(samples.size()) * toRate / fromRate) + 16; // soxr's rounding, with room
    QByteArray out(qsizetype(wanted * sizeof(qint16)), Qt::Uninitialized);
    const soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    size_t written = 0;
    const soxr_error_t error =
        soxr_oneshot(fromRate, toRate, 1, samples.constData(), size_t(samples.size()), nullptr,
                     out.data(), wanted, &written, &io, &quality, nullptr);
    if (error)
        return {};
    out.truncate(qsizetype(written * sizeof(qint16)));
    return out;
}

Expected<QByteArray, AudioError> speechPcm(const QByteArray &oggOpus, int sampleRate,
                                           qint64 maxDurationMs)
{
    auto decoded = decodeOggOpus(oggOpus, maxDurationMs);
    if (!decoded)
        return decoded.error();
    return resampledPcm(decoded->samples, decoded->sampleRate, sampleRate);
}
