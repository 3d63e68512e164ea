#include "calls/call_end_text.h"

#include "im/rpc_channel.h"
#include "protocol/error_code.h"

namespace softphone::ui {

QString CallEndText::endText(call::EndReason reason, call::FailureCause cause)
{
    switch (reason) {
    case call::EndReason::None:
    case call::EndReason::HungUp:
        return tr("Call ended");
    case call::EndReason::RemoteHungUp:
        return tr("The other side hung up");
    case call::EndReason::Canceled:
        return tr("Canceled");
    case call::EndReason::RemoteDeclined:
        return tr("Declined");
    case call::EndReason::Declined:
        return tr("You declined");
    case call::EndReason::Busy:
        return tr("Line busy");
    case call::EndReason::NoAnswer:
        return tr("No answer");
    case call::EndReason::Missed:
        return tr("Missed call");
    case call::EndReason::AnsweredElsewhere:
        return tr("Answered on another device");
    case call::EndReason::DeclinedElsewhere:
        return tr("Declined on another device");
    case call::EndReason::Failed:
        return failureText(cause);
    }
    return {};
}

QString CallEndText::failureText(call::FailureCause cause)
{
    switch (cause) {
    case call::FailureCause::NoRoute:
        return tr("Call failed: no network path to the other side");
    case call::FailureCause::TurnRefused:
        return tr("Call failed: the relay server refused the connection");
    case call::FailureCause::DtlsFailed:
        return tr("Call failed: the secure connection could not be set up");
    case call::FailureCause::None:
    case call::FailureCause::MediaError:
        break;
    }
    return tr("Call failed");
}

QString CallEndText::requestFailureText(int code, const QString &message)
{
    switch (code) {
    case int(im::LocalError::Timeout):
    case int(im::LocalError::Disconnected):
        return tr("Call failed: you are not connected to the server");
    case int(protocol::ErrorCode::NoSuchAccount):
        return tr("Call failed: there is no such account");
    case int(protocol::ErrorCode::CallerBusy):
        return tr("Call failed: you are already in a call");
    case int(protocol::ErrorCode::CalleeIsSelf):
        return tr("Call failed: you cannot call yourself");
    default:
        return tr("Call failed: %1").arg(message);
    }
}

}  // namespace softphone::ui
