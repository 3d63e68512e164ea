#pragma once

#include "net/client_connection.h"
#include "net/responder.h"
#include "protocol/messages.h"
#include "server_context.h"
#include "storage/receipt_store.h"

#include <QObject>
#include <optional>

namespace softphone::server {

class RecordAdmission;

// msg.send, msg.history, msg.sync and msg.receipt: stamping, persisting before the ack,
// idempotent resends and delivery to every device concerned.
class MessageService : public QObject
{
    Q_OBJECT

public:
    MessageService(ServerContext &context, QObject *parent = nullptr);
    void setRecordAdmission(RecordAdmission *admission) { m_admission = admission; }

    void send(ClientConnection &sender, const protocol::SendMessage &params, Responder reply);
    void history(ClientConnection &client, const protocol::History &params, Responder reply);
    void sync(ClientConnection &client, const protocol::Sync &params, Responder reply);
    void receipt(ClientConnection &reader, const protocol::MarkReceipt &params, Responder reply);

    // Stores a message the server sends on someone's behalf and delivers it to every device
    // of both parties. nullopt if the database refused it. `mayExist`: it may have been stored
    // before (recovery after a crash), so look for it first.
    std::optional<protocol::Message> storeAndDeliver(protocol::Message message, bool mayExist);

signals:
    void messageStored(const softphone::protocol::Message &message);

private:
    void deliver(const protocol::Message &message, const ClientConnection *except);

    ServerContext &m_context;
    ReceiptStore m_receipts;
    RecordAdmission *m_admission = nullptr;
};

}  // namespace softphone::server
