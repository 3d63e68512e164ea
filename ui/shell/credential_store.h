#pragma once

#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

namespace softphone::ui {

// Keeps the session token of a remembered sign-in in the operating system's keychain
// (Keychain on macOS, Credential Manager on Windows, the Secret Service on Linux) through
// QtKeychain. Never in a file: without a keychain nothing is remembered, and the caller
// is told why.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    // `error` is empty on success.
    using LoadDone = std::function<void(std::optional<QString> secret, const QString &error)>;
    using SaveDone = std::function<void(const QString &error)>;

    explicit CredentialStore(QString profile, QObject *parent = nullptr);

    static bool isCompiledIn();
    void load(const QUrl &server, const QString &account, LoadDone done);
    void save(const QUrl &server, const QString &account, const QString &secret, SaveDone done);
    void forget(const QUrl &server, const QString &account);

private:
    QString service() const;
    static QString key(const QUrl &server, const QString &account);

    QString m_profile;
};

}  // namespace softphone::ui
