#include "calls/call_coordinator.h"

#include "calls/call_media_controls.h"
#include "calls/call_window.h"
#include "calls/incoming_call_window.h"
#include "calls/mini_call_window.h"

namespace softphone::ui {

using call::CallState;

CallCoordinator::CallCoordinator(call::CallController *calls, QObject *parent)
    : QObject(parent)
    , m_calls(calls)
    , m_callWindow(std::make_unique<CallWindow>(calls, nullptr))
    , m_incomingWindow(std::make_unique<IncomingCallWindow>(calls))
    , m_miniWindow(std::make_unique<MiniCallWindow>(m_callWindow.get()))
{
    connect(m_callWindow.get(), &CallWindow::devicePicked, this, &CallCoordinator::devicePicked);
    connect(m_callWindow.get(), &CallWindow::miniModeRequested, this,
            [this] { setMiniMode(true); });
    connect(m_miniWindow.get(), &MiniCallWindow::expandRequested, this,
            [this] { setMiniMode(false); });
    connect(m_calls, &call::CallController::stateChanged, this, &CallCoordinator::onState);
    connect(m_incomingWindow.get(), &IncomingCallWindow::accepted, this, [this](bool withVideo) {
        m_callWindow->setCameraOn(withVideo);
        if (m_media)
            m_media->setCameraEnabled(withVideo);
    });
}

CallCoordinator::~CallCoordinator() = default;

bool CallCoordinator::placeCall(const QString &peer, protocol::CallType type)
{
    if (m_calls->call(peer, type))
        return true;
    if (m_calls->state() == CallState::Incoming)
        showRinging();
    else if (m_calls->isBusy())
        presentCall();
    return false;
}

void CallCoordinator::setMiniMode(bool on)
{
    m_miniMode = on && m_calls->isBusy();
    if (m_calls->state() == CallState::Idle) {
        m_miniWindow->hide();
        return;
    }
    presentCall();
}

void CallCoordinator::presentCall()
{
    if (m_miniMode) {
        m_callWindow->hide();
        m_miniWindow->showOnTop();  // without taking the keyboard from the chat
    } else {
        m_miniWindow->hide();
        present(m_callWindow.get());
    }
}

void CallCoordinator::setMediaControls(CallMediaControls *media)
{
    m_media = media;
    m_callWindow->setMediaControls(media);
}

void CallCoordinator::setDeviceCatalog(media::DeviceCatalog *catalog, const AppSettings *settings)
{
    m_callWindow->setDeviceCatalog(catalog, settings);
}

void CallCoordinator::setDoNotDisturb(bool on)
{
    m_doNotDisturb = on;
    m_sounds.setSilentRinging(on);
}

void CallCoordinator::present(QWidget *window)
{
    window->show();
    window->raise();
    window->activateWindow();
}

void CallCoordinator::showRinging()
{
    // Shown on top but not activated: what the user is typing must not answer the call.
    m_incomingWindow->show();
    m_incomingWindow->raise();
}

void CallCoordinator::onState(CallState state)
{
    const CallState from = std::exchange(m_previous, state);
    m_sounds.follow(from, state, m_calls->endReason());
    switch (state) {
    case CallState::Incoming:
        // Do not disturb: no window and no ringtone; the call rings out and is missed.
        if (!m_doNotDisturb)
            showRinging();
        break;
    case CallState::Outgoing:
    case CallState::Connecting:
        m_incomingWindow->hide();
        presentCall();
        break;
    case CallState::InCall:
    case CallState::Ended:
        break;
    case CallState::Idle:
        m_incomingWindow->hide();
        m_callWindow->hide();
        m_miniWindow->hide();
        m_miniMode = false;
        break;
    }
}

}  // namespace softphone::ui
