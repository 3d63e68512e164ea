// softphone-screenshots OUT [LANGUAGE [SERVER_BINARY]]: renders the desktop app's views into
// PNG files for the README (scripts/screenshots.sh runs it under Xvfb). The main window and
// the call log show demo data (all five record styles from both sides), through a stand-in
// IM client; with a server binary the call windows come from real calls (live_call_shots.cpp),
// else from the stand-in.

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "calls/incoming_call_window.h"
#include "i18n/translations.h"
#include "im/im_client.h"
#include "live_call_shots.h"
#include "media/devices/device_catalog.h"
#include "shell/client_session.h"
#include "shell/main_window.h"
#include "shot_file.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>

using namespace softphone;
using protocol::json;

namespace {

// An IM client that is always online and answers call invites and contact lists at once.
class DemoImClient : public im::ImClient
{
public:
    explicit DemoImClient(QString account)
        : m_account(std::move(account))
    {}

    void start(const im::Credentials &) override {}
    void stop() override {}
    im::ConnectionState state() const override { return im::ConnectionState::Online; }
    QString account() const override { return m_account; }
    im::LocalStore *store() override { return nullptr; }
    QString sendMessage(const QString &, protocol::MsgType, const QString &,
                        const QString &) override
    {
        return QStringLiteral("demo");
    }
    void request(const std::string &method, const json &, im::RpcChannel::Callback done) override
    {
        if (method == "call.invite")
            done(im::RpcReply{json{{"cid", "demo-call"}, {"channelId", 42}}, {}});
        else if (method == "contacts.list")
            done(im::RpcReply{
                json{{"contacts",
                      json::array(
                          {json{{"account", "bob"}, {"name", "Bob Lee"}, {"online", true}},
                           json{{"account", "carol"}, {"name", "Carol Wu"}, {"online", false}}})}},
                {}});
    }
    void ring(const protocol::CallIncoming &event)
    {
        emit eventReceived(std::string(protocol::CallIncoming::kEvent), protocol::toJson(event));
    }

private:
    QString m_account;
};

protocol::Message message(const char *from, const char *to, qint64 at, int n)
{
    protocol::Message m;
    m.from = from;
    m.to = to;
    m.msgidClient = "demo-" + std::to_string(n);
    m.msgidServer = n;
    m.msgTimestamp = at;
    m.fromClientType = "desktop";
    return m;
}

void addText(im::LocalStore &store, const char *from, const char *to, const char *body, qint64 at,
             int n)
{
    protocol::Message m = message(from, to, at, n);
    m.body = body;
    store.addFromServer(m);
}

void addRecord(im::LocalStore &store, const char *caller, const char *callee,
               protocol::CallStatus status, protocol::CallType type, qint64 at, int n)
{
    protocol::CallRecord record;
    record.type = type;
    record.channelId = n;
    record.status = status;
    if (status == protocol::CallStatus::Completed)
        record.durations = {{caller, 155}, {callee, 154}};
    protocol::Message m = message(caller, callee, at, n);
    m.msgType = protocol::MsgType::CallRecord;
    m.attach = record.serialize();
    store.addFromServer(m);
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString language = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("en");
    const QString serverBinary = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    const QLocale locale = language == QLatin1String("en")
                               ? QLocale(QLocale::English, QLocale::UnitedStates)
                               : QLocale(language);
    QLocale::setDefault(locale);
    i18n::useLanguage(locale);
    const QDir out(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("."));
    QDir().mkpath(out.path());
    QTemporaryDir dir;

