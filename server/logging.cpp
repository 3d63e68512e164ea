#include "logging.h"

namespace softphone::server {

Q_LOGGING_CATEGORY(lcServer, "softphone.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "softphone.server.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "softphone.server.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCall, "softphone.server.call", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "softphone.server.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "softphone.server.http", QtInfoMsg)

}  // namespace softphone::server
