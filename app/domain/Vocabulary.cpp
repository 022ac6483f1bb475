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

const Names<ScriptScope, 2> scriptScopes{{
    {ScriptScope::Department, QLatin1String("department")},
    {ScriptScope::Personal, QLatin1String("personal")},
}};

template<typename Enum, std::size_t N> QString nameIn(const Names<Enum, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return name;
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueIn(const Names<Enum, N> &names, QStringView name)
{
    for (const auto &[value, candidate] : names) {
        if (name == candidate)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString wireName(ConsultationState value)
{
    return nameIn(consultationStates, value);
}
QString wireName(MessageKind value)
{
    return nameIn(messageKinds, value);
}
QString wireName(SenderKind value)
{
    return nameIn(senderKinds, value);
}
QString wireName(SystemEvent value)
{
    return nameIn(systemEvents, value);
}
QString wireName(ResponderRole value)
{
    return nameIn(responderRoles, value);
}
QString wireName(RepresentativeKind value)
{
    return nameIn(representativeKinds, value);
}
QString wireName(ProposalKind value)
{
    return nameIn(proposalKinds, value);
}

QString wireName(ScriptScope value)
{
    return nameIn(scriptScopes, value);
}

template<> std::optional<ConsultationState> fromWireName(QStringView name)
{
    return valueIn(consultationStates, name);
}
template<> std::optional<MessageKind> fromWireName(QStringView name)
{
    return valueIn(messageKinds, name);
}
template<> std::optional<SenderKind> fromWireName(QStringView name)
{
    return valueIn(senderKinds, name);
}
template<> std::optional<SystemEvent> fromWireName(QStringView name)
{
    return valueIn(systemEvents, name);
}
template<> std::optional<ResponderRole> fromWireName(QStringView name)
{
    return valueIn(responderRoles, name);
}
template<> std::optional<RepresentativeKind> fromWireName(QStringView name)
{
    return valueIn(representativeKinds, name);
}
template<> std::optional<ProposalKind> fromWireName(QStringView name)
{
    return valueIn(proposalKinds, name);
}
template<> std::optional<ScriptScope> fromWireName(QStringView name)
{
    return valueIn(scriptScopes, name);
}
