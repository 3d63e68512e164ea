#pragma once

#include <cstddef>

namespace softphone::server {

// How many connections the process's descriptor limit leaves room for. At the limit Qt's
// listener neither stops nor reports: accept() fails with EMFILE and is retried at once,
// forever, spinning the event loop. The server stops accepting when the budget is spent and
// starts again as connections close; newcomers wait in the listen backlog meanwhile.
class ConnectionBudget
{
public:
    ConnectionBudget();  // from RLIMIT_NOFILE, less a reserve for everything else
    explicit ConnectionBudget(std::size_t capacity)
        : m_capacity(capacity)
    {}

    std::size_t capacity() const { return m_capacity; }
    std::size_t used() const { return m_used; }
    bool isSpent() const { return m_used >= m_capacity; }

    void take() { ++m_used; }
    void giveBack() { --m_used; }

private:
    std::size_t m_capacity;
    std::size_t m_used = 0;
};

}  // namespace softphone::server
