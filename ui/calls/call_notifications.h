#pragma once

#include "call/call_state_machine.h"
#include "protocol/call_record.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

namespace softphone::ui {

class ClientSession;
class Notifier;

// Which call events notify, and what they say: an incoming call while the main window is
// not in front (taken back once the call is answered, here or elsewhere, or ends), and a
// missed call with a "Call back" action. Nothing while do-not-disturb
// is on (the missed call still counts in the badge and the call log).
class CallNotifications : public QObject
{
    Q_OBJECT

public:
    CallNotifications(ClientSession *session, Notifier *notifier, QObject *parent = nullptr);

    void setNotifier(Notifier *notifier) { m_notifier = notifier; }
    void setWindow(QWidget *window) { m_window = window; }
    void setDoNotDisturb(bool on) { m_doNotDisturb = on; }

signals:
    void callBackRequested(const QString &peer, softphone::protocol::CallType type);

private:
    void onIncoming(const QString &caller, const QString &name, protocol::CallType type);
    void onMissed(const QString &peer, protocol::CallType type);
    void onCallState(call::CallState state);

    ClientSession *m_session;
    Notifier *m_notifier;
    QPointer<QWidget> m_window;
    bool m_doNotDisturb = false;
    bool m_incomingShown = false;
};

}  // namespace softphone::ui
