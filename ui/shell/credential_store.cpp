#include "shell/credential_store.h"

#include <QTimer>

#ifdef SOFTPHONE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace softphone::ui {

CredentialStore::CredentialStore(QString profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{}

bool CredentialStore::isCompiledIn()
{
#ifdef SOFTPHONE_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString CredentialStore::service() const
{
    return m_profile.isEmpty() ? QStringLiteral("softphone")
                               : QStringLiteral("softphone-%1").arg(m_profile);
}

QString CredentialStore::key(const QUrl &server, const QString &account)
{
    return account + QLatin1Char('@') + server.toString(QUrl::RemoveUserInfo);
}

#ifdef SOFTPHONE_HAVE_KEYCHAIN

void CredentialStore::load(const QUrl &server, const QString &account, LoadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key(server, account));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *job) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), {});
        else if (read->error() == QKeychain::EntryNotFound)
            done(std::nullopt, {});
        else
            done(std::nullopt, read->errorString());
    });
    job->start();
}

void CredentialStore::save(const QUrl &server, const QString &account, const QString &secret,
                           SaveDone done)
{
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key(server, account));
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *job) {
        done(job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void CredentialStore::forget(const QUrl &server, const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key(server, account));
    job->start();
}

#else

void CredentialStore::load(const QUrl &, const QString &, LoadDone done)
{
    QTimer::singleShot(0, this, [done = std::move(done)] {
        done(std::nullopt, tr("this build has no keychain support"));
    });
}

void CredentialStore::save(const QUrl &, const QString &, const QString &, SaveDone done)
{
    QTimer::singleShot(
        0, this, [done = std::move(done)] { done(tr("this build has no keychain support")); });
}

void CredentialStore::forget(const QUrl &, const QString &)
{}

#endif

}  // namespace softphone::ui