    // Alice's side: one conversation with all five record styles from both sides.
    im::LocalStore store(dir.filePath(QStringLiteral("alice.db")), QStringLiteral("alice"));
    store.open();
    using protocol::CallStatus;
    using protocol::CallType;
    const qint64 yesterday =
        QDateTime(QDate::currentDate().addDays(-1), QTime(9, 30)).toMSecsSinceEpoch();
    const qint64 today = QDateTime(QDate::currentDate(), QTime(8, 55)).toMSecsSinceEpoch();
    const qint64 minute = 60000;
    int n = 1;
    addText(store, "carol", "alice", "See you at the standup.", yesterday - 40 * minute, n++);
    addText(store, "bob", "alice", "Can we go over the release notes?", yesterday, n++);
    addText(store, "alice", "bob", "Sure, calling you now.", yesterday + minute, n++);
    addRecord(store, "alice", "bob", CallStatus::Completed, CallType::Audio, yesterday + 2 * minute,
              n++);
    addRecord(store, "bob", "alice", CallStatus::Completed, CallType::Video,
              yesterday + 30 * minute, n++);
    addRecord(store, "alice", "bob", CallStatus::Canceled, CallType::Audio, today, n++);
    addRecord(store, "bob", "alice", CallStatus::Canceled, CallType::Video, today + minute, n++);
    addRecord(store, "alice", "bob", CallStatus::Rejected, CallType::Video, today + 5 * minute,
              n++);
    addRecord(store, "bob", "alice", CallStatus::Rejected, CallType::Audio, today + 7 * minute,
              n++);
    addRecord(store, "alice", "bob", CallStatus::Timeout, CallType::Audio, today + 12 * minute,
              n++);
    addRecord(store, "bob", "alice", CallStatus::Timeout, CallType::Audio, today + 20 * minute,
              n++);
    addRecord(store, "alice", "bob", CallStatus::Busy, CallType::Video, today + 25 * minute, n++);
    addRecord(store, "bob", "alice", CallStatus::Busy, CallType::Audio, today + 31 * minute, n++);
    addText(store, "bob", "alice", "Sorry, I was on another call. Free now!", today + 33 * minute,
            n++);

    DemoImClient aliceIm(QStringLiteral("alice"));
    ui::ClientSession alice(&aliceIm, &store);
    alice.presence()->update({"bob", "Bob Lee", true, {"desktop"}});
    alice.presence()->update({"carol", "Carol Wu", false, {}});
    alice.contacts()->refresh();
    media::DeviceCatalog devices;
    ui::CallCoordinator aliceCalls(alice.callController());
    ui::MainWindow window(&alice, &aliceCalls);
    window.resize(1040, 1010);
    window.show();
    window.openConversation(QStringLiteral("bob"));
    // Bob's conversation is open and read; Carol's stays unread. Show the unread and
    // missed-call badges on a second conversation too.
    addRecord(store, "carol", "alice", CallStatus::Timeout, CallType::Video, today + 34 * minute,
              n++);
    alice.conversations()->reload();
    QApplication::processEvents();
    bool ok = saveWidgetShot(&window, out, "main-window.png");

    window.showCallLog(false);
    QApplication::processEvents();
    ok = saveWidgetShot(&window, out, "call-log.png") && ok;
    window.openConversation(QStringLiteral("bob"));
    if (!serverBinary.isEmpty()) {
        window.close();
        return (renderLiveCalls(out, serverBinary, language) && ok) ? 0 : 1;
    }

    // An outgoing video call, ringing, with the menus of this machine's devices.
    aliceCalls.setDeviceCatalog(&devices, nullptr);
    aliceCalls.placeCall(QStringLiteral("bob"), CallType::Video);
    aliceCalls.callWindow()->resize(480, 420);
    QApplication::processEvents();
    ok = saveWidgetShot(aliceCalls.callWindow(), out, "call-window.png") && ok;
    alice.callController()->cancel();

    // Bob's side: Alice's video call rings.
    im::LocalStore bobStore(dir.filePath(QStringLiteral("bob.db")), QStringLiteral("bob"));
    bobStore.open();
    DemoImClient bobIm(QStringLiteral("bob"));
    ui::ClientSession bob(&bobIm, &bobStore);
    ui::CallCoordinator bobCalls(bob.callController());
    bobIm.ring(protocol::CallIncoming{"alice", "Alice Chen", CallType::Video, "c2", 43});
    bobCalls.incomingWindow()->resize(380, 240);
    QApplication::processEvents();
    ok = saveWidgetShot(bobCalls.incomingWindow(), out, "incoming-call.png") && ok;
    return ok ? 0 : 1;
}
