// Secrets in the OS keychain, never in a file; without a keychain, a clear failure.
#include "app/account/CredentialStore.h"

#include <QDirIterator>
#include <QtTest>

namespace {

template<typename T>
Expected<T, CredentialStore::Failure>
wait(const std::function<void(std::function<void(Expected<T, CredentialStore::Failure>)>)> &call)
{
    std::optional<Expected<T, CredentialStore::Failure>> result;
    call([&result](Expected<T, CredentialStore::Failure> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return CredentialStore::Failure{CredentialStore::Failure::Kind::Other,
                                        QStringLiteral("timeout")};
    return *result;
}

// Every file under the folder that holds `needle` in its bytes.
QStringList filesContaining(const QString &folder, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << file.fileName();
    }
    return hits;
}

const Account alice{QUrl(QStringLiteral("wss://consult.example.gov.cn:8765")),
                    QStringLiteral("jw.2")};
const Account aliceElsewhere{QUrl(QStringLiteral("ws://127.0.0.1:8765")), QStringLiteral("jw.2")};

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private:
    CredentialStore store{QStringLiteral("responder-console-tests")};

    Expected<Unit, CredentialStore::Failure> write(const Account &a, CredentialStore::Secret s,
                                                   const QString &v)
    {
        return wait<Unit>([&](auto done) { store.write(a, s, v, done); });
    }
    Expected<QString, CredentialStore::Failure> read(const Account &a, CredentialStore::Secret s)
    {
        return wait<QString>([&](auto done) { store.read(a, s, done); });
    }

private Q_SLOTS:
    void accountsAreKeptApart()
    {
        QVERIFY(alice.key() != aliceElsewhere.key());
        QCOMPARE(alice.key(), (Account{QUrl(QStringLiteral("wss://CONSULT.example.gov.cn:8765/")),
                                       QStringLiteral("JW.2")}
                                   .key()));
        QVERIFY(alice.cachePath(QStringLiteral("/data")) !=
                aliceElsewhere.cachePath(QStringLiteral("/data")));
        QVERIFY(alice.outboxPath(QStringLiteral("/data"))
                    .startsWith(alice.folder(QStringLiteral("/data"))));
    }

    void tokensRoundTripThroughTheKeychainAndNoFile()
    {
        if (!qEnvironmentVariableIsSet("CONSULT_EXPECT_KEYCHAIN"))
            QSKIP("runs under tests/testsupport/with-keyring.sh");
        const QString token =
            QStringLiteral("7f3a9c0e5b1d4e2fa8c6b0d9e1f2a3b47f3a9c0e5b1d4e2fa8c6b0d9e1f2a3b4");
        const QString other =
            QStringLiteral("0000111122223333444455556666777788889999aaaabbbbccccddddeeeeffff");
        QVERIFY(write(alice, CredentialStore::Secret::Token, token).hasValue());
        QVERIFY(write(aliceElsewhere, CredentialStore::Secret::Token, other).hasValue());
        QCOMPARE(read(alice, CredentialStore::Secret::Token).value(), token);
        QCOMPARE(read(aliceElsewhere, CredentialStore::Secret::Token).value(), other);
        // Not remembered: no password entry at all.
        QCOMPARE(read(alice, CredentialStore::Secret::Password).error().kind,
                 CredentialStore::Failure::Kind::NotFound);

        // The token is in no file of the user's: config, data and cache folders, keyrings included.
        QVERIFY(QDir::homePath().startsWith(QDir::tempPath()) ||
                QDir::homePath().startsWith(QLatin1String("/tmp")));
        QCOMPARE(filesContaining(QDir::homePath(), token.toUtf8()), QStringList());

        // Signing out forgets it.
        QVERIFY(wait<Unit>([&](auto done) { store.forget(alice, done); }).hasValue());
        QCOMPARE(read(alice, CredentialStore::Secret::Token).error().kind,
                 CredentialStore::Failure::Kind::NotFound);
        QCOMPARE(read(aliceElsewhere, CredentialStore::Secret::Token).value(), other);
    }

    void withoutAKeychainNothingIsStored()
    {
        if (!qEnvironmentVariableIsSet("CONSULT_EXPECT_NO_KEYCHAIN"))
            QSKIP("runs with no D-Bus session");
        const auto written =
            write(alice, CredentialStore::Secret::Token, QStringLiteral("secret-token-value"));
        QVERIFY(!written.hasValue());
        QCOMPARE(written.error().kind, CredentialStore::Failure::Kind::Unavailable);
        QVERIFY(!written.error().message.isEmpty());
        QVERIFY(!read(alice, CredentialStore::Secret::Token).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
