// The call windows against the call controller, over a fake IM client: the incoming window's
// Accept, Accept with video and Decline (buttons and shortcuts) answer on the wire; the call
// window's Hang up (button and shortcut) cancels or hangs up; the status line follows the
// call, and an ended call says why, including another device's answer. The call window's
// device menus, remote video and quality bars, over a fake media seam.

#include "calls/call_coordinator.h"
#include "calls/call_media_controls.h"
#include "calls/call_stats_text.h"
#include "calls/call_window.h"
#include "calls/incoming_call_window.h"
#include "calls/mini_call_window.h"
#include "calls/peer_card.h"
#include "calls/quality_bars.h"
#include "calls/video_stage.h"
#include "calls/webrtc_call_controls.h"
#include "core/fake_im_client.h"
#include "im/presence_book.h"
#include "media/call_media.h"
#include "protocol/error_code.h"
#include "settings/camera_preview.h"
#include "settings/test_pattern_view.h"
#include "shell/app_settings.h"

#include <QApplication>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace softphone;
using call::CallState;
using protocol::CallType;
using protocol::json;

namespace {
const json kEmpty = json::object();

// The media layer as the call window sees it: what it was told, and video widgets of its own.
class FakeMediaControls : public ui::CallMediaControls
{
public:
    void setMicrophoneMuted(bool muted) override { this->muted = muted; }
    void setCameraEnabled(bool enabled) override { camera = enabled; }
    QWidget *remoteVideoWidget() override { return remote.get(); }
    QWidget *localPreviewWidget() override { return preview.get(); }
    void setDevices(const media::DeviceSelection &devices) override
    {
        chosen = devices;
        ++deviceChanges;
    }
    media::DeviceSelection devices() const override { return chosen; }

    bool muted = false;
    bool camera = false;
    media::DeviceSelection chosen;
    int deviceChanges = 0;
    std::unique_ptr<QWidget> remote;
    std::unique_ptr<QWidget> preview;
};

QStringList texts(const QMenu *menu)
{
    QStringList found;
    for (const QAction *action : menu->actions())
        found.append(action->text());
    return found;
}

QAction *actionFor(const QMenu *menu, const QByteArray &id)
{
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator() && action->data().toByteArray() == id)
            return action;
    }
    return nullptr;
}

QString checkedText(const QMenu *menu, int section)
{
    int seen = -1;
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            ++seen;
        else if (seen == section && action->isChecked())
            return action->text();
    }
    return {};
}
}  // namespace

class TestCallWindows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void incomingCallShowsTheCallerAndType();
    void acceptButtonAnswers();
    void acceptWithVideoTurnsTheCameraOn();
    void declineButtonDeclines();
    void shortcutsAcceptAndDecline_data();
    void shortcutsAcceptAndDecline();
    void typingWhileACallRingsNeverAnswers_data();
    void typingWhileACallRingsNeverAnswers();
    void hangupButtonCancelsAnUnansweredCall();
    void hangupShortcutHangsUp();
    void statusFollowsTheOutgoingCall();
    void busyLineOffersToCallAgain();
    void disabledCallButtonsAreGrey();
    void calleeWithNoDeviceOnlineIsNotSaidToRing();
    void failedCallSaysWhy_data();
    void failedCallSaysWhy();
    void answeredOnAnotherDeviceIsShown_data();
    void answeredOnAnotherDeviceIsShown();
    void deviceMenusListTheCatalog();
    void pickingADeviceSwitchesItAndLeavesTheSettingsToTheirOwner();
    void withoutACatalogThereAreNoDeviceMenus();
    void remoteVideoShowsOnAnAudioCall();
    void cameraOffOnTheOtherSideShowsTheirCard();
    void videoWidgetsOfTheSeamFillTheStage();
    void outgoingVideoShowsOurCameraWhileItRings();
    void miniModeStaysOnTopWithThePeerTimeAndHangUp();
    void qualityBarsFollowTheReports();
    void statsAreDescribedForTheTooltip();
    void mediaControlsLendTheirVideoWidgetsAndDevices();

