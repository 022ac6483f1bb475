#pragma once

#include <QJsonArray>

// One page of a sync stream (docs/protocol.md, section 7).
struct SyncPage
{
    QJsonArray items;
    QJsonArray removed;
    qint64 lastSeq = 0; // the cursor to hand out: the last seq this page covers
    bool more = false;
};
