#pragma once

#include "im/account_registrar.h"
#include "im/im_client.h"
#include "shell/credential_store.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

namespace softphone::ui {

class AppSettings;
class LoginDialog;

// Signing in: from the command line, from the keychain's saved sign-in or through the login
// dialog; registering an account there; remembering the sign-in in the keychain; and what a
// refused or unreachable sign-in tells the user. The app makes and owns each attempt's IM
// client (connectRequested) and hands it back to be followed (watch).
class SignInFlow : public QObject
{
    Q_OBJECT

public:
    explicit SignInFlow(AppSettings *settings, QObject *parent = nullptr);
    ~SignInFlow() override;

    // Signs in at once with a password given on the command line, else with the keychain's
    // saved sign-in, else shows the dialog. `servers` (a cluster's nodes, tried in turn) and
    // `account` override the remembered ones.
    void start(const QList<QUrl> &servers, const QString &account, const QString &password);
    // Follows the connection of the attempt just requested until it is online or refused.
    void watch(im::ImClient *im);
    // The session is open: remembers the sign-in (with the session's token) and puts the
    // dialog away.
    void finish(const QString &token);
    // Signing out: the saved sign-in is forgotten.
    void forget();
    // The dialog again, for the account that signed out.
    void showAgain();
    // The note under "Remember me" says why the keychain cannot be used; worded here.
    void updateRememberNote();

    LoginDialog *dialog() const { return m_login.get(); }

signals:
    // Make an IM client for these credentials, watch() it and start it.
    void connectRequested(const softphone::im::Credentials &credentials);
    void connected();  // the attempt is online: open the session
    void refused();    // the server refused the sign-in: close what the attempt opened
    void dismissed();  // the dialog was closed without signing in
    void dialogShown();
    // Worded for the user: the sign-in could not be kept in the keychain.
    void notRemembered(const QString &message);

private:
    void signIn(const QList<QUrl> &servers, const QString &account, const QString &password,
                const QString &token, bool remember);
    void registerAccount(const QList<QUrl> &servers, const QString &account,
                         const QString &password);
    void onConnection(im::ConnectionState state);
    void onLoginFailed(int code, const QString &message);
    void showLogin(const QString &error = {});
    static QString keychainProblem();

    AppSettings *m_settings;
    CredentialStore m_credentials;
    im::AccountRegistrar m_registrar;
    std::unique_ptr<LoginDialog> m_login;
    QPointer<im::ImClient> m_im;  // the current attempt's client, owned by the app
    QList<QUrl> m_servers;        // the first names the sign-in in the keychain
    int m_unreachable = 0;        // servers of the list that could not be reached on this attempt
    QString m_account;
    bool m_signingIn = false;
    bool m_byToken = false;
    bool m_remember = false;
    QString m_keychainError;  // the keychain's own words when reading the sign-in failed
};

}  // namespace softphone::ui
