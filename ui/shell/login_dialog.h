#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace softphone::ui {

// Server URL, account and password; Sign in or Register. Checks what it can itself (a
// ws:// or wss:// URL, an account, a password) and shows the errors it is given: a wrong
// password, a server that cannot be reached, a taken account id.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    void setServers(const QList<QUrl> &servers);
    void setAccount(const QString &account);
    void setRemember(bool remember);
    // Without a keychain the box is off and disabled, and `reason` says why.
    void setRememberAvailable(bool available, const QString &reason = {});
    void setBusy(bool busy, const QString &message = {});
    void showError(const QString &message);
    void showNotice(const QString &message);
    QString errorText() const;

    QList<QUrl> servers() const;  // empty when the field does not parse
    QString account() const;
    QString password() const;
    bool remember() const;

signals:
    void signInRequested(const QList<QUrl> &servers, const QString &account,
                         const QString &password, bool remember);
    void registerRequested(const QList<QUrl> &servers, const QString &account,
                           const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    bool validate();

    QLabel *m_title;
    QLabel *m_serverLabel;
    QLineEdit *m_server;
    QLabel *m_accountLabel;
    QLineEdit *m_account;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QLabel *m_message;
    QPushButton *m_signIn;
    QPushButton *m_register;
    QString m_rememberReason;
    bool m_isError = false;
};

}  // namespace softphone::ui
