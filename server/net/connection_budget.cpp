#include "net/connection_budget.h"

#include <QtGlobal>
#include <cstdint>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace softphone::server {

namespace {

// Descriptors kept for the database, logs, webhooks and sockets still in their handshake.
constexpr std::size_t kReserve = 256;

std::size_t capacityFromLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const auto files = std::size_t(limit.rlim_cur);
        return files > 2 * kReserve ? files - kReserve : files / 2;
    }
#endif
    return SIZE_MAX;
}

}  // namespace

ConnectionBudget::ConnectionBudget()
    : ConnectionBudget(capacityFromLimit())
{}

}  // namespace softphone::server
