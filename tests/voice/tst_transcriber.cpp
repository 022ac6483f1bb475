// Voice messages into text in a signed-in session, against the real server and the real
// PocketSphinx plugin: a representative's spoken clip is fetched, transcribed off the window's
// thread and shown in its conversation; a clip without speech gets one line saying so; both
// are kept in the cache, so nothing is done twice after a restart.
#include "IntegrationFixture.h"
#include "SpokenClip.h"
#include "VoiceUpload.h"
#include "app/audio/OggOpusEncoder.h"
#include "app/session/AccountSession.h"
#include "app/transcription/SpeechEngineRegistry.h"
#include "app/voice/Transcriber.h"
#include "app/workspace/ConsultationExport.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/SearchResultModel.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

namespace {

QByteArray toneClip()
{
    QVector<qint16> samples(48000 * 2);
    for (int i = 0; i < samples.size(); ++i)
        samples[i] = qint16(9000 * std::sin(2 * M_PI * 440 * i / 48000.0));
    return encodeOggOpus(samples, 48000).value();
}

int rowOf(const MessageListModel &model, qint64 messageId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(MessageListModel::IdRole).toLongLong() == messageId)
            return row;
    }
    return -1;
}
} // namespace

class TestTranscriber : public QObject
{
    Q_OBJECT
    SpeechEngineRegistry engines; // the plugins this build made

private Q_SLOTS:
    void initTestCase()
    {
        engines.scan(
            {qEnvironmentVariable("CONSULT_PLUGIN_BUILD_DIR") + QStringLiteral("/transcription")});
        QVERIFY(engines.factory(QStringLiteral("pocketsphinx")));
    }

    void spokenClipsBecomeTextAndAreKept()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flite")).isEmpty())
            QSKIP("flite is needed to speak the test sentence");
        QVERIFY(engines.factory(QStringLiteral("pocketsphinx")));

        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        QTemporaryDir scratch;
        const qint64 consultation =
            rep->openConsultation(fx.cast.deptA, QStringLiteral("住房补贴"));
        const QByteArray spoken =
            spokenClip(QStringLiteral("how many families have applied for the housing subsidy"),
                       scratch.path());
        QVERIFY(!spoken.isEmpty());
        const qint64 speech = uploadVoice(*rep, consultation, spoken, 3400);
        const qint64 tone = uploadVoice(*rep, consultation, toneClip(), 2000);
        QVERIFY(speech > 0 && tone > 0);

        auto officer = fx.responder(fx.cast.responderA1);
        QVERIFY(officer);
        QTemporaryDir data;
        QString token = officer->token();
        {
            AccountSession session(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                                   {fx.server.url()});
            session.setSpeechEngine(engines.factory(QStringLiteral("pocketsphinx")), {});
            QSignalSpy synced(&session, &AccountSession::syncFinished);
            QVERIFY(session.start(token));
            QVERIFY(synced.wait(30000));
            MessageListModel *messages = session.liveMessages(this);
            QSignalSpy loaded(messages, &MessageListModel::newestLoaded);
            messages->setConsultation(consultation, session.responderId());
            QVERIFY(loaded.wait(10000));
            QVERIFY(rowOf(*messages, speech) >= 0);
            QVERIFY(!messages->index(rowOf(*messages, speech))
                         .data(MessageListModel::TranscribedRole)
                         .toBool());

            QSignalSpy transcribed(&session.transcriber(), &Transcriber::transcribed);
            session.transcriber().request(tone);
            session.transcriber().request(speech);
            QVERIFY(session.transcriber().isPending(speech));
            QTRY_COMPARE_WITH_TIMEOUT(transcribed.size(), 2, 60000);
            // What the conversation shows, without reading the cache again.
            const QModelIndex heard = messages->index(rowOf(*messages, speech));
            QVERIFY2(heard.data(MessageListModel::TranscriptRole)
                         .toString()
                         .contains(QLatin1String("housing subsidy")),
                     qPrintable(heard.data(MessageListModel::TranscriptRole).toString()));
            const QModelIndex silent = messages->index(rowOf(*messages, tone));
            QVERIFY(silent.data(MessageListModel::TranscribedRole).toBool());
            QVERIFY(silent.data(MessageListModel::TranscriptRole).toString().isEmpty());
            QVERIFY(!silent.data(MessageListModel::TranscriptFailureRole).toString().isEmpty());
            session.connection().stop();
        }
        // Another start: both are read from the cache, nothing to do again.
        AccountSession again(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                             {fx.server.url()});
        again.setSpeechEngine(engines.factory(QStringLiteral("pocketsphinx")), {});
        QSignalSpy opened(&again, &AccountSession::cacheOpened);
        QVERIFY(again.start(token));
        QVERIFY(opened.count() > 0 || opened.wait(10000));
        MessageListModel *kept = again.liveMessages(this);
        QSignalSpy loaded(kept, &MessageListModel::newestLoaded);
        kept->setConsultation(consultation, again.responderId());
        QVERIFY(loaded.wait(10000));
        const QModelIndex heard = kept->index(rowOf(*kept, speech));
        QVERIFY(heard.data(MessageListModel::TranscribedRole).toBool());
        QVERIFY(heard.data(MessageListModel::TranscriptRole)
                    .toString()
                    .contains(QLatin1String("housing subsidy")));
        QVERIFY(kept->index(rowOf(*kept, tone)).data(MessageListModel::TranscribedRole).toBool());

