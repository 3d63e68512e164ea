#pragma once

#include "protocol/call_record.h"
#include "storage/channel_ids.h"

#include <QString>
#include <QVariant>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace softphone::server {

class Database;

struct StoredCall
{
    std::string cid;
    std::int64_t channelId = 0;
    std::string caller;
    std::string callee;
    protocol::CallType type = protocol::CallType::Audio;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> answeredAt;
    std::optional<std::int64_t> endedAt;
    std::optional<protocol::CallStatus> endStatus;
    std::optional<std::int64_t> recordMsgid;
    std::string callerDevice;  // "" in calls stored by older servers
    std::string calleeDevice;  // the answering device
};

struct RoomStay
{
    std::string accid;
    std::int64_t uid = 0;
    std::int64_t joinTime = 0;
    std::optional<std::int64_t> leaveTime;
};

// Calls and room stays in the database, so a restart can finish what a crash interrupted.
class CallStore
{
public:
    explicit CallStore(Database &db)
        : m_db(db)
        , m_channelIds(db)
    {}

    bool load();
    // In a cluster: the node whose calls this store writes and recovers.
    void setOwnerNode(std::string node) { m_ownerNode = std::move(node); }
    std::int64_t nextChannelId() { return m_channelIds.next(); }

    bool insert(const StoredCall &call);
    // A call that was never placed after all (its caller turned out busy on another node).
    void erase(const std::string &cid);
    void markAnswered(const std::string &cid, std::int64_t at, const std::string &device);
    // With `recordMsgid`, the call's end and its record are one write.
    void markEnded(const std::string &cid, std::int64_t at, protocol::CallStatus status,
                   std::optional<std::int64_t> recordMsgid = std::nullopt);
    void markRecord(std::int64_t channelId, std::int64_t msgid);
    std::optional<StoredCall> byChannel(std::int64_t channelId);
    std::optional<StoredCall> byCid(const std::string &cid);
    std::vector<StoredCall> unfinished();  // this node's calls not ended, or without a record

    void joinRoom(const std::string &cid, const std::string &accid, std::int64_t uid,
                  std::int64_t at);
    void leaveRoom(const std::string &cid, const std::string &accid, std::int64_t at);
    void closeRoom(const std::string &cid, std::int64_t at);  // every stay still open ends
    std::vector<RoomStay> stays(const std::string &cid);

    // The server's last sign of life, written while calls are answered: after a crash, stays
    // open at that moment end there, so durations never count the outage.
    void markAlive(std::int64_t at);
    std::optional<std::int64_t> lastAlive();

private:
    std::vector<StoredCall> select(const QString &where, std::initializer_list<QVariant> bindings);

    Database &m_db;
    ChannelIds m_channelIds;
    std::string m_ownerNode;  // "" on a single node
};

}  // namespace softphone::server
