#include "calls/call_window.h"

#include "calls/call_end_text.h"
#include "calls/call_media_controls.h"
#include "calls/device_menu.h"
#include "calls/peer_card.h"
#include "calls/quality_bars.h"
#include "calls/video_stage.h"
#include "models/call_record_presenter.h"
#include "protocol/error_code.h"
#include "settings/camera_preview.h"
#include "settings/device_choices.h"
#include "shell/app_settings.h"
#include "style/call_button_style.h"
#include "style/icon_painter.h"

#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace softphone::ui {

using call::CallState;

CallWindow::CallWindow(call::CallController *calls, CallMediaControls *media, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_calls(calls)
    , m_media(media)
    , m_peer(new QLabel(this))
    , m_status(new QLabel(this))
    , m_quality(new QualityBars(this))
    , m_video(new VideoStage(this))
    , m_peerCard(new PeerCard)
    , m_previewPlaceholder(new QLabel)
    , m_ringingPreview(std::make_unique<CameraPreview>())
    , m_mute(new QPushButton(this))
    , m_camera(new QPushButton(this))
    , m_hangup(new QPushButton(this))
    , m_miniMode(new QPushButton(this))
    , m_callAgain(new QPushButton(this))
    , m_audioDevices(createDeviceButton(QStringLiteral("audioDevices")))
    , m_cameraDevices(createDeviceButton(QStringLiteral("cameraDevices")))
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
    m_quality->setObjectName(QStringLiteral("callQuality"));
    m_quality->hide();

    // Placeholders until the media layer provides video widgets.
    m_previewPlaceholder->setAlignment(Qt::AlignCenter);
    m_previewPlaceholder->setStyleSheet(
        QStringLiteral("background: #455a64; color: #cfd8dc; border-radius: 6px; font-size: 10px"));
    m_video->setPlaceholders(m_peerCard, m_previewPlaceholder);
    m_ringingPreview->setObjectName(QStringLiteral("ringingPreview"));
    m_ringingPreview->setMinimumSize(0, 0);
    m_ringingPreview->hide();

    m_mute->setCheckable(true);
    m_camera->setCheckable(true);
    m_mute->setIcon(IconPainter::icon(QStringLiteral("microphone"), QColor(0x37, 0x47, 0x4f)));
    m_camera->setIcon(IconPainter::icon(QStringLiteral("call-video"), QColor(0x37, 0x47, 0x4f)));
    m_hangup->setIcon(IconPainter::icon(QStringLiteral("hangup"), Qt::white));
    m_hangup->setStyleSheet(callButtonStyle("#e53935"));
    m_mute->setObjectName(QStringLiteral("mute"));
    m_camera->setObjectName(QStringLiteral("camera"));
    m_hangup->setObjectName(QStringLiteral("hangup"));
    m_callAgain->setIcon(IconPainter::icon(QStringLiteral("call-audio"), Qt::white));
    m_callAgain->setStyleSheet(callButtonStyle("#43a047"));
    m_callAgain->setObjectName(QStringLiteral("callAgain"));
    m_miniMode->setObjectName(QStringLiteral("miniMode"));
    m_miniMode->setIcon(IconPainter::icon(QStringLiteral("mini-window"), QColor(0x37, 0x47, 0x4f)));
    m_callAgain->hide();
    buildLayout();

    connect(m_hangup, &QPushButton::clicked, m_calls, &call::CallController::hangup);
    connect(m_callAgain, &QPushButton::clicked, this, &CallWindow::callAgain);
    connect(m_miniMode, &QPushButton::clicked, this, &CallWindow::miniModeRequested);
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
    connect(m_calls, &call::CallController::rejoiningChanged, this, &CallWindow::updateStatus);
    connect(m_calls, &call::CallController::failed, this, [this](int code, const QString &text) {
        m_failure = CallEndText::requestFailureText(code, text);
        updateStatus();
    });
    retranslate();
    onState(m_calls->state());
}

CallWindow::~CallWindow() = default;

QToolButton *CallWindow::createDeviceButton(const QString &name)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setArrowType(Qt::DownArrow);
    button->setAutoRaise(true);
    // The arrow says it all; the style's menu indicator would draw a second one.
    button->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none }"));
    button->hide();  // until there is a catalog to list
    return button;
}

void CallWindow::buildLayout()
{
    auto *statusRow = new QHBoxLayout;
    statusRow->addStretch(1);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_quality);
    statusRow->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addStretch(1);
    buttons->addWidget(m_mute);
    buttons->addWidget(m_audioDevices);
    buttons->addSpacing(6);
    buttons->addWidget(m_camera);
    buttons->addWidget(m_cameraDevices);
    buttons->addSpacing(6);
    buttons->addWidget(m_hangup);
    buttons->addWidget(m_callAgain);
    buttons->addSpacing(6);
    buttons->addWidget(m_miniMode);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_peer);
    layout->addLayout(statusRow);
    layout->addWidget(m_video, 1);
    layout->addStretch(0);
    layout->addLayout(buttons);
}

