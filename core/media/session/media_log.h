#pragma once

#include <QLoggingCategory>

namespace softphone::media {

// "softphone.media": a call's session and pipeline (defined in media_session.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcMedia)

}  // namespace softphone::media
