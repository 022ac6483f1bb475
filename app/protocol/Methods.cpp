#include "Methods.h"

QStringList Method::all()
{
    return {Hello,
            Ping,
            Login,
            RepLogin,
            Resume,
            Logout,
            SyncPull,
            ConsultationCreate,
            ConsultationClaim,
            ConsultationTransfer,
            ConsultationClose,
            ConsultationRate,
            MessageSend,
            MessagesHistory,
            VoiceBegin,
            VoiceCommit,
            VoiceFetch,
            ScriptsSave,
            ScriptsDelete,
            TranscriptCorrect,
            RepliesDiscarded,
            StatsDashboard,
            StatsTargets};
}

QStringList Event::all()
{
    return {ConsultationCreated, ConsultationUpdated, ConsultationRemoved, MessageCreated,
            SessionRevoked,      ScriptChanged,       TranscriptUpdated};
}

QStringList Stream::all()
{
    return {Departments,   Responders, Representatives, Proposals,
            Consultations, Messages,   Scripts,         Transcripts};
}

std::optional<Stream::Kind> Stream::kind(QStringView name)
{
    static const QList<QPair<QLatin1String, Kind>> kinds{{Departments, Kind::Departments},
                                                         {Responders, Kind::Responders},
                                                         {Representatives, Kind::Representatives},
                                                         {Proposals, Kind::Proposals},
                                                         {Consultations, Kind::Consultations},
                                                         {Messages, Kind::Messages},
                                                         {Scripts, Kind::Scripts},
                                                         {Transcripts, Kind::Transcripts}};
    for (const auto &[text, kind] : kinds) {
        if (name == text)
            return kind;
    }
    return std::nullopt;
}

QStringList Feature::all()
{
    return {Transcripts, Statistics};
}