void CallWindow::setDeviceCatalog(media::DeviceCatalog *catalog, const AppSettings *settings)
{
    if (m_catalog)
        m_catalog->disconnect(this);
    delete m_audioMenu;
    delete m_cameraMenu;
    m_audioMenu = m_cameraMenu = nullptr;
    m_catalog = catalog;
    m_settings = settings;
    m_audioDevices->setVisible(catalog != nullptr);
    m_cameraDevices->setVisible(catalog != nullptr);
    if (!catalog)
        return;
    using media::DeviceKind;
    m_audioMenu = new DeviceMenu(catalog, {DeviceKind::Microphone, DeviceKind::Speaker}, this);
    m_cameraMenu = new DeviceMenu(catalog, {DeviceKind::Camera}, this);
    for (DeviceMenu *menu : {m_audioMenu, m_cameraMenu}) {
        connect(menu, &DeviceMenu::picked, this, &CallWindow::pickDevice);
        // The media layer may have fallen back to another device since the last look.
        connect(menu, &QMenu::aboutToShow, this,
                [this, menu] { menu->rebuild(currentDevices(), m_settings); });
    }
    m_audioDevices->setMenu(m_audioMenu);
    m_cameraDevices->setMenu(m_cameraMenu);
    connect(catalog, &media::DeviceCatalog::devicesChanged, this, &CallWindow::rebuildDeviceMenus);
    rebuildDeviceMenus();
}

media::DeviceSelection CallWindow::currentDevices() const
{
    if (m_media)
        return m_media->devices();
    return m_settings ? m_settings->devices() : media::DeviceSelection();
}

// Also rebuilt as each menu opens; listing the devices brings up Qt Multimedia, so a hidden
// window leaves it for later.
void CallWindow::rebuildDeviceMenus()
{
    if (!m_catalog || !isVisible())
        return;
    const media::DeviceSelection current = currentDevices();
    m_audioMenu->rebuild(current, m_settings);
    m_cameraMenu->rebuild(current, m_settings);
}

void CallWindow::pickDevice(media::DeviceKind kind, const QByteArray &id, const QString &name)
{
    // The menu's own group moves the check mark: it is not rebuilt inside its action's signal.
    const media::DeviceSelection devices = DeviceChoices::with(currentDevices(), kind, id);
    if (m_media)
        m_media->setDevices(devices);
    emit devicePicked(kind, id, name);
}

void CallWindow::setRemoteVideoActive(bool active)
{
    m_remoteVideo = active;
    updateVideo();
}

void CallWindow::setQuality(int bars, const QString &details)
{
    m_quality->setBars(bars);
    m_quality->setToolTip(details);
    m_quality->setVisible(m_calls->state() == CallState::InCall);
}

void CallWindow::setMediaControls(CallMediaControls *media)
{
    if (media != m_media)
        m_video->setVideoWidgets(nullptr, nullptr);  // the old ones go back
    m_media = media;
    updateVideo();
    rebuildDeviceMenus();
}

void CallWindow::setCameraOn(bool on)
{
    m_camera->setChecked(on);
}

void CallWindow::setPresenceBook(const im::PresenceBook *presence)
{
    if (m_presence)
        disconnect(m_presence, nullptr, this, nullptr);
    m_presence = presence;
    if (m_presence) {
        connect(m_presence, &im::PresenceBook::changed, this, [this](const QString &account) {
            if (account != m_calls->current().peer)
                return;
            updatePeer();
            updateStatus();
        });
    }
    onState(m_calls->state());
}

QString CallWindow::outgoingText() const
{
    const QString &peer = m_calls->current().peer;
    if (m_ringing && m_presence && !m_presence->isOnline(peer)) {
        // The server rings the callee's devices as they sign in; none is on now.
        return tr("%1 is offline; it rings if they sign in").arg(m_presence->displayName(peer));
    }
    return m_ringing ? tr("Ringing…") : tr("Calling…");
}

