#include "call_window.h"

#include "avatar_painter.h"
#include "call_media_controls.h"
#include "icon_painter.h"
#include "records/call_record_presenter.h"

#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace softphone::ui {

using call::CallState;
using call::EndReason;

CallWindow::CallWindow(call::CallController *calls, CallMediaControls *media, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_calls(calls)
    , m_media(media)
    , m_peer(new QLabel(this))
    , m_status(new QLabel(this))
    , m_videoArea(new QWidget(this))
    , m_remotePlaceholder(new QLabel(m_videoArea))
    , m_previewPlaceholder(new QLabel(m_videoArea))
    , m_mute(new QPushButton(this))
    , m_camera(new QPushButton(this))
    , m_hangup(new QPushButton(this))
{
    setObjectName(QStringLiteral("callWindow"));
    setMinimumSize(360, 260);
    QFont peerFont = m_peer->font();
    peerFont.setPointSizeF(peerFont.pointSizeF() * 1.5);
    peerFont.setBold(true);
    m_peer->setFont(peerFont);
    m_peer->setAlignment(Qt::AlignCenter);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setObjectName(QStringLiteral("callStatus"));

    // Placeholders until the media layer provides video widgets.
    m_remotePlaceholder->setAlignment(Qt::AlignCenter);
    m_remotePlaceholder->setStyleSheet(
        QStringLiteral("background: #263238; color: #b0bec5; border-radius: 8px"));
    m_remotePlaceholder->setMinimumSize(320, 200);
    m_previewPlaceholder->setAlignment(Qt::AlignCenter);
    m_previewPlaceholder->setStyleSheet(
        QStringLiteral("background: #455a64; color: #cfd8dc; border-radius: 6px; font-size: 10px"));
    m_previewPlaceholder->setFixedSize(120, 80);
    auto *video = new QVBoxLayout(m_videoArea);
    video->setContentsMargins(0, 0, 0, 0);
    video->addWidget(m_remotePlaceholder, 1);
    auto *previewRow = new QHBoxLayout;
    previewRow->addStretch(1);
    previewRow->addWidget(m_previewPlaceholder);
    video->addLayout(previewRow);

    m_mute->setCheckable(true);
    m_camera->setCheckable(true);
    m_mute->setIcon(IconPainter::icon(QStringLiteral("microphone"), QColor(0x37, 0x47, 0x4f)));
    m_camera->setIcon(IconPainter::icon(QStringLiteral("call-video"), QColor(0x37, 0x47, 0x4f)));
    m_hangup->setIcon(IconPainter::icon(QStringLiteral("hangup"), Qt::white));
    m_hangup->setStyleSheet(QStringLiteral("QPushButton { background: #e53935; color: white; "
                                           "border-radius: 6px; padding: 8px 18px }"));
    m_mute->setObjectName(QStringLiteral("mute"));
    m_camera->setObjectName(QStringLiteral("camera"));
    m_hangup->setObjectName(QStringLiteral("hangup"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_mute);
    buttons->addWidget(m_camera);
    buttons->addWidget(m_hangup);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_peer);
    layout->addWidget(m_status);
    layout->addWidget(m_videoArea, 1);
    layout->addStretch(0);
    layout->addLayout(buttons);

    connect(m_hangup, &QPushButton::clicked, m_calls, &call::CallController::hangup);
    connect(m_mute, &QPushButton::toggled, this, [this](bool muted) {
        if (m_media)
            m_media->setMicrophoneMuted(muted);
    });
    connect(m_camera, &QPushButton::toggled, this, [this](bool on) {
        if (m_media)
            m_media->setCameraEnabled(on);
        updateVideo();
    });
    auto *hangup = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), this);
    hangup->setContext(Qt::ApplicationShortcut);
    connect(hangup, &QShortcut::activated, m_calls, &call::CallController::hangup);

    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, &CallWindow::updateStatus);
    connect(m_calls, &call::CallController::stateChanged, this, &CallWindow::onState);
    connect(m_calls, &call::CallController::ringing, this, [this] {
        m_ringing = true;
        updateStatus();
    });
    retranslate();
    onState(m_calls->state());
}