private:
    void connectCall(CallType type);
    void useDevices();

    void ring(CallType type);
    void dial(CallType type);
    bool sentRespond(bool accepted);

    std::unique_ptr<test::FakeImClient> m_im;
    std::unique_ptr<call::CallController> m_controller;
    std::unique_ptr<ui::CallCoordinator> m_calls;
    QTemporaryDir m_config;
    QString m_profile;
    int m_run = 0;
    std::unique_ptr<media::DeviceCatalog> m_catalog;
    std::unique_ptr<ui::AppSettings> m_settings;
    FakeMediaControls m_media;
};

void TestCallWindows::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
}

void TestCallWindows::init()
{
    m_im = std::make_unique<test::FakeImClient>();
    m_controller = std::make_unique<call::CallController>(m_im.get());
    m_calls = std::make_unique<ui::CallCoordinator>(m_controller.get());
}

void TestCallWindows::cleanup()
{
    m_calls.reset();
    m_settings.reset();
    m_catalog.reset();
    m_media = {};
    m_controller.reset();
    m_im.reset();
}

void TestCallWindows::ring(CallType type)
{
    m_im->push(protocol::CallIncoming{"bob", "Bob Builder", type, "c5", 55});
    QCOMPARE(m_controller->state(), CallState::Incoming);
    QVERIFY(m_calls->incomingWindow()->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(m_calls->incomingWindow()));
}

void TestCallWindows::dial(CallType type)
{
    QVERIFY(m_calls->placeCall(QStringLiteral("bob"), type));
    QCOMPARE(m_controller->state(), CallState::Outgoing);
    QVERIFY(m_calls->callWindow()->isVisible());
}

bool TestCallWindows::sentRespond(bool accepted)
{
    for (const auto &request : m_im->requests) {
        if (request.method == "call.respond")
            return request.params.at("accepted").get<bool>() == accepted;
    }
    return false;
}

void TestCallWindows::incomingCallShowsTheCallerAndType()
{
    ring(CallType::Video);
    ui::IncomingCallWindow *window = m_calls->incomingWindow();
    QCOMPARE(window->statusText(), QStringLiteral("Incoming video call"));
    QVERIFY(window->windowTitle().contains(QStringLiteral("Bob Builder")));
    QVERIFY(window->acceptVideoButton()->isVisible());
    QCOMPARE(m_calls->sounds()->current(), ui::CallSounds::Tone::Ringtone);
}

void TestCallWindows::acceptButtonAnswers()
{
    ring(CallType::Audio);
    QVERIFY(!m_calls->incomingWindow()->acceptVideoButton()->isVisible());  // audio: no video
    QTest::mouseClick(m_calls->incomingWindow()->acceptButton(), Qt::LeftButton);
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QVERIFY(sentRespond(true));
    QVERIFY(!m_calls->incomingWindow()->isVisible());
    QVERIFY(m_calls->callWindow()->isVisible());
    QCOMPARE(m_calls->callWindow()->statusText(), QStringLiteral("Connecting…"));
    QCOMPARE(m_calls->sounds()->current(), ui::CallSounds::Tone::None);  // the ringing stopped
}

void TestCallWindows::acceptWithVideoTurnsTheCameraOn()
{
    ring(CallType::Video);
    QTest::mouseClick(m_calls->incomingWindow()->acceptVideoButton(), Qt::LeftButton);
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QVERIFY(sentRespond(true));
    QVERIFY(m_calls->callWindow()->cameraButton()->isChecked());
}

void TestCallWindows::declineButtonDeclines()
{
    ring(CallType::Audio);
    QTest::mouseClick(m_calls->incomingWindow()->declineButton(), Qt::LeftButton);
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), call::EndReason::Declined);
    QVERIFY(sentRespond(false));
    QCOMPARE(m_calls->incomingWindow()->statusText(), QStringLiteral("You declined"));
}