QString CallWindow::statusText() const
{
    switch (m_calls->state()) {
    case CallState::Idle:
        return {};
    case CallState::Outgoing:
        return outgoingText();
    case CallState::Incoming:
        return tr("Incoming call…");
    case CallState::Connecting:
    case CallState::InCall:
        if (m_calls->isRejoining())  // the server that holds the call is being replaced
            return tr("Reconnecting…");
        if (m_calls->state() == CallState::Connecting)
            return tr("Connecting…");
        return records::CallRecordPresenter::formatDuration(m_running.elapsed() / 1000);
    case CallState::Ended:
        if (m_calls->endReason() == call::EndReason::Failed && !m_failure.isEmpty())
            return m_failure;
        return CallEndText::endText(m_calls->endReason(), m_calls->current().failure);
    }
    return {};
}

void CallWindow::callAgain()
{
    const call::CallInfo info = m_calls->current();
    m_calls->call(info.peer, info.type);
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
        m_failure.clear();
        m_remoteVideo = false;
        m_mute->setChecked(false);
        m_camera->setChecked(info.type == protocol::CallType::Video && info.outgoing);
    }
    if (state == CallState::InCall) {
        m_running.start();
        m_tick.start();
    } else {
        m_tick.stop();
        m_quality->hide();  // until the call's first report
    }
    updatePeer();
    const bool live = state == CallState::Outgoing || state == CallState::Connecting ||
                      state == CallState::InCall;
    m_hangup->setEnabled(live);
    const call::EndReason reason = m_calls->endReason();
    const bool retry = state == CallState::Ended && info.outgoing &&
                       (reason == call::EndReason::Busy || reason == call::EndReason::NoAnswer ||
                        reason == call::EndReason::Failed);
    m_hangup->setVisible(!retry);
    m_callAgain->setVisible(retry);
    m_mute->setEnabled(live);
    m_miniMode->setEnabled(live);
    m_camera->setEnabled(live && info.type == protocol::CallType::Video);
    updateVideo();
    updateStatus();
    rebuildDeviceMenus();
}

void CallWindow::updatePeer()
{
    const call::CallInfo &info = m_calls->current();
    QString name = info.peerName;
    if (name.isEmpty())
        name = m_presence && !info.peer.isEmpty() ? m_presence->displayName(info.peer) : info.peer;
    m_peer->setText(name);
    m_peerCard->setPeer(name);
    setWindowTitle(name.isEmpty() ? tr("Call") : tr("Call with %1").arg(name));
}

void CallWindow::updateVideo()
{
    const bool video = m_calls->current().type == protocol::CallType::Video;
    // The media's widgets are asked for only when there is video to show (they are costly).
    if (!m_media)
        m_video->setVideoWidgets(nullptr, localVideo());
    else if (video || m_remoteVideo)
        m_video->setVideoWidgets(m_media->remoteVideoWidget(), localVideo());
    // Without remote video the peer's card stands in: on a voice call, and on a video call
    // before the first frame or while the other side has the camera off.
    m_video->setMainVisible(m_remoteVideo);
    m_video->setInsetVisible(video && m_camera->isChecked());
    m_peerCard->setCaption(peerCardCaption());
}

// Until the call is answered its media do not exist: while ringing out on video, our camera
// is shown by a preview of its own, closed (it is hidden) as the call's media take over.
QWidget *CallWindow::localVideo()
{
    const bool ringingOut = m_calls->state() == CallState::Outgoing &&
                            m_calls->current().type == protocol::CallType::Video &&
                            m_camera->isChecked() && m_catalog;
    if (ringingOut) {
        m_ringingPreview->setDevice(
            m_catalog->resolve(media::DeviceKind::Camera, currentDevices().camera));
        return m_ringingPreview.get();
    }
    return m_media ? m_media->localPreviewWidget() : nullptr;
}

QString CallWindow::peerCardCaption() const
{
    if (m_calls->current().type != protocol::CallType::Video)
        return tr("Voice call");
    return m_calls->state() == CallState::InCall ? tr("Camera off") : QString();
}

void CallWindow::retranslate()
{
    m_mute->setText(tr("Mute"));
    m_camera->setText(tr("Camera"));
    m_hangup->setText(tr("Hang up"));
    m_hangup->setToolTip(tr("Hang up (Ctrl+Shift+H)"));
    m_callAgain->setText(tr("Call again"));
    m_miniMode->setToolTip(tr("Small window on top, to chat during the call"));
    m_miniMode->setAccessibleName(tr("Small window on top"));
    m_audioDevices->setToolTip(tr("Microphone and speaker"));
    m_cameraDevices->setToolTip(tr("Camera"));
    m_previewPlaceholder->setText(tr("Your camera"));
    onState(m_calls->state());
}

void CallWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CallWindow::showEvent(QShowEvent *event)
{
    rebuildDeviceMenus();
    QWidget::showEvent(event);
}

void CallWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window of a live call hangs it up, as the button does.
    if (m_calls->isBusy())
        m_calls->hangup();
    event->accept();
}

}  // namespace softphone::ui
