#pragma once

#include "call/call_controller.h"

#include <QCoreApplication>
#include <QString>

namespace softphone::ui {

// What the call windows say about a call that ended or could not be placed.
class CallEndText
{
    Q_DECLARE_TR_FUNCTIONS(CallEndText)

public:
    // How the call ended; for a failed call, why its media did not connect (FailureCause).
    static QString endText(call::EndReason reason,
                           call::FailureCause cause = call::FailureCause::None);
    static QString failureText(call::FailureCause cause);
    // Why a call could not be placed, from the error of the failed request.
    static QString requestFailureText(int code, const QString &message);
};

}  // namespace softphone::ui
