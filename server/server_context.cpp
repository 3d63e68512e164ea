#include "server_context.h"

#include <QDateTime>

namespace softphone::server {

std::int64_t ServerContext::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace softphone::server
