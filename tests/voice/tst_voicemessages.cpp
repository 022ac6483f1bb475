// Voice messages of a signed-in session against the real server: a representative's clip is
// fetched when first played, kept for offline replay, its heard mark and computed waveform
// kept in the cache; a voice reply goes through the outbox and is stored exactly once.
#include "IntegrationFixture.h"
#include "PulseTools.h"
#include "VoiceUpload.h"
#include "app/audio/OggOpusEncoder.h"
#include "app/audio/Waveform.h"
#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/protocol/Methods.h"
#include "app/protocol/VoiceChunk.h"
#include "app/session/AccountSession.h"
#include "app/voice/VoiceMessages.h"
#include "app/workspace/MessageListModel.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <cmath>

namespace {

const SessionConnection::Backoff fast{100, 500, 0.25};

// A fixed port, so that the server can be stopped and started again where the session expects.
QStringList fixedPort()
{
    return {QStringLiteral("--port"), QString::number(ServerProcess::freePort())};
}

QByteArray toneClip(double seconds, int frequency)
{
    QVector<qint16> samples(int(seconds * 48000));
    for (int i = 0; i < samples.size(); ++i)
        samples[i] = qint16(12000 * std::sin(2 * M_PI * frequency * i / 48000.0));
    return encodeOggOpus(samples, 48000).value();
}

} // namespace

class TestVoiceMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fetchedOncePlayedOfflineAndRemembered();
    void voiceReplyDeliveredExactlyOnce();
};

void TestVoiceMessages::fetchedOncePlayedOfflineAndRemembered()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    auto rep = fx.representative(fx.cast.rep1);
    QVERIFY(rep);
    const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("语音咨询"));
    const qint64 messageId = uploadVoice(*rep, consultation, toneClip(1.5, 440), 1500);
    QVERIFY(messageId > 0);

    auto officer = fx.responder(fx.cast.responderA1);
    QVERIFY(officer);
    QTemporaryDir data;
    AccountSession session(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                           {fx.server.url()});
    QSignalSpy synced(&session, &AccountSession::syncFinished);
    QVERIFY(session.start(officer->token()));
    QVERIFY(synced.wait(30000));

    VoiceMessages &voice = session.voice();
    voice.player().setOutputDevice(PulseTools::output("testsink"));
    QVERIFY(!voice.clips().contains(messageId));
    QSignalSpy finished(&voice, &VoiceMessages::finished);
    QSignalSpy heard(&voice, &VoiceMessages::heard);
    QSignalSpy waveform(&voice, &VoiceMessages::waveformComputed);
    voice.toggle(messageId);
    QVERIFY(voice.isLoading(messageId));
    QVERIFY2(finished.wait(10000), qPrintable(voice.errorFor(messageId)));
    QVERIFY(voice.clips().contains(messageId));
    QCOMPARE(heard.size(), 1);
    QCOMPARE(waveform.size(), 1);
    const QVector<quint8> levels = unpackWaveform5bit(waveform.first().at(1).toByteArray());
    QVERIFY(*std::max_element(levels.cbegin(), levels.cend()) == MaxWaveformLevel);

    // The cache remembers: heard, and the waveform the sender did not supply.
    MessageListModel model(session.cacheReader());
    QSignalSpy loaded(&model, &MessageListModel::newestLoaded);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            model.setConsultation(consultation, session.responderId());
            if (!loaded.wait(5000))
                return false;
            const QModelIndex row = model.index(model.rowOfMessage(messageId));
            return row.data(MessageListModel::VoiceHeardRole).toBool() &&
                   row.data(MessageListModel::VoiceWaveformRole).toByteArray() ==
                       waveform.first().at(1).toByteArray();
        }(),
        10000);

    // Offline: the kept clip plays again.
    QVERIFY(fx.server.stop());
    QTRY_VERIFY_WITH_TIMEOUT(session.connection().state() != SessionConnection::State::Online,
                             10000);
    voice.toggle(messageId);
    QVERIFY2(finished.wait(10000), qPrintable(voice.errorFor(messageId)));
    QCOMPARE(finished.size(), 2);
}

