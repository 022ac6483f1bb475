#pragma once

#include <QJsonValue>

// The protocol's conventions for optional numbers: an absent id or time is null on the wire
// and 0 in a record.
inline QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue();
}

inline qint64 idOf(const QJsonValue &value)
{
    return value.isDouble() ? value.toInteger() : 0;
}