void TestCallWindows::shortcutsAcceptAndDecline_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("Ctrl+Shift+A accepts") << int(Qt::Key_A) << true;
    QTest::newRow("Ctrl+Shift+V accepts with video") << int(Qt::Key_V) << true;
    QTest::newRow("Ctrl+Shift+D declines") << int(Qt::Key_D) << false;
}

void TestCallWindows::shortcutsAcceptAndDecline()
{
    QFETCH(int, key);
    QFETCH(bool, accepted);
    ring(CallType::Video);
    ui::IncomingCallWindow *window = m_calls->incomingWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key(key), Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(sentRespond(accepted));
    QCOMPARE(m_controller->state(), accepted ? CallState::Connecting : CallState::Ended);
    if (key == Qt::Key_V)
        QVERIFY(m_calls->callWindow()->cameraButton()->isChecked());
    else if (key == Qt::Key_A)
        QVERIFY(!m_calls->callWindow()->cameraButton()->isChecked());
}

void TestCallWindows::typingWhileACallRingsNeverAnswers_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::newRow("space") << QList<int>{Qt::Key_Space, Qt::Key_Space};
    QTest::newRow("return") << QList<int>{Qt::Key_Return, Qt::Key_Enter};
    QTest::newRow("letters") << QList<int>{Qt::Key_H, Qt::Key_E, Qt::Key_Y, Qt::Key_Space,
                                           Qt::Key_A, Qt::Key_D, Qt::Key_V, Qt::Key_Return};
}

void TestCallWindows::typingWhileACallRingsNeverAnswers()
{
    QFETCH(QList<int>, keys);
    QWidget chat;
    auto *composer = new QPlainTextEdit(&chat);
    chat.show();
    chat.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&chat));
    composer->setFocus();
    QTest::keyClicks(composer, QStringLiteral("hello"));

    ring(CallType::Video);
    // The keys go where a real keyboard sends them: the focused widget of the active window
    // (the offscreen platform activates every window it shows, as some window managers do).
    for (int key : keys) {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClick(target, Qt::Key(key));
    }
    QTest::qWait(50);
    QCOMPARE(m_controller->state(), CallState::Incoming);
    for (const auto &request : m_im->requests)
        QVERIFY2(request.method != "call.respond", "a key press answered the call");
    QVERIFY(!m_calls->callWindow()->isVisible());
    QVERIFY(m_calls->incomingWindow()->isVisible());
    for (QPushButton *button : m_calls->incomingWindow()->findChildren<QPushButton *>())
        QVERIFY2(!button->hasFocus(), qPrintable(button->objectName()));
}

void TestCallWindows::hangupButtonCancelsAnUnansweredCall()
{
    dial(CallType::Audio);
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    QTest::mouseClick(m_calls->callWindow()->hangupButton(), Qt::LeftButton);
    QVERIFY(!m_im->requests.empty());
    QCOMPARE(m_im->requests.front().method, std::string("call.cancel"));
    QCOMPARE(m_im->requests.front().params.at("cid").get<std::string>(), std::string("c1"));
}

void TestCallWindows::hangupShortcutHangsUp()
{
    dial(CallType::Video);
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    QCOMPARE(m_controller->state(), CallState::Connecting);
    ui::CallWindow *window = m_calls->callWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(m_controller->endReason(), call::EndReason::HungUp);
    bool hungUp = false;
    for (const auto &request : m_im->requests)
        hungUp = hungUp || request.method == "call.hangup";
    QVERIFY(hungUp);
    QCOMPARE(window->statusText(), QStringLiteral("Call ended"));
}

void TestCallWindows::statusFollowsTheOutgoingCall()
{
    dial(CallType::Audio);
    ui::CallWindow *window = m_calls->callWindow();
    QCOMPARE(window->statusText(), QStringLiteral("Calling…"));
    QCOMPARE(m_calls->sounds()->current(), ui::CallSounds::Tone::Ringback);
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    QCOMPARE(window->statusText(), QStringLiteral("Ringing…"));
    m_im->push(protocol::CallBusy{{"c1"}});
    QCOMPARE(m_controller->state(), CallState::Ended);
    QCOMPARE(window->statusText(), QStringLiteral("Line busy"));
    QCOMPARE(m_calls->sounds()->current(), ui::CallSounds::Tone::Busy);
    QVERIFY(!window->hangupButton()->isEnabled());
    m_controller->dismiss();
    QVERIFY(!window->isVisible());
}

