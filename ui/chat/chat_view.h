#pragma once

#include "protocol/call_record.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace softphone::im {
struct StoredMessage;
}
namespace softphone::records {
class MessageListModel;
}

namespace softphone::ui {

class ClientSession;
class MessageListView;

// One conversation: a header with the peer and call buttons, the messages and call records
// (paged in as the user scrolls up), and a composer.
class ChatView : public QWidget
{
    Q_OBJECT

public:
    explicit ChatView(ClientSession *session, QWidget *parent = nullptr);
    ~ChatView() override;

    void openConversation(const QString &peer);
    const QString &peer() const { return m_peer; }
    MessageListView *messageView() const { return m_list; }
    records::MessageListModel *model() const { return m_model.get(); }

    void copyMessage(const QModelIndex &index);
    void deleteMessage(const QModelIndex &index);

signals:
    void callRequested(const QString &peer, softphone::protocol::CallType type);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateHeader();
    void send();
    void onMessageStored(const im::StoredMessage &message);
    void showContextMenu(const QPoint &position);

    ClientSession *m_session;
    QString m_peer;
    std::unique_ptr<records::MessageListModel> m_model;
    QLabel *m_name;
    QLabel *m_presence;
    QToolButton *m_voiceCall;
    QToolButton *m_videoCall;
    MessageListView *m_list;
    QLineEdit *m_composer;
    QPushButton *m_send;
};

}  // namespace softphone::ui
