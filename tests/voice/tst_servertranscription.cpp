// The server engine (docs/protocol.md section 14), against the real server running the real
// PocketSphinx plugin on its worker pool: a representative's spoken clip reaches a responder's
// desk with its transcript, live and through sync; a correction reaches a colleague's desk and
// is what search finds there; a server killed before the job ran finishes it once after its
// restart.
#include "IntegrationFixture.h"
#include "SpokenClip.h"
#include "VoiceUpload.h"
#include "app/protocol/Methods.h"
#include "app/session/AccountSession.h"
#include "app/session/TranscriptCorrections.h"
#include "app/voice/Transcriber.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/SearchResultModel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString sentence = QStringLiteral("how many families have applied for the housing subsidy");

QStringList transcribingServer()
{
    // The speech is English (flite), so the server is told so: Debian's model is English.
    return {QStringLiteral("--transcribe"), QStringLiteral("--transcribe-language"),
            QStringLiteral("en-US"), QStringLiteral("--transcribe-workers"), QStringLiteral("2")};
}

int rowOf(const MessageListModel &model, qint64 messageId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(MessageListModel::IdRole).toLongLong() == messageId)
            return row;
    }
    return -1;
}

QString shown(const MessageListModel &model, qint64 messageId)
{
    const int row = rowOf(model, messageId);
    return row < 0 ? QString() : model.index(row).data(MessageListModel::TranscriptRole).toString();
}

// A desk signed in and synced, showing one consultation.
struct Desk
{
    Desk(IntegrationFixture &fx, const QString &login, const QString &folder, qint64 consultation)
        : session(Account{fx.server.url(), login}, folder, {fx.server.url()})
    {
        auto client = fx.responder(login);
        QSignalSpy synced(&session, &AccountSession::syncFinished);
        ok = client && session.start(client->token()) && synced.wait(30000);
        if (!ok)
            return;
        messages = session.liveMessages(&session);
        QSignalSpy loaded(messages, &MessageListModel::newestLoaded);
        messages->setConsultation(consultation, session.responderId());
        ok = loaded.wait(10000);
    }
    AccountSession session;
    MessageListModel *messages = nullptr;
    bool ok = false;
};

} // namespace

