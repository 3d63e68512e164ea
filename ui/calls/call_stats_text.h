#pragma once

#include "media/session/media_stats.h"

#include <QCoreApplication>
#include <QString>

namespace softphone::ui {

// The call's figures as the quality bars' tooltip shows them: round trip, loss, jitter,
// bitrates and, with video, the received picture.
class CallStatsText
{
    Q_DECLARE_TR_FUNCTIONS(CallStatsText)

public:
    static QString describe(const media::MediaStats &stats);
};

}  // namespace softphone::ui
