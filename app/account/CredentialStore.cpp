#include "CredentialStore.h"

#include "AccountLog.h"
#include <qt6keychain/keychain.h>

namespace {

CredentialStore::Failure failureOf(const QKeychain::Job &job)
{
    using Kind = CredentialStore::Failure::Kind;
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {Kind::NotFound, job.errorString()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    // QtKeychain 0.13's libsecret backend reports no D-Bus session, or no Secret Service on
    // it, as OtherError ("Could not connect: …"): measured, not NoBackendAvailable.
    case QKeychain::OtherError:
        return {Kind::Unavailable, job.errorString()};
    default:
        return {Kind::Other, job.errorString()};
    }
}

template<typename JobType> JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

QString CredentialStore::entry(const Account &account, Secret secret) const
{
    switch (secret) {
    case Secret::Token:
        return account.key() + QStringLiteral("/token");
    case Secret::Password:
        return account.key() + QStringLiteral("/password");
    case Secret::TranscriptionKey:
        return account.key() + QStringLiteral("/transcription-key");
    }
    return {};
}

template<typename Callback, typename Answer>
void CredentialStore::answerLater(Callback done, Answer answer)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), answer = std::move(answer)] { done(answer); },
        Qt::QueuedConnection);
}

namespace {
CredentialStore::Failure notKept()
{
    return {CredentialStore::Failure::Kind::Unavailable,
            QStringLiteral("secrets are not kept at a shared desk")};
}
} // namespace

void CredentialStore::write(const Account &account, Secret secret, const QString &value, Done done)
{
    if (!m_keychainUsed)
        return answerLater(std::move(done), Expected<Unit, Failure>(notKept()));
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, entry(account, secret));
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            qCWarning(lcAccount) << "the keychain did not store a secret:"
                                 << finished->errorString();
            return done(failureOf(*finished));
        }
        done(Unit{});
    });
    job->start();
}

void CredentialStore::read(const Account &account, Secret secret, Read done)
{
    if (!m_keychainUsed)
        return answerLater(std::move(done), Expected<QString, Failure>(notKept()));
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, entry(account, secret));
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            return done(failureOf(*finished));
        done(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
    });
    job->start();
}

void CredentialStore::remove(const Account &account, Secret secret, Done done)
{
    if (!m_keychainUsed)
        return answerLater(std::move(done), Expected<Unit, Failure>(Unit{}));
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, entry(account, secret));
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError &&
            finished->error() != QKeychain::EntryNotFound)
            return done(failureOf(*finished));
        done(Unit{});
    });
    job->start();
}

void CredentialStore::forget(const Account &account, Done done)
{
    // Both sign-in entries go (the transcription service's key is configuration and stays);
    // the second finishes the call.
    auto remaining = std::make_shared<int>(2);
    auto firstError = std::make_shared<std::optional<Failure>>();
    for (Secret secret : {Secret::Token, Secret::Password}) {
        remove(account, secret, [done, remaining, firstError](Expected<Unit, Failure> result) {
            if (!result && !*firstError)
                *firstError = result.error();
            if (--*remaining > 0)
                return;
            if (*firstError)
                return done(**firstError);
            done(Unit{});
        });
    }
}
