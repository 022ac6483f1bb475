#include "OggPageScan.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace {

// Page header layout: "OggS", version, header type, granule (8), serial (4), sequence (4),
// CRC (4), segment count, then one lacing byte per segment.
constexpr qsizetype HeaderBytes = 27;
constexpr qsizetype HeaderTypeOffset = 5;
constexpr qsizetype CrcOffset = 22;
constexpr qsizetype SegmentCountOffset = 26;
constexpr quint8 EosFlag = 0x04;
constexpr char CapturePattern[] = {'O', 'g', 'g', 'S'};

// Ogg's CRC-32: polynomial 0x04c11db7, MSB first, zero initial value, no final inversion
// (not the zlib CRC, so no library function to borrow).
constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 remainder = i << 24;
        for (int bit = 0; bit < 8; ++bit)
            remainder = (remainder & 0x80000000u) ? (remainder << 1) ^ 0x04c11db7u : remainder << 1;
        table[i] = remainder;
    }
    return table;
}

constexpr std::array<quint32, 256> CrcTable = makeCrcTable();

// The CRC covers the whole page with its own CRC field read as zero.
quint32 pageCrc(const quint8 *page, qsizetype length)
{
    quint32 crc = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const bool inCrcField = i >= CrcOffset && i < CrcOffset + 4;
        const quint8 byte = inCrcField ? 0 : page[i];
        crc = (crc << 8) ^ CrcTable[((crc >> 24) ^ byte) & 0xff];
    }
    return crc;
}

quint32 storedCrc(const quint8 *page)
{
    const quint8 *p = page + CrcOffset;
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

struct Page
{
    OggPageScan status = OggPageScan::Complete;
    qsizetype length = 0;
    bool endOfStream = false;
};

// Reads the page starting at `data` with `available` bytes left in the buffer.
Page readPage(const quint8 *data, qsizetype available)
{
    const qsizetype patternBytes = std::min<qsizetype>(available, sizeof(CapturePattern));
    if (std::memcmp(data, CapturePattern, size_t(patternBytes)) != 0)
        return {OggPageScan::Corrupt};
    if (available < HeaderBytes)
        return {OggPageScan::Truncated};
    if (data[4] != 0) // stream structure version; 0 is the only one defined
        return {OggPageScan::Corrupt};

    const int segments = data[SegmentCountOffset];
    if (available < HeaderBytes + segments)
        return {OggPageScan::Truncated};
    qsizetype length = HeaderBytes + segments;
    for (int i = 0; i < segments; ++i)
        length += data[HeaderBytes + i];
    if (available < length)
        return {OggPageScan::Truncated};

    if (pageCrc(data, length) != storedCrc(data))
        return {OggPageScan::Corrupt};
    return {OggPageScan::Complete, length, (data[HeaderTypeOffset] & EosFlag) != 0};
}

} // namespace

OggPageScan scanOggPages(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const quint8 *>(bytes.constData());
    const qsizetype size = bytes.size();
    bool lastWasEndOfStream = false;
    for (qsizetype pos = 0; pos < size;) {
        const Page page = readPage(data + pos, size - pos);
        if (page.status != OggPageScan::Complete)
            return page.status;
        lastWasEndOfStream = page.endOfStream;
        pos += page.length;
    }
    return lastWasEndOfStream ? OggPageScan::Complete : OggPageScan::Truncated;
}