class TestServerTranscription : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flite")).isEmpty())
            QSKIP("flite is needed to speak the test sentences");
    }

    void aRepresentativesClipArrivesWithItsTranscriptAndCorrectionsAreShared()
    {
        IntegrationFixture fx(transcribingServer());
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("补贴"));
        QTemporaryDir scratch;
        const QByteArray spoken = spokenClip(sentence, scratch.path());
        QVERIFY(!spoken.isEmpty());

        // The hello says who transcribes.
        auto colleague = fx.responder(fx.cast.responderA2);
        QVERIFY(colleague);
        QTemporaryDir officerData;
        QTemporaryDir colleagueData;
        Desk officer(fx, fx.cast.responderA1, officerData.path(), consultation);
        Desk other(fx, fx.cast.responderA2, colleagueData.path(), consultation);
        QVERIFY(officer.ok && other.ok);
        QVERIFY(!officer.session.connection().serverTranscription().isEmpty());

        const qint64 voice = uploadVoice(*rep, consultation, spoken, 3400);
        QVERIFY(voice > 0);
        // Live: first queued, then the text, with word times inside the clip.
        const auto done = colleague->waitForEvent(
            Event::TranscriptUpdated,
            [voice](const QJsonObject &data) {
                const QJsonObject t = data.value(QLatin1String("transcript")).toObject();
                return t.value(QLatin1String("messageId")).toInteger() == voice &&
                       t.value(QLatin1String("state")).toString() != QLatin1String("pending");
            },
            60000);
        QVERIFY(done);
        const QJsonObject record = done->value(QLatin1String("transcript")).toObject();
        QCOMPARE(record.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QVERIFY2(record.value(QLatin1String("text")).toString().contains(QLatin1String("subsidy")),
                 qPrintable(record.value(QLatin1String("text")).toString()));
        const QJsonArray words = record.value(QLatin1String("segments"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QLatin1String("words"))
                                     .toArray();
        QVERIFY(!words.isEmpty());
        QVERIFY(words.last().toObject().value(QLatin1String("endMs")).toInteger() <= 3600);

        // Both desks show it; neither ran an engine of its own.
        QTRY_VERIFY_WITH_TIMEOUT(shown(*officer.messages, voice).contains(QLatin1String("subsidy")),
                                 15000);
        QTRY_VERIFY_WITH_TIMEOUT(shown(*other.messages, voice).contains(QLatin1String("subsidy")),
                                 15000);
        const QModelIndex heard = officer.messages->index(rowOf(*officer.messages, voice));
        QVERIFY(!heard.data(MessageListModel::TranscriptWordsRole).toList().isEmpty());
        QVERIFY(!officer.session.transcriber().isPending(voice));

        // The officer corrects it; the colleague's desk shows the correction, keeps the
        // original, and finds the corrected word.
        const int revision = heard.data(MessageListModel::TranscriptRevisionRole).toInt();
        QVERIFY(revision > 0);
        std::optional<TranscriptCorrections::Outcome> outcome;
        officer.session.corrections().correct(
            voice, revision, QString(),
            QStringLiteral("How many families have applied for the housing subsidy in Xicheng?"),
            [&outcome](TranscriptCorrections::Outcome o, const QString &, int) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QCOMPARE(*outcome, TranscriptCorrections::Outcome::Saved);
        QTRY_VERIFY_WITH_TIMEOUT(shown(*other.messages, voice).contains(QLatin1String("Xicheng")),
                                 15000);
        const QModelIndex corrected = other.messages->index(rowOf(*other.messages, voice));
        QVERIFY(corrected.data(MessageListModel::TranscriptCorrectedRole).toBool());
        QVERIFY(corrected.data(MessageListModel::TranscriptOriginalRole)
                    .toString()
                    .contains(QLatin1String("subsidy")));
        SearchResultModel *results = other.session.searchResults(this);
        QSignalSpy found(results, &SearchResultModel::pageLoaded);
        SearchRequest wanted;
        wanted.text = QStringLiteral("Xicheng");
        results->setRequest(wanted);
        QVERIFY(found.wait(10000));
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->hitAt(0).id, voice);

        // The colleague, still looking at the engine's text, corrects too: theirs is refused,
        // the officer's stands.
        outcome.reset();
        QString standing;
        int standingRevision = 0;
        other.session.corrections().correct(
            voice, revision, QString(), QStringLiteral("other"),
            [&](TranscriptCorrections::Outcome o, const QString &detail, int now) {
                outcome = o;
                standing = detail;
                standingRevision = now;
            });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QCOMPARE(*outcome, TranscriptCorrections::Outcome::ColleagueFirst);
        QVERIFY(standing.contains(QLatin1String("Xicheng")));
        QVERIFY(standingRevision > revision); // the base for a knowing second try

        // A representative may read transcripts but not correct them.
        const Frame refused = rep->call(Method::TranscriptCorrect,
                                        {{QStringLiteral("messageId"), voice},
                                         {QStringLiteral("baseRevision"), revision + 1},
                                         {QStringLiteral("text"), QStringLiteral("x")},
                                         {QStringLiteral("editId"), QStringLiteral("e1")}});
        QCOMPARE(refused.errorCode, ErrorCode::Forbidden);
        QVERIFY(fx.server.stop());
    }

    // Killed (no chance to finish anything) right after the clip was stored: the job is kept
    // with the message, runs after the restart, and its result is stored once.
    void aServerKilledBeforeTheJobRanFinishesItOnceAfterItsRestart()
    {
        IntegrationFixture fx(transcribingServer());
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("重启"));
        QTemporaryDir scratch;
        const QByteArray spoken = spokenClip(sentence, scratch.path());
        const qint64 voice = uploadVoice(*rep, consultation, spoken, 3400);
        QVERIFY(voice > 0);
        fx.server.kill();

        QVERIFY(fx.server.start(fx.server.databasePath()));
        auto officer = fx.responder(fx.cast.responderA1);
        QVERIFY(officer);
        // Read until the record has left "pending", then check it left once.
        QJsonObject record;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonObject page = officer->ok(
                    Method::SyncPull, {{QStringLiteral("stream"), Stream::Transcripts}});
                for (const QJsonValue &item : page.value(QLatin1String("items")).toArray()) {
                    if (item.toObject().value(QLatin1String("messageId")).toInteger() == voice)
                        record = item.toObject();
                }
                return record.value(QLatin1String("state")).toString() != QLatin1String("pending");
            }(),
            60000);
        QCOMPARE(record.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QVERIFY(record.value(QLatin1String("text")).toString().contains(QLatin1String("subsidy")));
        // Revision 1 when queued, 2 when finished: nothing ran it a second time.
        QCOMPARE(record.value(QLatin1String("revision")).toInt(), 2);
        QVERIFY(fx.server.stop());
        QVERIFY2(!fx.server.log().contains(QLatin1String("not stored")),
                 qPrintable(fx.server.log()));
    }
};

QTEST_GUILESS_MAIN(TestServerTranscription)
#include "tst_servertranscription.moc"
