#pragma once

#include <QString>
#include <QStringView>
#include <optional>

// The closed sets of names the protocol uses (docs/protocol.md, sections 5 and 6), as types.
// Each name is spelled once, in Vocabulary.cpp; everything else compares enums. The cache and
// the server's database store the same wire names, bound as values.

enum class ConsultationState
{
    Waiting, // in its department's queue
    Claimed, // an officer holds it and answers
    Closed,  // answered and archived
};

enum class MessageKind
{
    Text,
    Voice,
    System, // a step of the consultation's path (claimed, transferred, closed, rated)
};

enum class SenderKind
{
    Representative,
    Responder,
    System,
};

// What a system message records (its payload's "event").
enum class SystemEvent
{
    Claimed,
    Transferred,
    Closed,
    Rated,
};

enum class ResponderRole
{
    Responder,
    Lead, // leads the department: may transfer and close any of its open consultations
};

enum class RepresentativeKind
{
    Npc,   // deputy to the people's congress (人大代表)
    Cppcc, // member of the political consultative conference (政协委员)
};

enum class ProposalKind
{
    Suggestion, // 代表建议 (NPC)
    Proposal,   // 政协提案 (CPPCC)
};

// Where a proposal stands in its handling (the 建议提案办理 workflow).
enum class ProposalStatus
{
    Registered, // 已立案: accepted and assigned for handling
    Handling,   // 办理中
    Replied,    // 已答复: the department has answered the representative
    Concluded,  // 已办结: closed, the representative's feedback received
};

// Whose a reply script is (docs/protocol.md section 13).
enum class ScriptScope
{
    Department, // shared by the department; editors change it, everyone uses it
    Personal,   // the responder's own, on every workstation they sign in at
};

// Where the server's transcription of a voice message stands (docs/protocol.md section 14).
enum class TranscriptState
{
    Pending, // queued or running
    Done,    // text (possibly empty of speech: then `failure` says so)
    Failed,  // no text; `failure` says why
};

// The wire name of a value of any of the enums above, and the value a wire name stands for
// (nothing for a name the protocol does not define).
template<typename Enum> QString wireName(Enum value);
template<typename Enum> std::optional<Enum> fromWireName(QStringView name);
