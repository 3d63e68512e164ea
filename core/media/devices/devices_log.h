#pragma once

#include <QLoggingCategory>

// "softphone.media.devices": devices opened, switched and failing (defined in device_router.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcDevices)
