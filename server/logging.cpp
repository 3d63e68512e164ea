#include "logging.h"

namespace softphone::server {

Q_LOGGING_CATEGORY(lcServer, "softphone.server")
Q_LOGGING_CATEGORY(lcStorage, "softphone.server.storage")
Q_LOGGING_CATEGORY(lcSession, "softphone.server.session")
Q_LOGGING_CATEGORY(lcCall, "softphone.server.call")
Q_LOGGING_CATEGORY(lcWebhook, "softphone.server.webhook")
Q_LOGGING_CATEGORY(lcHttp, "softphone.server.http")

}  // namespace softphone::server
