#pragma once

#include "TestClient.h"
#include "app/protocol/Methods.h"
#include "app/protocol/VoiceChunk.h"

#include <QUuid>

// A voice message sent as a phone sends it: voice.begin, the bytes, voice.commit; no
// waveform. The new message's id.
inline qint64 uploadVoice(TestClient &rep, qint64 consultationId, const QByteArray &clip,
                          qint64 durationMs)
{
    const QJsonObject begun =
        rep.ok(Method::VoiceBegin,
               {{QStringLiteral("consultationId"), consultationId},
                {QStringLiteral("clientMsgId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("bytes"), clip.size()},
                {QStringLiteral("durationMs"), durationMs}});
    const auto transferId = quint32(begun.value(QLatin1String("transferId")).toInteger());
    rep.sendBinary(encodeVoiceChunk({transferId, 0, clip}));
    return rep.ok(Method::VoiceCommit, {{QStringLiteral("transferId"), qint64(transferId)}})
        .value(QLatin1String("message"))
        .toObject()
        .value(QLatin1String("id"))
        .toInteger();
}
