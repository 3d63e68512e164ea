#include "models/call_record_presenter.h"

#include "protocol/call_rules.h"

namespace softphone::records {

using protocol::CallStatus;
using protocol::CallType;

QString CallRecordPresenter::formatDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 rest = seconds % 60;
    const auto twoDigits = [](qint64 n) {
        return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
    };
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(twoDigits(minutes), twoDigits(rest));
    return QStringLiteral("%1:%2").arg(minutes).arg(twoDigits(rest));
}

QString CallRecordPresenter::wording(const protocol::CallRecord &record, bool outgoing,
                                     const QString &duration)
{
    const bool video = record.type == CallType::Video;
    switch (record.status) {
    case CallStatus::Completed:
        if (outgoing)
            return video ? tr("Outgoing video call · %1").arg(duration)
                         : tr("Outgoing voice call · %1").arg(duration);
        return video ? tr("Incoming video call · %1").arg(duration)
                     : tr("Incoming voice call · %1").arg(duration);
    case CallStatus::Canceled:
        return outgoing ? tr("Canceled") : tr("Missed call");
    case CallStatus::Rejected:
        return outgoing ? tr("Declined") : tr("You declined");
    case CallStatus::Timeout:
        return outgoing ? tr("No answer") : tr("Missed call");
    case CallStatus::Busy:
        return outgoing ? tr("Line busy") : tr("Missed call (you were busy)");
    }
    return {};
}

QString CallRecordPresenter::preview(const protocol::CallRecord &record, bool missed)
{
    const bool video = record.type == CallType::Video;
    if (missed)
        return video ? tr("[Missed video call]") : tr("[Missed voice call]");
    return video ? tr("[Video call]") : tr("[Voice call]");
}

CallRecordView CallRecordPresenter::present(const protocol::CallRecord &record,
                                            const QString &caller, const QString &viewer)
{
    CallRecordView view;
    view.type = record.type;
    view.status = record.status;
    view.outgoing = viewer == caller;
    view.missed = protocol::isMissed(record.status, view.outgoing);
    if (record.status == CallStatus::Completed)
        view.duration = formatDuration(record.durationOf(viewer.toStdString()).value_or(0));
    view.text = wording(record, view.outgoing, view.duration);
    view.preview = preview(record, view.missed);
    view.iconName =
        QStringLiteral("call-%1-%2%3")
            .arg(record.type == CallType::Video ? QStringLiteral("video") : QStringLiteral("audio"),
                 view.outgoing ? QStringLiteral("outgoing") : QStringLiteral("incoming"),
                 view.missed ? QStringLiteral("-missed") : QString());
    return view;
}

}  // namespace softphone::records
