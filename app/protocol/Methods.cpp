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
            ScriptsDelete};
}

QStringList Event::all()
{
    return {ConsultationCreated, ConsultationUpdated, ConsultationRemoved,
            MessageCreated,      SessionRevoked,      ScriptChanged};
}

QStringList Stream::all()
{
    return {Departments, Responders, Representatives, Proposals, Consultations, Messages, Scripts};
}
