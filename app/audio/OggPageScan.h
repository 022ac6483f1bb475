#pragma once

#include <QByteArray>

// Structural check of an Ogg container (RFC 3533), independent of the codec inside.
//
// opusfile is deliberately forgiving: it skips pages whose CRC fails and stops quietly at a
// partial final page, so a damaged or cut-off upload would decode "successfully", only shorter.
// A server storing clips wants to reject those, so we walk the pages ourselves first.
enum class OggPageScan
{
    Complete,  // contiguous pages with valid CRCs, the last one flagged end-of-stream
    Truncated, // ends inside a page, or the last page is not flagged end-of-stream
    Corrupt,   // a page fails its CRC, or bytes between pages are not a page
};

// Expects `bytes` to start with a page; no resynchronisation after garbage is attempted.
OggPageScan scanOggPages(const QByteArray &bytes);