void TestCallWindows::busyLineOffersToCallAgain()
{
    dial(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    QVERIFY(!window->callAgainButton()->isVisible());
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    m_im->push(protocol::CallBusy{{"c1"}});
    QVERIFY(window->callAgainButton()->isVisible());
    QVERIFY(!window->hangupButton()->isVisible());
    QTest::mouseClick(window->callAgainButton(), Qt::LeftButton);
    QCOMPARE(m_controller->state(), CallState::Outgoing);
    QCOMPARE(m_controller->current().type, CallType::Video);
    QVERIFY(!m_im->requests.empty());
    QCOMPARE(m_im->requests.back().method, std::string("call.invite"));
    QCOMPARE(m_im->requests.back().params.at("callee").get<std::string>(), std::string("bob"));
    QVERIFY(window->isVisible());
    QVERIFY(window->hangupButton()->isVisible());
}

void TestCallWindows::disabledCallButtonsAreGrey()
{
    // The button's fill, left of its icon and text.
    const auto fill = [](QPushButton *button) {
        return button->grab().toImage().pixelColor(6, button->height() / 2);
    };
    ring(CallType::Audio);
    QPushButton *decline = m_calls->incomingWindow()->declineButton();
    const QColor live = fill(decline);
    QVERIFY2(live.red() > 200 && live.green() < 100, qPrintable(live.name()));
    m_im->push(protocol::CallAckSync{1, "c5", CallType::Audio, true, "web"});  // taken elsewhere
    QVERIFY(!decline->isEnabled());
    const QColor dead = fill(decline);
    QVERIFY2(std::abs(dead.red() - dead.green()) < 40, qPrintable(dead.name()));
}

void TestCallWindows::calleeWithNoDeviceOnlineIsNotSaidToRing()
{
    im::PresenceBook presence(m_im.get());
    presence.update({"bob", "Bob", false, {}});
    m_calls->callWindow()->setPresenceBook(&presence);
    dial(CallType::Audio);
    ui::CallWindow *window = m_calls->callWindow();
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    QCOMPARE(window->statusText(), QStringLiteral("Bob is offline; it rings if they sign in"));
    QCOMPARE(window->windowTitle(), QStringLiteral("Call with Bob"));
    presence.update({"bob", "Bob", true, {"desktop"}});
    QCOMPARE(window->statusText(), QStringLiteral("Ringing…"));
    m_calls->callWindow()->setPresenceBook(nullptr);
}

void TestCallWindows::failedCallSaysWhy_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("offline") << int(im::LocalError::Disconnected)
                             << QStringLiteral("Call failed: you are not connected to the server");
    QTest::newRow("no answer from the server")
        << int(im::LocalError::Timeout)
        << QStringLiteral("Call failed: you are not connected to the server");
    QTest::newRow("no such account") << int(protocol::ErrorCode::NoSuchAccount)
                                     << QStringLiteral("Call failed: there is no such account");
    QTest::newRow("other") << int(protocol::ErrorCode::Internal)
                           << QStringLiteral("Call failed: refused");
}

void TestCallWindows::failedCallSaysWhy()
{
    QFETCH(int, code);
    dial(CallType::Video);
    QVERIFY(m_im->fail("call.invite", code));
    QCOMPARE(m_controller->state(), CallState::Ended);
    QTEST(m_calls->callWindow()->statusText(), "text");
}

void TestCallWindows::answeredOnAnotherDeviceIsShown_data()
{
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("text");
    QTest::newRow("answered") << true << QStringLiteral("Answered on another device");
    QTest::newRow("declined") << false << QStringLiteral("Declined on another device");
}

