#pragma once

#include "protocol/call_record.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace softphone::ui {

class ClientSession;

// The contacts with their presence; add one by account id, start a chat or a call, remove
// one (context menu or Delete, after a confirmation).
class ContactsView : public QWidget
{
    Q_OBJECT

public:
    explicit ContactsView(ClientSession *session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QString selectedAccount() const;
    QAction *removeAction() const { return m_remove; }

signals:
    void chatRequested(const QString &peer);
    void callRequested(const QString &peer, softphone::protocol::CallType type);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Request { Add, Remove };

    void retranslate();
    void addContact();
    void removeSelected();
    bool confirmRemoval(const QString &account);
    void showContextMenu(const QPoint &position);
    void showFailure(int code, const QString &message);
    void selectAdded(int row);
    void updateButtons();

    ClientSession *m_session;
    QLineEdit *m_account;
    QPushButton *m_add;
    QLabel *m_error;
    QListView *m_list;
    QPushButton *m_chat;
    QPushButton *m_voice;
    QPushButton *m_video;
    QAction *m_remove;
    Request m_lastRequest = Request::Add;
    QString m_adding;  // the account id whose addition is on its way
};

}  // namespace softphone::ui
