// A responder's account at run time against the real server: password sign-in errors come back
// in kinds the dialog can put into words; a session started from a token alone works without
// the server (cache readable and searchable, replies queued) and delivers once the server is
// back; a cache damaged while in use is replaced and synced again; signing out revokes the token.
#include "IntegrationFixture.h"
#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/session/AccountSession.h"
#include "app/session/PasswordSignIn.h"
#include "app/storage/CacheWorker.h"
#include "app/storage/SearchText.h"
#include "app/storage/SearchTokenizer.h"
#include "app/sync/CacheSync.h"
#include "server/demo/DemoCatalog.h"

#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>
#include <QtTest>

namespace {
QUrl deadServer()
{
    QUrl dead(QStringLiteral("ws://127.0.0.1"));
    dead.setPort(ServerProcess::freePort());
    return dead;
}

const SessionConnection::Backoff fast{100, 500, 0.25};

// What a password sign-in ends with: exactly one of the two.
struct SignInOutcome
{
    std::optional<SignedIn> success;
    std::optional<SignInFailure> failure;
};

SignInOutcome signIn(const QList<QUrl> &servers, const QString &user, const QString &password,
                     const QList<int> &versions = {1})
{
    PasswordSignIn signIn(servers);
    signIn.setConnectTimeoutMs(3000);
    SignInOutcome outcome;
    QObject::connect(&signIn, &PasswordSignIn::succeeded,
                     [&](const SignedIn &result) { outcome.success = result; });
    QObject::connect(&signIn, &PasswordSignIn::failed,
                     [&](const SignInFailure &failure) { outcome.failure = failure; });
    signIn.start(user, password, versions);
    if (!QTest::qWaitFor([&] { return outcome.success || outcome.failure; }, 20000))
        qWarning("the sign-in did not end");
    return outcome;
}

QVariant scalar(const QString &cachePath, const QString &sql, const QVariantList &values = {})
{
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("r"));
        db.setDatabaseName(cachePath);
        if (db.open() && registerSearchTokenizer(db)) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &value : values)
                query.addBindValue(value);
            if (query.exec() && query.next())
                result = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("r"));
    return result;
}

qint64 count(const QString &cachePath, const QString &sql, const QVariantList &values = {})
{
    const QVariant value = scalar(cachePath, sql, values);
    return value.isValid() ? value.toLongLong() : -1;
}

// A consultation of department A from representative 1 with a few messages, claimed by
// `responder`: something for that responder's cache to hold and answer.
qint64 claimedConsultation(IntegrationFixture &fx, const QString &responder)
{
    auto rep = fx.representative(fx.cast.rep1);
    auto holder = fx.responder(responder);
    if (!rep || !holder)
        return 0;
    const qint64 id =
        rep->openConsultation(fx.cast.deptA, QStringLiteral("关于社区养老服务站的咨询"));
    for (int i = 1; i <= 3; ++i)
        rep->ok(
            QStringLiteral("message.send"),
            {{QStringLiteral("consultationId"), id},
             {QStringLiteral("clientMsgId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"),
              QStringLiteral("社区养老服务站第%1个问题：日间照料的补贴标准是多少？").arg(i)}});
    holder->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
    return id;
}

bool waitForSync(AccountSession &session)
{
    QSignalSpy finished(&session, &AccountSession::syncFinished);
    return finished.wait(60000);
}
} // namespace

class TestAccountSession : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir data;

