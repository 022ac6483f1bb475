// Replying, as the conversation asks for it (app/session/Replies): what is written is kept
// at once and shown, the draft goes, a failed reply can be tried again; all of it offline.
#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/session/Replies.h"
#include "app/sync/ProtocolClient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestReplies : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;
    std::unique_ptr<OutboxStore> store;
    std::unique_ptr<ProtocolClient> client; // never connected: the console is offline
    std::unique_ptr<OutboxSender> sender;
    std::unique_ptr<Replies> replies;

private Q_SLOTS:
    void init()
    {
        auto opened = OutboxStore::open(dir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        store = std::move(opened.value());
        client = std::make_unique<ProtocolClient>();
        sender = std::make_unique<OutboxSender>(*store, *client);
        replies = std::make_unique<Replies>(*store, *sender);
    }

    void cleanup()
    {
        replies.reset();
        sender.reset();
        client.reset();
        store.reset();
        QFile::remove(dir.filePath(QStringLiteral("outbox.sqlite")));
    }

    void aReplyIsKeptAndTheDraftGoes()
    {
        replies->saveDraft(7, QStringLiteral("您好，关于加装电梯"));
        QCOMPARE(replies->draft(7), QStringLiteral("您好，关于加装电梯"));
        QSignalSpy changed(replies.get(), &Replies::itemChanged);
        const auto item =
            replies->sendText(7, QStringLiteral("您好，关于加装电梯，已转区房管局。"));
        QVERIFY(item);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<OutboxItem>().consultationId, 7);
        QCOMPARE(changed.first().first().value<OutboxItem>().state, OutboxItem::State::Queued);
        QCOMPARE(replies->draft(7), QString());
        const QList<OutboxItem> written = replies->written(7);
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().text, QStringLiteral("您好，关于加装电梯，已转区房管局。"));
        QCOMPARE(written.first().state, OutboxItem::State::Queued);
        QVERIFY(replies->written(8).isEmpty());
        QCOMPARE(replies->draft(8), QString()); // drafts are per consultation
    }

    void aFailedReplyCanBeTriedAgain()
    {
        const auto item = replies->sendText(7, QStringLiteral("请提供小区地址。"));
        QVERIFY(item);
        QVERIFY(store->markFailed(item->clientMsgId, QStringLiteral("forbidden")));
        QCOMPARE(replies->written(7).first().state, OutboxItem::State::Failed);
        QSignalSpy changed(replies.get(), &Replies::itemChanged);
        replies->retry(item->clientMsgId);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<OutboxItem>().state, OutboxItem::State::Queued);
        replies->retry(item->clientMsgId); // queued, not failed: nothing to do
        QCOMPARE(changed.size(), 1);
        QCOMPARE(replies->written(7).first().state, OutboxItem::State::Queued);
        QCOMPARE(replies->written(7).first().error, QString());
    }

    void aVoiceReplyIsKeptWithItsRecording()
    {
        QFile clip(QStringLiteral(CONSULT_SOURCE_DIR "/server/demo/voice/clip2.opus"));
        QVERIFY(clip.open(QIODevice::ReadOnly));
        const QByteArray bytes = clip.readAll();
        const auto item = replies->sendVoice(7, bytes, 3200, QByteArray(63, '\x11'));
        QVERIFY(item);
        QVERIFY(item->isVoice());
        QFile kept(item->voiceFile);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes);
        QCOMPARE(replies->written(7).first().voiceDurationMs, 3200);
    }
};

QTEST_GUILESS_MAIN(TestReplies)
#include "tst_replies.moc"