void TestCallWindows::answeredOnAnotherDeviceIsShown()
{
    QFETCH(bool, accepted);
    ring(CallType::Audio);
    m_im->push(protocol::CallAckSync{1, "c5", CallType::Audio, accepted, "web"});
    QCOMPARE(m_controller->state(), CallState::Ended);
    QTEST(m_calls->incomingWindow()->statusText(), "text");
    QVERIFY(!m_calls->incomingWindow()->acceptButton()->isEnabled());
    QCOMPARE(m_calls->sounds()->current(), ui::CallSounds::Tone::None);
}

void TestCallWindows::connectCall(CallType type)
{
    dial(type);
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    m_controller->mediaConnected();
    QCOMPARE(m_controller->state(), CallState::InCall);
}

void TestCallWindows::useDevices()
{
    m_profile = QStringLiteral("call-windows-%1").arg(++m_run);
    m_catalog = std::make_unique<media::DeviceCatalog>();
    m_settings = std::make_unique<ui::AppSettings>(m_profile);
    m_calls->setDeviceCatalog(m_catalog.get(), m_settings.get());
}

void TestCallWindows::deviceMenusListTheCatalog()
{
    useDevices();
    dial(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    QVERIFY(window->audioDevicesButton()->isVisible());
    QVERIFY(window->cameraDevicesButton()->isVisible());
    const QMenu *audio = window->audioDevicesButton()->menu();
    const QMenu *camera = window->cameraDevicesButton()->menu();
    QVERIFY(audio && camera);
    const QStringList audioTexts = texts(audio);
    for (const auto &device : m_catalog->devices(media::DeviceKind::Microphone) +
                                  m_catalog->devices(media::DeviceKind::Speaker))
        QVERIFY2(audioTexts.contains(device.name), qPrintable(device.name));
    QVERIFY(audioTexts.contains(QStringLiteral("Test tone (440 Hz)")));
    QVERIFY(audioTexts.contains(QStringLiteral("No sound")));
    QVERIFY(texts(camera).contains(QStringLiteral("Test pattern")));
    QVERIFY(!texts(camera).contains(QStringLiteral("No sound")));
    // Nothing chosen: the system defaults are checked.
    QCOMPARE(checkedText(audio, 0), QStringLiteral("System default"));
    QCOMPARE(checkedText(audio, 1), QStringLiteral("System default"));
}

// The window switches the call's devices; the pick is remembered by the settings' owner (the
// app), told through the coordinator: the window itself writes no settings.
void TestCallWindows::pickingADeviceSwitchesItAndLeavesTheSettingsToTheirOwner()
{
    useDevices();
    m_calls->setMediaControls(&m_media);
    dial(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    QMenu *audio = window->audioDevicesButton()->menu();
    QMenu *camera = window->cameraDevicesButton()->menu();
    QSignalSpy picks(m_calls.get(), &ui::CallCoordinator::devicePicked);

    actionFor(audio, media::synthetic::toneHigh)->trigger();
    QCOMPARE(m_media.deviceChanges, 1);
    QCOMPARE(m_media.chosen.microphone, QByteArray(media::synthetic::toneHigh));
    QCOMPARE(checkedText(audio, 0), QStringLiteral("Test tone (880 Hz)"));

    actionFor(camera, media::synthetic::testPattern)->trigger();
    QCOMPARE(m_media.deviceChanges, 2);
    // The other kinds stay as they were.
    const media::DeviceSelection expected{
        media::synthetic::toneHigh, {}, media::synthetic::testPattern};
    QCOMPARE(m_media.chosen, expected);

    const ui::AppSettings fresh(m_profile);
    QCOMPARE(fresh.devices(), media::DeviceSelection());
    QCOMPARE(picks.size(), 2);
    QCOMPARE(picks[0][0].value<media::DeviceKind>(), media::DeviceKind::Microphone);
    QCOMPARE(picks[0][1].toByteArray(), QByteArray(media::synthetic::toneHigh));
    QCOMPARE(picks[0][2].toString(), QStringLiteral("Test tone (880 Hz)"));
    QCOMPARE(picks[1][0].value<media::DeviceKind>(), media::DeviceKind::Camera);
    QCOMPARE(picks[1][1].toByteArray(), QByteArray(media::synthetic::testPattern));

    // A menu opened again shows what the media layer uses.
    m_media.chosen.speaker = media::synthetic::mute;
    emit audio->aboutToShow();
    audio = window->audioDevicesButton()->menu();
    QCOMPARE(checkedText(audio, 1), QStringLiteral("No sound"));
}

void TestCallWindows::withoutACatalogThereAreNoDeviceMenus()
{
    dial(CallType::Audio);
    QVERIFY(!m_calls->callWindow()->audioDevicesButton()->isVisible());
    QVERIFY(!m_calls->callWindow()->cameraDevicesButton()->isVisible());
}

void TestCallWindows::remoteVideoShowsOnAnAudioCall()
{
    m_media.remote = std::make_unique<QWidget>();
    m_media.preview = std::make_unique<QWidget>();
    m_calls->setMediaControls(&m_media);
    connectCall(CallType::Audio);
    ui::CallWindow *window = m_calls->callWindow();
    ui::VideoStage *stage = window->videoStage();
    // A voice call shows who is on the other end, not an empty box.
    QCOMPARE(stage->mainWidget(), window->peerCard());
    QCOMPARE(window->peerCard()->peer(), QStringLiteral("bob"));
    QCOMPARE(window->peerCard()->caption(), QStringLiteral("Voice call"));
    window->setRemoteVideoActive(true);
    QCOMPARE(stage->mainWidget(), m_media.remote.get());
    QVERIFY(m_media.remote->isVisible());
    // Our camera is off on an audio call: no preview in the corner.
    QVERIFY(!stage->insetWidget()->isVisible());
    window->setRemoteVideoActive(false);
    QCOMPARE(stage->mainWidget(), window->peerCard());

    // The next call starts without the last one's video.
    window->setRemoteVideoActive(true);
    m_controller->hangup();
    m_controller->dismiss();
    dial(CallType::Audio);
    QCOMPARE(stage->mainWidget(), window->peerCard());
}

void TestCallWindows::cameraOffOnTheOtherSideShowsTheirCard()
{
    m_media.remote = std::make_unique<QWidget>();
    m_media.preview = std::make_unique<QWidget>();
    m_calls->setMediaControls(&m_media);
    connectCall(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ui::VideoStage *stage = window->videoStage();
    window->setRemoteVideoActive(true);
    QCOMPARE(stage->mainWidget(), m_media.remote.get());
    // The other side turns the camera off: their card, not their last frame.
    window->setRemoteVideoActive(false);
    QCOMPARE(stage->mainWidget(), window->peerCard());
    QVERIFY(window->peerCard()->isVisible());
    QVERIFY(!m_media.remote->isVisible());
    QCOMPARE(window->peerCard()->caption(), QStringLiteral("Camera off"));
    QCOMPARE(stage->insetWidget(), m_media.preview.get());  // our own picture stays
    window->setRemoteVideoActive(true);
    QCOMPARE(stage->mainWidget(), m_media.remote.get());
}

void TestCallWindows::outgoingVideoShowsOurCameraWhileItRings()
{
    useDevices();
    m_media.remote = std::make_unique<QWidget>();
    m_media.preview = std::make_unique<QWidget>();
    m_media.chosen.camera = media::synthetic::testPattern;
    m_calls->setMediaControls(&m_media);
    dial(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ui::VideoStage *stage = window->videoStage();

    // Ringing: the call has no media yet, and still we see what the callee will see, moving.
    ui::CameraPreview *preview = window->ringingPreview();
    QCOMPARE(stage->insetWidget(), preview);
    QVERIFY(preview->isVisible());
    QVERIFY(preview->showsTestPattern());
    QVERIFY(stage->rect().contains(preview->geometry()));
    const auto *pattern = preview->findChild<ui::TestPatternView *>();
    QVERIFY(pattern && pattern->isVisible());
    const int frame = pattern->frame();
    QTRY_VERIFY(pattern->frame() > frame);

    // Camera off while it rings: no picture of us.
    window->cameraButton()->click();
    QVERIFY(!preview->isVisible());
    window->cameraButton()->click();
    QCOMPARE(stage->insetWidget(), preview);
    QVERIFY(preview->isVisible());

    // Answered: the call's own preview takes over and the ringing one closes.
    QVERIFY(m_im->answer("call.invite", json{{"cid", "c1"}, {"channelId", 77}}));
    m_im->push(protocol::CallAccepted{{"c1", "desktop"}});
    QCOMPARE(m_controller->state(), CallState::Connecting);
    QCOMPARE(stage->insetWidget(), m_media.preview.get());
    QVERIFY(m_media.preview->isVisible());
    QVERIFY(!preview->isVisible());
}

void TestCallWindows::miniModeStaysOnTopWithThePeerTimeAndHangUp()
{
    m_controller->setEndedLingerMs(200);
    connectCall(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->miniModeButton()->isEnabled());
    QTest::mouseClick(window->miniModeButton(), Qt::LeftButton);

    // A small window on top in its place, with the peer and the running time.
    ui::MiniCallWindow *mini = m_calls->miniWindow();
    QVERIFY(QTest::qWaitForWindowExposed(mini));
    QVERIFY(!window->isVisible());
    QVERIFY(mini->windowFlags().testFlag(Qt::WindowStaysOnTopHint));
    QVERIFY(mini->width() < window->width() && mini->height() < window->height() / 2);
    QCOMPARE(mini->peerText(), QStringLiteral("bob"));
    QCOMPARE(mini->statusText(), QStringLiteral("0:00"));
    QTRY_COMPARE_WITH_TIMEOUT(mini->statusText(), QStringLiteral("0:01"), 3000);
    QVERIFY(mini->hangupButton()->isEnabled());

    // Back to the full window, and again small; the next state change keeps it small.
    QTest::mouseClick(mini->expandButton(), Qt::LeftButton);
    QVERIFY(window->isVisible());
    QVERIFY(!mini->isVisible());
    QTest::mouseClick(window->miniModeButton(), Qt::LeftButton);
    QVERIFY(mini->isVisible());

    // Hang up from the small window: the call ends on the wire; after it, no small window.
    QTest::mouseClick(mini->hangupButton(), Qt::LeftButton);
    QCOMPARE(m_controller->state(), CallState::Ended);
    bool hungUp = false;
    for (const auto &request : m_im->requests)
        hungUp = hungUp || request.method == "call.hangup";
    QVERIFY(hungUp);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), CallState::Idle, 5000);
    QVERIFY(!mini->isVisible());
    QVERIFY(!m_calls->isMiniMode());
    dial(CallType::Audio);  // the next call opens in its full window
    QVERIFY(window->isVisible());
    QVERIFY(!mini->isVisible());
}

void TestCallWindows::videoWidgetsOfTheSeamFillTheStage()
{
    m_media.remote = std::make_unique<QWidget>();
    m_media.preview = std::make_unique<QWidget>();
    m_calls->setMediaControls(&m_media);
    dial(CallType::Video);
    ui::CallWindow *window = m_calls->callWindow();
    window->resize(640, 520);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ui::VideoStage *stage = window->videoStage();
    // Ringing: the callee's card, and our own picture in the corner.
    QCOMPARE(stage->mainWidget(), window->peerCard());
    QCOMPARE(stage->insetWidget(), m_media.preview.get());
    window->setRemoteVideoActive(true);
    QCOMPARE(stage->mainWidget(), m_media.remote.get());
    QVERIFY(m_media.remote->isVisible());
    QCOMPARE(m_media.remote->geometry(), stage->rect());
    // The preview sits small in a corner, over the remote video.
    QVERIFY(m_media.preview->isVisible());
    const QRect inset = m_media.preview->geometry();
    QVERIFY(stage->rect().contains(inset));
    QVERIFY(inset.width() < stage->width() / 3);
    QVERIFY(inset.right() > stage->width() * 3 / 4);
    QVERIFY(inset.bottom() > stage->height() * 3 / 4);
    window->cameraButton()->click();  // camera off: no preview
    QVERIFY(!m_media.preview->isVisible());

    // The window does not own them: they outlive it.
    QPointer<QWidget> remote = m_media.remote.get();
    m_calls.reset();
    QVERIFY(remote);
    QCOMPARE(remote->parentWidget(), nullptr);
}

void TestCallWindows::qualityBarsFollowTheReports()
{
    connectCall(CallType::Audio);
    ui::CallWindow *window = m_calls->callWindow();
    ui::QualityBars *bars = window->qualityBars();
    QVERIFY(!bars->isVisible());  // no report yet
    const QString details = QStringLiteral("Round trip 42 ms, loss 0.5 %, 64 kbit/s");
    window->setQuality(3, details);
    QVERIFY(bars->isVisible());
    QCOMPARE(bars->bars(), 3);
    QCOMPARE(bars->toolTip(), details);
    window->setQuality(9, QStringLiteral("x"));
    QCOMPARE(bars->bars(), ui::QualityBars::kMaxBars);
    window->setQuality(-1, QStringLiteral("Round trip 900 ms, loss 30 %"));
    QCOMPARE(bars->bars(), 0);
    QCOMPARE(bars->toolTip(), QStringLiteral("Round trip 900 ms, loss 30 %"));
    m_controller->hangup();
    QVERIFY(!bars->isVisible());
}

void TestCallWindows::statsAreDescribedForTheTooltip()
{
    media::MediaStats stats;
    QVERIFY(ui::CallStatsText::describe(stats).contains(QStringLiteral("measuring")));
    QVERIFY(!ui::CallStatsText::describe(stats).contains(QStringLiteral("Video")));
    stats.rttMs = 41.6;
    stats.lossPercent = 2.34;
    stats.jitterMs = 3.04;
    stats.bitrateInKbps = 812.4;
    stats.bitrateOutKbps = 40.5;
    stats.videoWidth = 640;
    stats.videoHeight = 480;
    stats.videoFps = 29.7;
    const QStringList lines = ui::CallStatsText::describe(stats).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QStringLiteral("Round trip: 42 ms"));
    QCOMPARE(lines[1], QStringLiteral("Packet loss: 2.3 %"));
    QCOMPARE(lines[2], QStringLiteral("Jitter: 3.0 ms"));
    QCOMPARE(lines[3], QStringLiteral("Receiving 812 kbit/s, sending 41 kbit/s"));
    QCOMPARE(lines[4], QStringLiteral("Video: 640×480 at 30 fps"));
}

void TestCallWindows::mediaControlsLendTheirVideoWidgetsAndDevices()
{
    media::CallMedia media(m_controller.get(), m_im.get(), media::MediaConfig{});
    QPointer<QWidget> remote;
    {
        ui::WebRtcCallControls controls(&media);
        remote = controls.remoteVideoWidget();
        QVERIFY(remote && remote->inherits("QVideoWidget"));
        QVERIFY(controls.localPreviewWidget()->inherits("QVideoWidget"));
        QVERIFY(remote != controls.localPreviewWidget());

        const media::DeviceSelection chosen{media::synthetic::toneHigh, media::synthetic::mute,
                                            media::synthetic::testPattern};
        controls.setDevices(chosen);
        QCOMPARE(media.devices(), chosen);
        QCOMPARE(controls.devices(), chosen);

        // the call window shows them in its video area once there is video, and gives them
        // back
        m_calls->setMediaControls(&controls);
        m_calls->callWindow()->setRemoteVideoActive(true);
        QVERIFY(m_calls->callWindow()->isAncestorOf(remote));
        m_calls->setMediaControls(nullptr);
        QVERIFY(!m_calls->callWindow()->isAncestorOf(remote));
    }
    QVERIFY(remote.isNull());  // owned by the controls
}

QTEST_MAIN(TestCallWindows)
#include "tst_call_windows.moc"
