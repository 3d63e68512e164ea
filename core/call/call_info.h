#pragma once

#include "call/failure_cause.h"
#include "protocol/call_record.h"

#include <QString>

namespace softphone::call {

// What the controller knows of the current (or just ended) call.
struct CallInfo
{
    QString cid;
    qint64 channelId = 0;
    QString peer;      // the other account
    QString peerName;  // its display name, when the server told us
    protocol::CallType type = protocol::CallType::Audio;
    bool outgoing = false;
    qint64 startedMs = 0;   // dialled or rung
    qint64 answeredMs = 0;  // 0 until answered
    qint64 endedMs = 0;
    qint64 localUid = 0;  // our uid in the room, once joined
    bool peerInRoom = false;
    FailureCause failure = FailureCause::None;  // why it ended as failed, when it did
    QString failureDetail;                      // the same in words, for logs and the CLI
};

}  // namespace softphone::call
