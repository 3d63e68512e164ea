#include "calls/call_notifications.h"

#include "shell/client_session.h"
#include "shell/notifier.h"

namespace softphone::ui {

using protocol::CallType;

CallNotifications::CallNotifications(ClientSession *session, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_notifier(notifier)
{
    connect(session->callController(), &call::CallController::incoming, this,
            [this](const QString &caller, const QString &name, CallType type, const QString &) {
                onIncoming(caller, name, type);
            });
    connect(session, &ClientSession::missedCall, this, &CallNotifications::onMissed);
    connect(session->callController(), &call::CallController::stateChanged, this,
            &CallNotifications::onCallState);
}

namespace {
const QString kIncomingTag = QStringLiteral("incoming-call");
const QString kMissedTag = QStringLiteral("missed-call");
}  // namespace

void CallNotifications::onCallState(call::CallState state)
{
    if (state == call::CallState::Incoming || !m_incomingShown)
        return;
    m_incomingShown = false;
    if (m_notifier)
        m_notifier->withdraw(kIncomingTag);
}

void CallNotifications::onIncoming(const QString &caller, const QString &name, CallType type)
{
    if (!m_notifier || m_doNotDisturb || (m_window && m_window->isActiveWindow()))
        return;
    Notification notification;
    notification.title =
        type == CallType::Video ? tr("Incoming video call") : tr("Incoming voice call");
    notification.text = name.isEmpty() ? m_session->presence()->displayName(caller) : name;
    notification.tag = kIncomingTag;
    m_incomingShown = true;
    m_notifier->notify(std::move(notification));
}

void CallNotifications::onMissed(const QString &peer, CallType type)
{
    if (!m_notifier || m_doNotDisturb)
        return;
    Notification notification;
    notification.title =
        type == CallType::Video ? tr("Missed video call") : tr("Missed voice call");
    notification.text = m_session->presence()->displayName(peer);
    notification.actionText = tr("Call back");
    notification.action = [self = QPointer<CallNotifications>(this), peer, type] {
        if (self)
            emit self->callBackRequested(peer, type);
    };
    notification.urgent = true;
    notification.tag = kMissedTag;
    m_notifier->notify(std::move(notification));
}

}  // namespace softphone::ui
