#include "TranscriptCorrections.h"

#include "SessionLog.h"
#include "app/domain/VoiceTranscript.h"
#include "app/protocol/Methods.h"
#include "app/sync/ProtocolClient.h"

#include <QPointer>
#include <QUuid>

TranscriptCorrections::TranscriptCorrections(ProtocolClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void TranscriptCorrections::correct(qint64 messageId, int baseRevision,
                                    const QString &baseCorrection, const QString &text, Done done)
{
    if (!m_client.isOpen()) {
        done(Outcome::Offline, {}, 0);
        return;
    }
    send(messageId, baseRevision, baseCorrection, text.trimmed(),
         QUuid::createUuid().toString(QUuid::WithoutBraces), false, std::move(done));
}

void TranscriptCorrections::send(qint64 messageId, int baseRevision, const QString &baseCorrection,
                                 const QString &text, const QString &editId, bool retried,
                                 Done done)
{
    const QJsonObject params{{QStringLiteral("messageId"), messageId},
                             {QStringLiteral("baseRevision"), baseRevision},
                             {QStringLiteral("text"), text},
                             {QStringLiteral("editId"), editId}};
    m_client.request(
        Method::TranscriptCorrect, params,
        [this, self = QPointer<TranscriptCorrections>(this), messageId, baseCorrection, text,
         editId, retried, done = std::move(done)](const Frame &reply) {
            if (!self)
                return;
            if (reply.type == Frame::Type::Result)
                return done(Outcome::Saved, {}, 0);
            if (reply.errorCode == ErrorCode::Conflict) {
                const auto current = VoiceTranscript::fromJson(
                    reply.payload.value(QLatin1String("transcript")).toObject());
                // Only the engine's result came in between: the officer's correction still
                // applies to what they were looking at.
                if (!retried && current && current->correctedText == baseCorrection)
                    return send(messageId, current->revision, baseCorrection, text, editId, true,
                                done);
                return done(Outcome::ColleagueFirst, current ? current->correctedText : QString(),
                            current ? current->revision : 0);
            }
            if (!m_client.isOpen()) // lost on the way: whether it arrived, the event will tell
                return done(Outcome::Offline, {}, 0);
            qCWarning(lcSession) << "correction of message" << messageId
                                 << "refused:" << reply.errorMessage;
            done(Outcome::Refused, reply.errorMessage, 0);
        });
}
