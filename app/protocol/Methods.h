#pragma once

#include <QLatin1String>
#include <QStringList>

#include <optional>

// Method, event and stream names of protocol v1 (docs/protocol.md).
namespace Method {
constexpr QLatin1String Hello("hello");
constexpr QLatin1String Ping("ping");
constexpr QLatin1String Login("auth.login");
constexpr QLatin1String RepLogin("auth.repLogin");
constexpr QLatin1String Resume("auth.resume");
constexpr QLatin1String Logout("auth.logout");
constexpr QLatin1String SyncPull("sync.pull");
constexpr QLatin1String ConsultationCreate("consultation.create");
constexpr QLatin1String ConsultationClaim("consultation.claim");
constexpr QLatin1String ConsultationTransfer("consultation.transfer");
constexpr QLatin1String ConsultationClose("consultation.close");
constexpr QLatin1String ConsultationRate("consultation.rate");
constexpr QLatin1String MessageSend("message.send");
constexpr QLatin1String MessagesHistory("messages.history");
constexpr QLatin1String VoiceBegin("voice.begin");
constexpr QLatin1String VoiceCommit("voice.commit");
constexpr QLatin1String VoiceFetch("voice.fetch");
constexpr QLatin1String ScriptsSave("scripts.save");
constexpr QLatin1String ScriptsDelete("scripts.delete");
constexpr QLatin1String TranscriptCorrect("transcript.correct");
constexpr QLatin1String RepliesDiscarded("replies.discarded");
constexpr QLatin1String StatsDashboard("stats.dashboard");
constexpr QLatin1String StatsTargets("stats.targets");
QStringList all();
} // namespace Method

namespace Event {
constexpr QLatin1String ConsultationCreated("consultation.created");
constexpr QLatin1String ConsultationUpdated("consultation.updated");
constexpr QLatin1String ConsultationRemoved("consultation.removed");
constexpr QLatin1String MessageCreated("message.created");
constexpr QLatin1String SessionRevoked("session.revoked");
constexpr QLatin1String ScriptChanged("script.changed");
constexpr QLatin1String TranscriptUpdated("transcript.updated");
QStringList all();
} // namespace Event

namespace Stream {
constexpr QLatin1String Departments("departments");
constexpr QLatin1String Responders("responders");
constexpr QLatin1String Representatives("representatives");
constexpr QLatin1String Proposals("proposals");
constexpr QLatin1String Consultations("consultations");
constexpr QLatin1String Messages("messages");
constexpr QLatin1String Scripts("scripts");
constexpr QLatin1String Transcripts("transcripts");
QStringList all();

// The streams as a type, for code above the wire that must tell them apart.
enum class Kind
{
    Departments,
    Responders,
    Representatives,
    Proposals,
    Consultations,
    Messages,
    Scripts,
    Transcripts
};
std::optional<Kind> kind(QStringView name);
} // namespace Stream

// Optional parts of version 1 a server announces in its hello result ("features").
namespace Feature {
constexpr QLatin1String Transcripts("transcripts"); // section 14: stream, event, correction
constexpr QLatin1String Statistics("stats");        // section 16: stats.dashboard, stats.targets
QStringList all();
} // namespace Feature
