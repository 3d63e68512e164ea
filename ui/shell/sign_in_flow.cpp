#include "shell/sign_in_flow.h"

#include "im/server_list.h"
#include "protocol/error_code.h"
#include "shell/app_settings.h"
#include "shell/login_dialog.h"

namespace softphone::ui {

using im::ConnectionState;
using protocol::ErrorCode;

SignInFlow::SignInFlow(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_credentials(settings->profile())
{
    connect(&m_registrar, &im::AccountRegistrar::registered, this, [this](const QString &) {
        signIn(m_login->servers(), m_login->account(), m_login->password(), {},
               m_login->remember());
    });
    connect(&m_registrar, &im::AccountRegistrar::refused, this,
            [this](int code, const QString &message) {
                m_login->setBusy(false);
                if (code == int(ErrorCode::AccountExists))
                    m_login->showError(tr("That account id is taken. Choose another one."));
                else if (code == int(ErrorCode::RegistrationClosed))
                    m_login->showError(tr("This server does not let you register; ask its "
                                          "operator for an account."));
                else
                    m_login->showError(tr("Registration refused: %1").arg(message));
            });
    connect(&m_registrar, &im::AccountRegistrar::unreachable, this, [this](const QString &) {
        const QList<QUrl> servers = m_login->servers();
        if (++m_unreachable < servers.size()) {  // a cluster: the next node may answer
            m_registrar.registerAccount(servers.at(m_unreachable), m_login->account(),
                                        m_login->password());
            return;
        }
        m_login->setBusy(false);
        m_login->showError(tr("Cannot reach the server at %1. Check the address and that the "
                              "server is running.")
                               .arg(im::serverListText(servers)));
    });
}

SignInFlow::~SignInFlow() = default;

QString SignInFlow::keychainProblem()
{
    if (!CredentialStore::isCompiledIn())
        return tr("this build has no keychain support");
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return tr("no D-Bus session for the Secret Service");
#endif
    return {};
}

void SignInFlow::start(const QList<QUrl> &givenServers, const QString &givenAccount,
                       const QString &givenPassword)
{
    m_login = std::make_unique<LoginDialog>();
    updateRememberNote();
    const QString problem = keychainProblem();
    connect(m_login.get(), &LoginDialog::signInRequested, this,
            [this](const QList<QUrl> &servers, const QString &account, const QString &password,
                   bool remember) { signIn(servers, account, password, {}, remember); });
    connect(m_login.get(), &LoginDialog::registerRequested, this, &SignInFlow::registerAccount);
    connect(m_login.get(), &QDialog::rejected, this, &SignInFlow::dismissed);
    const QList<QUrl> servers = givenServers.isEmpty() ? m_settings->lastServers() : givenServers;
    m_login->setServers(servers);
    m_login->setAccount(givenAccount.isEmpty() ? m_settings->lastAccount() : givenAccount);
    m_login->setRemember(m_settings->rememberSignIn());

    if (!givenAccount.isEmpty() && !givenPassword.isEmpty()) {
        signIn(servers, givenAccount, givenPassword, {}, false);
        return;
    }
    const QString account = m_settings->lastAccount();
    if (m_settings->rememberSignIn() && !account.isEmpty() && problem.isEmpty() &&
        (givenAccount.isEmpty() || givenAccount == account)) {
        m_credentials.load(
            servers.first(), account,
            [this, servers, account](std::optional<QString> token, const QString &error) {
                if (token && !token->isEmpty()) {
                    signIn(servers, account, {}, *token, true);
                    return;
                }
                if (!error.isEmpty()) {
                    m_keychainError = error;
                    updateRememberNote();
                }
                showLogin();
            });
        return;
    }
    showLogin();
}

void SignInFlow::showLogin(const QString &error)
{
    m_login->setBusy(false);
    if (!error.isEmpty())
        m_login->showError(error);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
    emit dialogShown();
}

void SignInFlow::signIn(const QList<QUrl> &servers, const QString &account, const QString &password,
                        const QString &token, bool remember)
{
    m_servers = servers;
    m_unreachable = 0;
    m_account = account;
    m_remember = remember;
    m_byToken = !token.isEmpty();
    m_signingIn = true;
    if (m_login->isVisible())
        m_login->setBusy(true, tr("Signing in…"));

    im::Credentials credentials;
    credentials.server = servers.first();
    credentials.moreServers = servers.mid(1);
    credentials.account = account;
    credentials.password = password;
    credentials.token = token;
    credentials.deviceId = m_settings->deviceId(account);
    emit connectRequested(credentials);
}

void SignInFlow::watch(im::ImClient *im)
{
    m_im = im;
    connect(im, &im::ImClient::stateChanged, this, &SignInFlow::onConnection);
    connect(im, &im::ImClient::loginFailed, this, &SignInFlow::onLoginFailed);
}

void SignInFlow::registerAccount(const QList<QUrl> &servers, const QString &account,
                                 const QString &password)
{
    m_login->setBusy(true, tr("Creating the account…"));
    m_unreachable = 0;
    m_registrar.registerAccount(servers.first(), account, password);
}

void SignInFlow::onConnection(ConnectionState state)
{
    if (!m_signingIn)
        return;
    if (state == ConnectionState::Online) {
        m_signingIn = false;
        emit connected();
    } else if (state == ConnectionState::Waiting && ++m_unreachable >= m_servers.size()) {
        // Each server of the list has been tried once: say so rather than retry behind the
        // dialog. (Until then the client goes on to the next one.)
        m_signingIn = false;
        m_im->stop();
        showLogin(tr("Cannot reach the server at %1. Check the address and that the server is "
                     "running.")
                      .arg(im::serverListText(m_servers)));
    }
}

void SignInFlow::onLoginFailed(int code, const QString &message)
{
    QString text;
    if (code == int(ErrorCode::BadCredentials)) {
        text = tr("Wrong account or password.");
    } else if (code == int(ErrorCode::InvalidToken)) {
        m_credentials.forget(m_servers.first(), m_account);
        text = tr("Your saved sign-in has expired. Enter your password.");
    } else if (code == int(ErrorCode::UnsupportedVersion)) {
        text = tr("This server speaks another version of the protocol. Update the app.");
    } else {
        text = tr("Sign-in refused: %1").arg(message);
    }
    const bool wasSignedIn = !m_signingIn;
    m_signingIn = false;
    emit refused();
    showLogin(wasSignedIn ? tr("You were signed out. %1").arg(text) : text);
}

void SignInFlow::finish(const QString &token)
{
    m_settings->setLastSignIn(m_servers, m_account, m_remember);
    if (m_remember && !m_byToken) {
        m_credentials.save(m_servers.first(), m_account, token, [this](const QString &error) {
            if (error.isEmpty())
                return;
            m_settings->setLastSignIn(m_servers, m_account, false);
            emit notRemembered(tr("Your sign-in is not remembered: the system keychain is "
                                  "unavailable (%1).")
                                   .arg(error));
        });
    }
    m_login->hide();
    m_login->showNotice({});
}

void SignInFlow::forget()
{
    if (m_servers.isEmpty())
        return;
    m_credentials.forget(m_servers.first(), m_account);
    m_settings->setLastSignIn(m_servers, m_account, false);
}

void SignInFlow::showAgain()
{
    m_login->setAccount(m_account);
    showLogin();
}

void SignInFlow::updateRememberNote()
{
    if (!m_login)
        return;
    const QString problem = m_keychainError.isEmpty() ? keychainProblem() : m_keychainError;
    m_login->setRememberAvailable(problem.isEmpty(), problem);
}

}  // namespace softphone::ui
