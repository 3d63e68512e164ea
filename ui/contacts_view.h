#pragma once

#include "protocol/call_record.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace softphone::ui {

class ClientSession;

// The contacts with their presence; add one by account id, start a chat or a call.
class ContactsView : public QWidget
{
    Q_OBJECT

public:
    explicit ContactsView(ClientSession *session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QString selectedAccount() const;

signals:
    void chatRequested(const QString &peer);
    void callRequested(const QString &peer, softphone::protocol::CallType type);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void addContact();
    void updateButtons();

    ClientSession *m_session;
    QLineEdit *m_account;
    QPushButton *m_add;
    QLabel *m_error;
    QListView *m_list;
    QPushButton *m_chat;
    QPushButton *m_voice;
    QPushButton *m_video;
};

}  // namespace softphone::ui
