// The call windows against the call controller, over a fake IM client: the incoming window's
// Accept, Accept with video and Decline (buttons and shortcuts) answer on the wire; the call
// window's Hang up (button and shortcut) cancels or hangs up; the status line follows the
// call, and an ended call says why, including another device's answer.

#include "call_coordinator.h"
#include "call_window.h"
#include "core/fake_im_client.h"
#include "incoming_call_window.h"

#include <QPushButton>
#include <QTest>

using namespace softphone;
using call::CallState;
using protocol::CallType;
using protocol::json;

namespace {
const json kEmpty = json::object();
}

class TestCallWindows : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void incomingCallShowsTheCallerAndType();
    void acceptButtonAnswers();
    void acceptWithVideoTurnsTheCameraOn();
    void declineButtonDeclines();
    void shortcutsAcceptAndDecline_data();
    void shortcutsAcceptAndDecline();
    void hangupButtonCancelsAnUnansweredCall();
    void hangupShortcutHangsUp();
    void statusFollowsTheOutgoingCall();
    void answeredOnAnotherDeviceIsShown_data();
    void answeredOnAnotherDeviceIsShown();

private:
    void ring(CallType type);
    void dial(CallType type);
    bool sentRespond(bool accepted);

    std::unique_ptr<test::FakeImClient> m_im;
    std::unique_ptr<call::CallController> m_controller;
    std::unique_ptr<ui::CallCoordinator> m_calls;
};

void TestCallWindows::init()
{
    m_im = std::make_unique<test::FakeImClient>();
    m_controller = std::make_unique<call::CallController>(m_im.get());
    m_calls = std::make_unique<ui::CallCoordinator>(m_controller.get());
}

void TestCallWindows::cleanup()
{
    m_calls.reset();
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

QTEST_MAIN(TestCallWindows)
#include "tst_call_windows.moc"
