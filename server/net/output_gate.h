#pragma once

#include <functional>
#include <string>
#include <vector>

namespace softphone::server {

class ClientConnection;
class Database;

// The server's one durability rule, enforced where its words leave: nothing it says goes out
// before the writes made ahead of it are committed. While a write group is open, every
// response and event waits for that group's commit, in the order it was said; so an
// acknowledgement, an event and a read (which may show rows of the open group) all speak
// only of durable data. A failed commit closes the connections that were to be told about it:
// their clients reconnect and resynchronise with what is really stored. What goes to the other
// nodes of a cluster waits the same way (see ClusterNode).
//
// What is said in a turn reaches the gate at the turn's end, and a group's commit can come due
// within the turn (the loop fires its timers after it has read its sockets): the words carry
// the group that was open, or next to open, when the first of them was said (mark()), and a
// group from that one on that failed meanwhile stops them as its open commit would.
class OutputGate
{
public:
    explicit OutputGate(Database &db)
        : m_db(db)
    {}

    // What words said now are held to: taken when the first of a turn's words is said.
    std::uint64_t mark() const;
    // True if `frames`, said since `mark`, were held or stopped; they then go out on
    // `connection`, in order, after the commit, or the connection is closed if it failed.
    bool hold(ClientConnection &connection, std::vector<std::string> &frames, std::uint64_t mark);
    // True if writes since `mark` are waiting for their commit, or one has failed: `then` is
    // called after the commit, or at once for the failure, with whether the writes held; false
    // if nothing is waiting (`then` is not called).
    bool holdUntilCommitted(std::function<void(bool durable)> then, std::uint64_t mark);

private:
    Database &m_db;
};

}  // namespace softphone::server
