#pragma once

#include "call/call_controller.h"
#include "call/local_call_recorder.h"
#include "im/im_client.h"
#include "im/presence_book.h"
#include "models/call_log_model.h"
#include "models/contact_list_model.h"
#include "models/conversation_list_model.h"

#include <QObject>
#include <memory>

namespace softphone::ui {

// One signed-in account: the IM client's models and its call controller, wired together.
// Neither the client nor its store is owned; both outlive the session.
class ClientSession : public QObject
{
    Q_OBJECT

public:
    ClientSession(im::ImClient *im, im::LocalStore *store, QObject *parent = nullptr);
    ~ClientSession() override;

    im::ImClient *im() const { return m_im; }
    im::LocalStore *store() const { return m_store; }
    QString account() const { return m_store->account(); }
    im::PresenceBook *presence() const { return m_presence.get(); }
    call::CallController *callController() const { return m_calls.get(); }
    records::ConversationListModel *conversations() const { return m_conversations.get(); }
    im::ContactListModel *contacts() const { return m_contacts.get(); }
    records::CallLogModel *callLog() const { return m_callLog.get(); }

    void sendText(const QString &peer, const QString &text);
    void markRead(const QString &peer);
    int unreadCount() const;
    int missedCallCount() const;

signals:
    void messageStored(const softphone::im::StoredMessage &message);
    void messageChanged(qint64 localId);
    void messageRemoved(qint64 localId);
    void missedCall(const QString &peer, softphone::protocol::CallType type);
    void countsChanged();

private:
    void onMessageStored(const im::StoredMessage &message);
    void onMessageRemoved(qint64 localId);

    im::ImClient *m_im;
    im::LocalStore *m_store;
    std::unique_ptr<im::PresenceBook> m_presence;
    std::unique_ptr<call::CallController> m_calls;
    std::unique_ptr<records::ConversationListModel> m_conversations;
    std::unique_ptr<im::ContactListModel> m_contacts;
    std::unique_ptr<records::CallLogModel> m_callLog;
    std::unique_ptr<records::LocalCallRecorder> m_recorder;  // while built-in records are off
};

}  // namespace softphone::ui
