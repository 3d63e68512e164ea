#pragma once

#include "protocol/call_record.h"

#include <QCoreApplication>
#include <QString>

namespace softphone::records {

// How one call record looks to the person viewing it: the caller and the callee see each of
// the five statuses worded differently (protocol.md §10 has the statuses).
struct CallRecordView
{
    QString text;           // "Outgoing voice call · 2:35", "Missed call", ...
    QString duration;       // the viewer's own time in the call, status 1 only; else empty
    QString iconName;       // "call-<audio|video>-<outgoing|incoming>[-missed]"
    QString preview;        // for the conversation list: "[Voice call]", "[Missed video call]"
    bool outgoing = false;  // the viewer placed the call
    bool missed = false;    // the viewer was called and did not answer: shown in red, counted
    protocol::CallType type = protocol::CallType::Audio;
    protocol::CallStatus status = protocol::CallStatus::Completed;
};

// Words a record for its viewer. Every record's sender is the caller, so the viewer is
// the caller exactly when they are the record's `from`.
class CallRecordPresenter
{
    Q_DECLARE_TR_FUNCTIONS(CallRecordPresenter)

public:
    static CallRecordView present(const protocol::CallRecord &record, const QString &caller,
                                  const QString &viewer);
    // m:ss under an hour, h:mm:ss from one hour on.
    static QString formatDuration(qint64 seconds);

private:
    static QString wording(const protocol::CallRecord &record, bool outgoing,
                           const QString &duration);
    static QString preview(const protocol::CallRecord &record, bool missed);
};

}  // namespace softphone::records