void TestVoiceMessages::voiceReplyDeliveredExactlyOnce()
{
    IntegrationFixture fx(fixedPort());
    QVERIFY(fx.start());
    auto rep = fx.representative(fx.cast.rep1);
    QVERIFY(rep);
    const qint64 consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("请语音回复"));
    auto officer = fx.responder(fx.cast.responderA1);
    QVERIFY(officer);
    officer->ok(Method::ConsultationClaim, {{QStringLiteral("consultationId"), consultation}});

    QTemporaryDir data;
    AccountSession session(Account{fx.server.url(), fx.cast.responderA1}, data.path(),
                           {fx.server.url()}, fast);
    QSignalSpy synced(&session, &AccountSession::syncFinished);
    QVERIFY(session.start(officer->token()));
    QVERIFY(synced.wait(30000));

    // Written while the server is away: kept on disk, delivered when it is back.
    QVERIFY(fx.server.stop());
    QTRY_VERIFY_WITH_TIMEOUT(session.connection().state() != SessionConnection::State::Online,
                             10000);
    const QByteArray clip = toneClip(2.0, 660);
    const QByteArray waveform = packWaveform5bit(QVector<quint8>(100, 20));
    const auto item = session.outbox().enqueueVoice(consultation, clip, 2000, waveform);
    QVERIFY(item.hasValue());
    QVERIFY(QFile::exists(item->voiceFile));
    QSignalSpy acknowledged(&session.sender(), &OutboxSender::acknowledged);
    QVERIFY(fx.server.start(fx.location));
    QVERIFY2(acknowledged.wait(30000), qPrintable(session.outbox().item(item->clientMsgId)->error));
    const qint64 serverId = acknowledged.first().at(1).toLongLong();
    QTRY_COMPARE(session.outbox().item(item->clientMsgId)->state, OutboxItem::State::Sent);
    QVERIFY(!QFile::exists(item->voiceFile));            // the outbox's copy is gone...
    QVERIFY(session.voice().clips().contains(serverId)); // ...and the clip is kept for replay

    // As if an earlier attempt had reached the server and the workstation died before it heard
    // back: the server has the clip under this key already, and stores it only once.
    session.sender().setOnline(false);
    const auto again = session.outbox().enqueueVoice(consultation, clip, 2000, waveform);
    QVERIFY(again.hasValue());
    auto sameOfficer = fx.responder(fx.cast.responderA1);
    QVERIFY(sameOfficer);
    const QJsonObject begun =
        sameOfficer->ok(Method::VoiceBegin,
                        {{QStringLiteral("consultationId"), consultation},
                         {QStringLiteral("clientMsgId"), again->clientMsgId},
                         {QStringLiteral("bytes"), clip.size()},
                         {QStringLiteral("durationMs"), 2000},
                         {QStringLiteral("waveform"), QString::fromLatin1(waveform.toBase64())}});
    const auto transferId = quint32(begun.value(QLatin1String("transferId")).toInteger());
    sameOfficer->sendBinary(encodeVoiceChunk({transferId, 0, clip}));
    const qint64 earlierId =
        sameOfficer->ok(Method::VoiceCommit, {{QStringLiteral("transferId"), qint64(transferId)}})
            .value(QLatin1String("message"))
            .toObject()
            .value(QLatin1String("id"))
            .toInteger();
    session.sender().setOnline(true);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox().item(again->clientMsgId)->state,
                              OutboxItem::State::Sent, 20000);
    QCOMPARE(session.outbox().item(again->clientMsgId)->serverMessageId, earlierId);

    auto reader = fx.responder(fx.cast.responderA2);
    QVERIFY(reader);
    const QJsonArray messages =
        reader->ok(Method::MessagesHistory, {{QStringLiteral("consultationId"), consultation}})
            .value(QLatin1String("messages"))
            .toArray();
    int voices = 0;
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        if (message.value(QLatin1String("kind")).toString() != QLatin1String("voice"))
            continue;
        ++voices;
        QCOMPARE(message.value(QLatin1String("voice"))
                     .toObject()
                     .value(QLatin1String("waveform"))
                     .toString(),
                 QString::fromLatin1(waveform.toBase64()));
    }
    QCOMPARE(voices, 2); // each recording once
}

QTEST_MAIN(TestVoiceMessages)
#include "tst_voicemessages.moc"
