#pragma once

#include "protocol/messages.h"

#include <QSqlDatabase>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace softphone::im {

// LocalOnly: written by this device for itself (its own call records while built-in records
// are off); never sent, never resent. Delivered and Read: the peer's receipts (msg.receipt)
// for a message the server has. The values are stored: new states go at the end.
enum class DeliveryState { Pending, Sent, Failed, LocalOnly, Delivered, Read };

// The server has the message: sent, and perhaps delivered or read since.
inline bool isOnServer(DeliveryState state)
{
    return state == DeliveryState::Sent || state == DeliveryState::Delivered ||
           state == DeliveryState::Read;
}

// A message as this device keeps it: the wire message plus what only this device knows.
struct StoredMessage
{
    std::int64_t localId = 0;   // order of arrival on this device; pages are cut by it
    protocol::Message message;  // msgidServer is 0 while pending
    DeliveryState delivery = DeliveryState::Sent;
    bool read = false;
};

struct Conversation
{
    QString peer;
    std::optional<StoredMessage> last;
    int unread = 0;
    int missedCalls = 0;  // call records in which this account missed the call, not yet seen
};

// This device's copy of one account's conversations: an SQLite file per account, so a
// device used by several people keeps them apart. The sender's own records are stored
// exactly as the receiver's are.
class LocalStore
{
public:
    LocalStore(QString path, QString account);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    QString open();  // error text or empty
    const QString &account() const { return m_account; }

    // A message from the server (pushed, synced or paged in), as stored; nullopt if it was
    // here already (same sender and msgidClient): resends and overlapping syncs add nothing.
    std::optional<StoredMessage> addFromServer(const protocol::Message &message);
    // A message this device is sending, stored as pending until markSent.
    std::optional<StoredMessage> addOutgoing(const protocol::Message &message);
    // A message kept on this device only; nullopt if one with its sender and msgidClient is
    // here already.
    std::optional<StoredMessage> addLocalOnly(const protocol::Message &message, bool read);
    bool markSent(const std::string &msgidClient, std::int64_t msgidServer, std::int64_t timestamp);
    void markFailed(const std::string &msgidClient);
    std::vector<StoredMessage> pendingOutgoing();
    std::optional<StoredMessage> findOwn(const std::string &msgidClient);
    bool remove(std::int64_t localId);  // "Delete (local)"
    // Drops a pending outgoing message; returns its localId if there was one.
    std::optional<std::int64_t> removeOutgoing(const std::string &msgidClient);

    // Messages of a conversation, oldest first: the `limit` newest before `beforeLocalId`.
    std::vector<StoredMessage> page(const QString &peer, std::optional<std::int64_t> beforeLocalId,
                                    int limit);
    int count(const QString &peer);
    std::vector<Conversation> conversations();  // the most recent first
    std::optional<Conversation> conversation(const QString &peer);
    void markRead(const QString &peer);
    std::vector<StoredMessage> callRecords(bool missedOnly, int limit);
    // The call records of one conversation, oldest first: the `limit` newest.
    std::vector<StoredMessage> callRecordsWith(const QString &peer, int limit);
    // The records of the call on `channelId`, whoever wrote them.
    std::vector<StoredMessage> callRecordsOfChannel(std::int64_t channelId);

    // The peer's receipt for our messages: those up to its marks become Delivered or Read.
    // Returns the local ids of the messages whose state changed.
    std::vector<std::int64_t> applyPeerReceipt(const QString &peer, std::int64_t delivered,
                                               std::int64_t read);
    // Another of our devices read the peer's messages up to `upTo`; true if any was unread.
    bool markReadUpTo(const QString &peer, std::int64_t upTo);
    // The msgidServer of the newest message the peer sent us; 0 if none.
    std::int64_t lastIncoming(const QString &peer);

    std::int64_t syncCursor();
    void setSyncCursor(std::int64_t cursor);

    // Whether this account missed the call the record describes (it was the callee and did
    // not answer: canceled, timeout or busy).
    static bool isMissedCall(const protocol::Message &message, const QString &viewer);

private:
    std::optional<StoredMessage> insert(const protocol::Message &message, DeliveryState delivery,
                                        bool read);
    std::vector<StoredMessage> select(const QString &where, const QVariantList &bindings);
    std::vector<Conversation> selectConversations(const QString &where,
                                                  const QVariantList &bindings);
    QString peerOf(const protocol::Message &message) const;
    bool isTakenCall(const protocol::Message &message) const;

    QString m_path;
    QString m_account;
    QString m_connection;
    QSqlDatabase m_db;
};

}  // namespace softphone::im