void CallWindow::setMediaControls(CallMediaControls *media)
{
    m_media = media;
    updateVideo();
}

void CallWindow::setCameraOn(bool on)
{
    m_camera->setChecked(on);
}

void CallWindow::setNameResolver(std::function<QString(const QString &)> nameOf)
{
    m_nameOf = std::move(nameOf);
    onState(m_calls->state());
}

QString CallWindow::endText(EndReason reason)
{
    switch (reason) {
    case EndReason::None:
    case EndReason::HungUp:
        return tr("Call ended");
    case EndReason::RemoteHungUp:
        return tr("The other side hung up");
    case EndReason::Canceled:
        return tr("Canceled");
    case EndReason::RemoteDeclined:
        return tr("Declined");
    case EndReason::Declined:
        return tr("You declined");
    case EndReason::Busy:
        return tr("Line busy");
    case EndReason::NoAnswer:
        return tr("No answer");
    case EndReason::Missed:
        return tr("Missed call");
    case EndReason::AnsweredElsewhere:
        return tr("Answered on another device");
    case EndReason::DeclinedElsewhere:
        return tr("Declined on another device");
    case EndReason::Failed:
        return tr("Call failed");
    }
    return {};
}

QString CallWindow::statusText() const
{
    switch (m_calls->state()) {
    case CallState::Idle:
        return {};
    case CallState::Outgoing:
        return m_ringing ? tr("Ringing…") : tr("Calling…");
    case CallState::Incoming:
        return tr("Incoming call…");
    case CallState::Connecting:
        return tr("Connecting…");
    case CallState::InCall:
        return records::CallRecordPresenter::formatDuration(m_running.elapsed() / 1000);
    case CallState::Ended:
        return endText(m_calls->endReason());
    }
    return {};
}

void CallWindow::updateStatus()
{
    m_status->setText(statusText());
}

void CallWindow::onState(CallState state)
{
    const call::CallInfo &info = m_calls->current();
    if (state == CallState::Outgoing || state == CallState::Incoming) {
        m_ringing = false;
        m_mute->setChecked(false);
        m_camera->setChecked(info.type == protocol::CallType::Video && info.outgoing);
    }
    if (state == CallState::InCall) {
        m_running.start();
        m_tick.start();
    } else {
        m_tick.stop();
    }
    QString name = info.peerName;
    if (name.isEmpty())
        name = m_nameOf && !info.peer.isEmpty() ? m_nameOf(info.peer) : info.peer;
    m_peer->setText(name);
    setWindowTitle(name.isEmpty() ? tr("Call") : tr("Call with %1").arg(name));
    const bool live = state == CallState::Outgoing || state == CallState::Connecting ||
                      state == CallState::InCall;
    m_hangup->setEnabled(live);
    m_mute->setEnabled(live);
    m_camera->setEnabled(live && info.type == protocol::CallType::Video);
    updateVideo();
    updateStatus();
}

void CallWindow::updateVideo()
{
    const bool video = m_calls->current().type == protocol::CallType::Video;
    m_videoArea->setVisible(video);
    m_previewPlaceholder->setVisible(video && m_camera->isChecked());
}

void CallWindow::retranslate()
{
    m_mute->setText(tr("Mute"));
    m_camera->setText(tr("Camera"));
    m_hangup->setText(tr("Hang up"));
    m_hangup->setToolTip(tr("Hang up (Ctrl+Shift+H)"));
    m_remotePlaceholder->setText(tr("Remote video"));
    m_previewPlaceholder->setText(tr("Your camera"));
    onState(m_calls->state());
}

void CallWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CallWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window of a live call hangs it up, as the button does.
    if (m_calls->isBusy())
        m_calls->hangup();
    event->accept();
}

}  // namespace softphone::ui