private Q_SLOTS:
    void signInFailuresComeBackAsKinds()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        const QUrl live = fx.server.url();

        auto wrong = signIn({live}, fx.cast.responderA1, QStringLiteral("not-the-password"));
        QVERIFY(wrong.failure);
        QCOMPARE(wrong.failure->kind, SignInFailure::Kind::WrongPassword);

        auto nobody = signIn({deadServer()}, fx.cast.responderA1, demoResponderPassword());
        QVERIFY(nobody.failure);
        QCOMPARE(nobody.failure->kind, SignInFailure::Kind::Unreachable);

        auto future = signIn({live}, fx.cast.responderA1, demoResponderPassword(), {99});
        QVERIFY(future.failure);
        QCOMPARE(future.failure->kind, SignInFailure::Kind::UnsupportedVersion);

        // The first address is dead: the next one of the list signs in.
        auto ok = signIn({deadServer(), live}, fx.cast.responderA1, demoResponderPassword());
        QVERIFY(ok.success);
        QCOMPARE(ok.success->server, live);
        QCOMPARE(ok.success->token.size(), 64);
        QCOMPARE(ok.success->principal.value(QLatin1String("id")).toInteger(),
                 fx.cast.responderA1Id);

        // Five wrong passwords for one account, and the sixth attempt is held off with a wait.
        for (int i = 0; i < 5; ++i)
            QVERIFY(signIn({live}, fx.cast.responderA2, QStringLiteral("guess")).failure);
        auto held = signIn({live}, fx.cast.responderA2, demoResponderPassword());
        QVERIFY(held.failure);
        QCOMPARE(held.failure->kind, SignInFailure::Kind::Throttled);
        QVERIFY(held.failure->retryAfterMs > 0);
        QVERIFY(fx.server.stop());
    }

    void startsFromTheTokenAloneWithoutTheServerAndDeliversLater()
    {
        const quint16 port = ServerProcess::freePort();
        IntegrationFixture fx({QStringLiteral("--port"), QString::number(port)});
        QVERIFY(fx.start());
        const auto signedIn =
            signIn({fx.server.url()}, fx.cast.responderA1, demoResponderPassword());
        QVERIFY(signedIn.success);
        // A consultation this responder holds, to answer while offline.
        const qint64 consultationId = claimedConsultation(fx, fx.cast.responderA1);
        QVERIFY(consultationId > 0);
        const Account account{fx.server.url(), fx.cast.responderA1};
        const QString folder = data.filePath(QStringLiteral("offline"));
        {
            AccountSession online(account, folder, {fx.server.url()}, fast);
            QVERIFY(online.start(signedIn.success->token));
            QVERIFY(waitForSync(online));
        }
        QVERIFY(fx.server.stop());

        // No server: the session still opens the cache and takes replies.
        AccountSession offline(account, folder, {fx.server.url()}, fast);
        QSignalSpy opened(&offline, &AccountSession::cacheOpened);
        QVERIFY(offline.start(signedIn.success->token));
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.first().first().toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(offline.connection().state(),
                                  SessionConnection::State::Reconnecting, 5000);
        const QString cache = offline.cachePath();
        QVERIFY(count(cache, QStringLiteral("SELECT COUNT(*) FROM consultations")) > 0);
        QVERIFY(count(cache, QStringLiteral("SELECT COUNT(*) FROM proposals")) > 0);
        const QString cachedText =
            scalar(cache, QStringLiteral("SELECT text FROM messages WHERE kind = 'text' AND "
                                         "length(text) > 4 ORDER BY id LIMIT 1"))
                .toString();
        QVERIFY(!cachedText.isEmpty());
        const qint64 hits = count(
            cache, QStringLiteral("SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?"),
            {searchMatchExpression(cachedText.mid(1, 2))});
        QVERIFY2(hits > 0, "the cached messages are searchable offline");

        const auto first =
            offline.outbox().enqueueText(consultationId, QStringLiteral("离线回复一"));
        const auto second =
            offline.outbox().enqueueText(consultationId, QStringLiteral("离线回复二"));
        QVERIFY(first && second);
        offline.sender().wake();
        QTest::qWait(500);
        QCOMPARE(offline.outbox().item(first->clientMsgId)->state, OutboxItem::State::Queued);

        // The server comes back: the session resumes with its token and delivers, in order.
        ServerProcess again({QStringLiteral("--port"), QString::number(port)});
        QVERIFY(again.start(fx.server.databasePath()));
        QTRY_COMPARE_WITH_TIMEOUT(offline.connection().state(), SessionConnection::State::Online,
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(offline.outbox().pending().isEmpty(), 10000);
        auto reader = std::make_unique<TestClient>(again.url());
        QVERIFY(reader->connectAndHello() &&
                reader->login(fx.cast.responderA1, demoResponderPassword()));
        const QJsonArray history = reader
                                       ->ok(QStringLiteral("messages.history"),
                                            {{QStringLiteral("consultationId"), consultationId},
                                             {QStringLiteral("limit"), 1000}})
                                       .value(QLatin1String("messages"))
                                       .toArray();
        QStringList offlineReplies;
        for (const QJsonValue &m : history) {
            const QString text = m.toObject().value(QLatin1String("text")).toString();
            if (text.startsWith(QStringLiteral("离线回复")))
                offlineReplies << text;
        }
        QCOMPARE(offlineReplies,
                 (QStringList{QStringLiteral("离线回复一"), QStringLiteral("离线回复二")}));
        QVERIFY(again.stop());
    }

    void aCacheDamagedWhileInUseIsReplacedAndSyncedAgain()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        QVERIFY(claimedConsultation(fx, fx.cast.responderA2) > 0);
        const auto signedIn =
            signIn({fx.server.url()}, fx.cast.responderA2, demoResponderPassword());
        QVERIFY(signedIn.success);
        const QString folder = data.filePath(QStringLiteral("damage"));
        AccountSession session({fx.server.url(), fx.cast.responderA2}, folder, {fx.server.url()},
                               fast);
        QVERIFY(session.start(signedIn.success->token));
        QVERIFY(waitForSync(session));
        const QString cache = session.cachePath();
        const qint64 consultations =
            count(cache, QStringLiteral("SELECT COUNT(*) FROM consultations"));
        QVERIFY(consultations > 0);
        const auto queued = session.outbox().enqueueText(1, QStringLiteral("unsent"));
        QVERIFY(queued);

        // Interior pages overwritten under the running client (header and size intact), once
        // they are in the main file rather than the write-ahead log.
        QCOMPARE(count(cache, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")), 0);
        QVERIFY(QFileInfo(cache).size() > 64 * 1024);
        {
            QFile file(cache);
            QVERIFY(file.open(QIODevice::ReadWrite));
            for (qint64 at = 8192; at < file.size() - 4096; at += 16384) {
                file.seek(at);
                file.write(QByteArray(2048, '\x7f'));
            }
        }
        QSignalSpy replaced(&session, &AccountSession::cacheReplaced);
        QSignalSpy synced(&session, &AccountSession::syncFinished);
        QMetaObject::invokeMethod(session.cacheWorker(), &CacheWorker::checkIntegrity);
        QVERIFY(replaced.wait(20000));
        QVERIFY(!replaced.first().first().toString().isEmpty());
        QVERIFY(!QDir(QFileInfo(cache).path())
                     .entryList({QStringLiteral("*.damaged-*")}, QDir::Files)
                     .isEmpty());
        QVERIFY(synced.wait(60000));
        QCOMPARE(count(cache, QStringLiteral("SELECT COUNT(*) FROM consultations")), consultations);
        QVERIFY(session.outbox().item(queued->clientMsgId).has_value());
        QVERIFY(fx.server.stop());
    }

    void signingOutRevokesTheTokenOnTheServer()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        const auto signedIn = signIn({fx.server.url()}, fx.cast.leadA, demoResponderPassword());
        QVERIFY(signedIn.success);
        AccountSession session({fx.server.url(), fx.cast.leadA},
                               data.filePath(QStringLiteral("out")), {fx.server.url()}, fast);
        QVERIFY(session.start(signedIn.success->token));
        QTRY_COMPARE_WITH_TIMEOUT(session.connection().state(), SessionConnection::State::Online,
                                  10000);
        std::optional<bool> revoked;
        session.signOut([&](bool r) { revoked = r; });
        QTRY_VERIFY_WITH_TIMEOUT(revoked.has_value(), 10000);
        QVERIFY(*revoked);
        QCOMPARE(session.connection().state(), SessionConnection::State::Offline);

        TestClient other(fx.server.url());
        QVERIFY(other.connectAndHello());
        const Frame reply = other.call(QStringLiteral("auth.resume"),
                                       {{QStringLiteral("token"), signedIn.success->token}});
        QCOMPARE(reply.errorCode, ErrorCode::TokenInvalid);
        QVERIFY(fx.server.stop());
    }
};

QTEST_GUILESS_MAIN(TestAccountSession)
#include "tst_accountsession.moc"
