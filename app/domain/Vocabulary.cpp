#include "Vocabulary.h"

#include <array>
#include <utility>

namespace {

template<typename Enum, std::size_t N> using Names = std::array<std::pair<Enum, QLatin1String>, N>;

const Names<ConsultationState, 3> consultationStates{{
    {ConsultationState::Waiting, QLatin1String("waiting")},
    {ConsultationState::Claimed, QLatin1String("claimed")},
    {ConsultationState::Closed, QLatin1String("closed")},
}};
const Names<MessageKind, 3> messageKinds{{
    {MessageKind::Text, QLatin1String("text")},
    {MessageKind::Voice, QLatin1String("voice")},
    {MessageKind::System, QLatin1String("system")},
}};
const Names<SenderKind, 3> senderKinds{{
    {SenderKind::Representative, QLatin1String("representative")},
    {SenderKind::Responder, QLatin1String("responder")},
    {SenderKind::System, QLatin1String("system")},
}};
const Names<SystemEvent, 4> systemEvents{{
    {SystemEvent::Claimed, QLatin1String("claimed")},
    {SystemEvent::Transferred, QLatin1String("transferred")},
    {SystemEvent::Closed, QLatin1String("closed")},
    {SystemEvent::Rated, QLatin1String("rated")},
}};
const Names<ResponderRole, 2> responderRoles{{
    {ResponderRole::Responder, QLatin1String("responder")},
    {ResponderRole::Lead, QLatin1String("lead")},
}};
const Names<RepresentativeKind, 2> representativeKinds{{
    {RepresentativeKind::Npc, QLatin1String("npc")},
    {RepresentativeKind::Cppcc, QLatin1String("cppcc")},
}};
const Names<ProposalKind, 2> proposalKinds{{
    {ProposalKind::Suggestion, QLatin1String("suggestion")},
    {ProposalKind::Proposal, QLatin1String("proposal")},
}};
const Names<ProposalStatus, 4> proposalStatuses{{
    {ProposalStatus::Registered, QLatin1String("registered")},
    {ProposalStatus::Handling, QLatin1String("handling")},
    {ProposalStatus::Replied, QLatin1String("replied")},
    {ProposalStatus::Concluded, QLatin1String("concluded")},
}};
const Names<ScriptScope, 2> scriptScopes{{
    {ScriptScope::Department, QLatin1String("department")},
    {ScriptScope::Personal, QLatin1String("personal")},
}};
const Names<TranscriptState, 3> transcriptStates{{
    {TranscriptState::Pending, QLatin1String("pending")},
    {TranscriptState::Done, QLatin1String("done")},
    {TranscriptState::Failed, QLatin1String("failed")},
}};

template<typename Enum> const auto &namesOf();
template<> const auto &namesOf<ConsultationState>()
{
    return consultationStates;
}
template<> const auto &namesOf<MessageKind>()
{
    return messageKinds;
}
template<> const auto &namesOf<SenderKind>()
{
    return senderKinds;
}
template<> const auto &namesOf<SystemEvent>()
{
    return systemEvents;
}
template<> const auto &namesOf<ResponderRole>()
{
    return responderRoles;
}
template<> const auto &namesOf<RepresentativeKind>()
{
    return representativeKinds;
}
template<> const auto &namesOf<ProposalKind>()
{
    return proposalKinds;
}
template<> const auto &namesOf<ProposalStatus>()
{
    return proposalStatuses;
}
template<> const auto &namesOf<ScriptScope>()
{
    return scriptScopes;
}
template<> const auto &namesOf<TranscriptState>()
{
    return transcriptStates;
}

} // namespace

template<typename Enum> QString wireName(Enum value)
{
    for (const auto &[candidate, name] : namesOf<Enum>()) {
        if (candidate == value)
            return name;
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum> std::optional<Enum> fromWireName(QStringView name)
{
    for (const auto &[value, candidate] : namesOf<Enum>()) {
        if (name == candidate)
            return value;
    }
    return std::nullopt;
}

#define CONSULT_VOCABULARY(Enum)                                                                   \
    template QString wireName<Enum>(Enum);                                                         \
    template std::optional<Enum> fromWireName<Enum>(QStringView);
CONSULT_VOCABULARY(ConsultationState)
CONSULT_VOCABULARY(MessageKind)
CONSULT_VOCABULARY(SenderKind)
CONSULT_VOCABULARY(SystemEvent)
CONSULT_VOCABULARY(ResponderRole)
CONSULT_VOCABULARY(RepresentativeKind)
CONSULT_VOCABULARY(ProposalKind)
CONSULT_VOCABULARY(ProposalStatus)
CONSULT_VOCABULARY(ScriptScope)
CONSULT_VOCABULARY(TranscriptState)
#undef CONSULT_VOCABULARY