        // History search finds the voice message by a word only heard in it.
        SearchResultModel *results = again.searchResults(this);
        QSignalSpy found(results, &SearchResultModel::pageLoaded);
        SearchRequest wanted;
        wanted.text = QStringLiteral("subsidy");
        results->setRequest(wanted);
        QVERIFY(found.wait(10000));
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->hitAt(0).id, speech);
        QVERIFY(results->hitAt(0).snippetHtml.contains(QLatin1String("<b>subsidy</b>")));

        // The CSV list carries it in the consultation's row.
        {
            ConsultationExport job;
            QSignalSpy done(&job, &ConsultationExport::finished);
            ConsultationExport::Request request;
            request.cachePath = again.cachePath();
            request.query = {ConsultationQuery::Filter::All, again.responderId(),
                             again.departmentId()};
            request.query.onlyId = consultation;
            request.format = ConsultationExport::Format::Csv;
            request.target = scratch.filePath(QStringLiteral("list.csv"));
            request.english = true;
            job.start(request);
            QVERIFY(done.wait(30000));
            QFile csv(request.target);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QString content = QString::fromUtf8(csv.readAll());
            QVERIFY(content.contains(QLatin1String("Voice messages as text")));
            QVERIFY2(content.contains(QLatin1String("housing subsidy")), qPrintable(content));
        }
        // The PDF record carries it under the voice message.
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            ConsultationExport job;
            QSignalSpy done(&job, &ConsultationExport::finished);
            ConsultationExport::Request request;
            request.cachePath = again.cachePath();
            request.query = {ConsultationQuery::Filter::All, again.responderId(),
                             again.departmentId()};
            request.query.onlyId = consultation;
            request.format = ConsultationExport::Format::Pdf;
            request.target = scratch.filePath(QStringLiteral("records"));
            request.english = true;
            job.start(request);
            QVERIFY(done.wait(30000));
            const auto result = done.first().first().value<ConsultationExport::Result>();
            QVERIFY2(result.error.isEmpty() && result.exported == 1, qPrintable(result.error));
            QProcess reader;
            reader.start(QStringLiteral("pdftotext"),
                         {QDir(request.target)
                              .filePath(QStringLiteral("consultation-%1.pdf").arg(consultation)),
                          QStringLiteral("-")});
            QVERIFY(reader.waitForFinished(20000));
            QVERIFY(QString::fromUtf8(reader.readAllStandardOutput())
                        .simplified()
                        .contains(QLatin1String("how many families have applied for the housing")));
        }
        QVERIFY(fx.server.stop());
    }

    // With background transcription on, voice messages nobody opened are transcribed; a
    // console closed before it got to them does them after its next start.
    void backgroundTranscriptionCarriesOnAfterARestart()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flite")).isEmpty())
            QSKIP("flite is needed to speak the test sentence");
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        QTemporaryDir scratch;
        const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("公交"));
        const qint64 voice = uploadVoice(
            *rep, consultation,
            spokenClip(QStringLiteral("please call me back about the new bus line next week"),
                       scratch.path()),
            3000);
        auto officer = fx.responder(fx.cast.responderA1);
        QVERIFY(officer && voice > 0);
        const QVariantMap background{{QStringLiteral("background"), true}};
        QTemporaryDir data;
        {
            // A first run that stored the message but never transcribed it (closed as soon as
            // it had synced, before any engine was set).
            AccountSession first(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                                 {fx.server.url()});
            QSignalSpy synced(&first, &AccountSession::syncFinished);
            QVERIFY(first.start(officer->token()));
            QVERIFY(synced.wait(30000));
            first.connection().stop();
        }
        AccountSession again(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                             {fx.server.url()});
        again.setSpeechEngine(engines.factory(QStringLiteral("pocketsphinx")), background);
        QVERIFY(again.start(officer->token()));
        QSignalSpy transcribed(&again.transcriber(), &Transcriber::transcribed);
        // Nobody opens the conversation or asks.
        QTRY_VERIFY_WITH_TIMEOUT(!transcribed.isEmpty(), 60000);
        QCOMPARE(transcribed.first().at(0).toLongLong(), voice);
        QVERIFY2(transcribed.first().at(1).toString().contains(QLatin1String("call me back")),
                 qPrintable(transcribed.first().at(1).toString()));
        QVERIFY(fx.server.stop());
    }

    // Another engine on one clip at the officer's asking, with none running by default; and a
    // transcription cancelled while it runs is neither shown nor kept.
    void anotherEngineOnOneClipAndACancelledOne()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flite")).isEmpty())
            QSKIP("flite is needed to speak the test sentence");
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        QTemporaryDir scratch;
        const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("学校"));
        const QByteArray spoken = spokenClip(
            QStringLiteral("the school will open a new building in september"), scratch.path());
        const qint64 tried = uploadVoice(*rep, consultation, spoken, 3000);
        const qint64 stopped = uploadVoice(*rep, consultation, spoken, 3000);
        auto officer = fx.responder(fx.cast.responderA1);
        QVERIFY(officer && tried > 0 && stopped > 0);
        QTemporaryDir data;
        AccountSession session(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                               {fx.server.url()});
        session.setSpeechAlternatives(
            {{engines.factory(QStringLiteral("pocketsphinx")), QVariantMap()}});
        QSignalSpy synced(&session, &AccountSession::syncFinished);
        QVERIFY(session.start(officer->token()));
        QVERIFY(synced.wait(30000));
        Transcriber &transcriber = session.transcriber();
        QVERIFY(!transcriber.isLocal()); // nothing runs by itself
        QCOMPARE(transcriber.alternatives().size(), 1);

        QSignalSpy transcribed(&transcriber, &Transcriber::transcribed);
        transcriber.requestWith(tried, QStringLiteral("pocketsphinx")); // fetches the clip first
        QVERIFY(transcriber.isPending(tried) || transcribed.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(transcribed.size(), 1, 60000);
        QCOMPARE(transcribed.first().at(0).toLongLong(), tried);
        QVERIFY2(
            transcribed.first().at(1).toString().contains(QLatin1String("building in september")),
            qPrintable(transcribed.first().at(1).toString()));

        transcribed.clear();
        transcriber.requestWith(stopped, QStringLiteral("pocketsphinx"));
        transcriber.cancel(stopped);
        QVERIFY(!transcriber.isPending(stopped));
        QVERIFY(!transcribed.wait(3000));
        QVERIFY(fx.server.stop());
    }

    // A model that is not there is the setup's fault, not the clip's: the message says so, and
    // nothing is kept, so the next start (with the model fixed) transcribes it.
    void aMissingModelIsShownAndNotKept()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("语音"));
        const qint64 voice = uploadVoice(*rep, consultation, toneClip(), 2000);
        auto officer = fx.responder(fx.cast.responderA1);
        QVERIFY(officer);
        QTemporaryDir data;
        QTemporaryDir nowhere;
        AccountSession session(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                               {fx.server.url()});
        session.setSpeechEngine(
            engines.factory(QStringLiteral("pocketsphinx")),
            {{QStringLiteral("acousticModel"), nowhere.filePath(QStringLiteral("zh-cn"))}});
        QSignalSpy synced(&session, &AccountSession::syncFinished);
        QVERIFY(session.start(officer->token()));
        QVERIFY(synced.wait(30000));
        QSignalSpy transcribed(&session.transcriber(), &Transcriber::transcribed);
        session.transcriber().request(voice);
        QVERIFY(transcribed.wait(30000));
        QVERIFY2(transcribed.first().at(2).toString().contains(QLatin1String("does not exist")),
                 qPrintable(transcribed.first().at(2).toString()));

        MessageListModel *fresh = session.liveMessages(this);
        QSignalSpy loaded(fresh, &MessageListModel::newestLoaded);
        fresh->setConsultation(consultation, session.responderId());
        QVERIFY(loaded.wait(10000));
        QVERIFY(
            !fresh->index(rowOf(*fresh, voice)).data(MessageListModel::TranscribedRole).toBool());
        QVERIFY(fx.server.stop());
    }
};

QTEST_MAIN(TestTranscriber) // a GUI application: the PDF record needs fonts
#include "tst_transcriber.moc"
