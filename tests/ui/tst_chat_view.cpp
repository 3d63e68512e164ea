// The chat view in the main window: a click on a call record calls back with the record's
// media type (checked on the wire, as the call.invite request), Copy and Delete act on the
// row, the conversation opens with one page and reads older ones as the user scrolls up.

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "chat/call_record_delegate.h"
#include "chat/chat_view.h"
#include "chat/message_delegate.h"
#include "chat/message_list_view.h"
#include "chat/message_text.h"
#include "core/fake_im_client.h"
#include "i18n/translations.h"
#include "lists/call_log_view.h"
#include "models/message_list_model.h"
#include "record_fixture.h"
#include "shell/app_settings.h"
#include "shell/client_session.h"
#include "shell/main_window.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace softphone;

namespace {

// Receives the URLs the app asks the desktop to open, in place of a browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

// Pixels of `image` that are clearly blue (the read marks, even blended into the bubble);
// the bubble's own light blue and the grey marks are not.
int bluePixels(const QImage &image)
{
    int found = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() - c.red() > 80)
                ++found;
        }
    }
    return found;
}

}  // namespace
using protocol::CallStatus;
using protocol::CallType;
using records::MessageListModel;

class TestChatView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void clickOnARecordCallsBackWithTheSameType_data();
    void clickOnARecordCallsBackWithTheSameType();
    void clickOnATextMessageCallsNobody();
    void copyAndDelete();
    void opensWithOnePageAndPagesInOnScroll();
    void headerSaysConnectingWhileReconnecting();
    void menuKeysAreDistinctAndSettingsHasAShortcut();
    void windowSizeAndPlaceAreRemembered();
    void deliveryMarksFollowTheReceipts();
    void openingAConversationReadsIt();
    void linksInMessagesOpenInTheBrowser();
    void oneClickInTheCallLogOpensTheConversation();

private:
    void open();
    const test::FakeImClient::Request *findRequest(const std::string &method) const;
    QModelIndex rowWithLocalId(qint64 localId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<im::LocalStore> m_store;
    std::unique_ptr<test::FakeImClient> m_im;
    std::unique_ptr<ui::ClientSession> m_session;
    std::unique_ptr<ui::CallCoordinator> m_calls;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestChatView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<im::LocalStore>(m_dir->filePath(QStringLiteral("s.db")),
                                               QStringLiteral("alice"));
    QCOMPARE(m_store->open(), QString());
    m_im = std::make_unique<test::FakeImClient>();
}

void TestChatView::cleanup()
{
    m_window.reset();
    m_calls.reset();
    m_session.reset();
    m_im.reset();
    m_store.reset();
    m_dir.reset();
}

void TestChatView::open()
{
    m_session = std::make_unique<ui::ClientSession>(m_im.get(), m_store.get());
    m_calls = std::make_unique<ui::CallCoordinator>(m_session->callController());
    m_window = std::make_unique<ui::MainWindow>(m_session.get(), m_calls.get());
    m_window->resize(900, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openConversation(QStringLiteral("bob"));
}

const test::FakeImClient::Request *TestChatView::findRequest(const std::string &method) const
{
    for (const auto &request : m_im->requests) {
        if (request.method == method)
            return &request;
    }
    return nullptr;
}

QModelIndex TestChatView::rowWithLocalId(qint64 localId) const
{
    const ui::MessageListView *view = m_window->chatView()->messageView();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data(MessageListModel::LocalIdRole).toLongLong() == localId)
            return index;
    }
    return {};
}

void TestChatView::clickOnARecordCallsBackWithTheSameType_data()
{
    QTest::addColumn<CallType>("type");
    QTest::addColumn<bool>("aliceCalled");
    QTest::newRow("audio, own call") << CallType::Audio << true;
    QTest::newRow("video, own call") << CallType::Video << true;
    QTest::newRow("audio, missed") << CallType::Audio << false;
    QTest::newRow("video, missed") << CallType::Video << false;
}

void TestChatView::clickOnARecordCallsBackWithTheSameType()
{
    QFETCH(CallType, type);
    QFETCH(bool, aliceCalled);
    // The other type first, so that a wrong row or a fixed type would show.
    const CallType other = type == CallType::Audio ? CallType::Video : CallType::Audio;
    QVERIFY(m_store->addFromServer(
        test::callRecordMessage("alice", "bob", CallStatus::Completed, other, 1)));
    const auto stored = m_store->addFromServer(
        aliceCalled ? test::callRecordMessage("alice", "bob", CallStatus::Timeout, type, 2)
                    : test::callRecordMessage("bob", "alice", CallStatus::Timeout, type, 2));
    QVERIFY(stored);
    open();

    ui::MessageListView *view = m_window->chatView()->messageView();
    const QModelIndex index = rowWithLocalId(stored->localId);
    QVERIFY(index.isValid());
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.rect = view->visualRect(index);
    const QRect bubble = ui::CallRecordDelegate::bubbleRect(
        option, ui::MessageDelegate::contentRect(option, index), index);
    QVERIFY(view->viewport()->rect().contains(bubble.center()));
    QVERIFY(!findRequest("call.invite"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, bubble.center());

    const auto *invite = findRequest("call.invite");
    QVERIFY(invite);
    QCOMPARE(invite->params.at("callee").get<std::string>(), std::string("bob"));
    QCOMPARE(invite->params.at("type").get<int>(), int(type));
    QCOMPARE(m_session->callController()->state(), call::CallState::Outgoing);
    QVERIFY(m_calls->callWindow()->isVisible());
}

void TestChatView::clickOnATextMessageCallsNobody()
{
    const auto stored = m_store->addFromServer(test::textMessage("bob", "alice", "hello", 1));
    QVERIFY(stored);
    open();
    ui::MessageListView *view = m_window->chatView()->messageView();
    const QModelIndex index = rowWithLocalId(stored->localId);
    QVERIFY(index.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QVERIFY(!findRequest("call.invite"));
    QCOMPARE(m_session->callController()->state(), call::CallState::Idle);
}

void TestChatView::copyAndDelete()
{
    QVERIFY(m_store->addFromServer(test::textMessage("bob", "alice", "hello", 1)));
    const auto record = m_store->addFromServer(
        test::callRecordMessage("bob", "alice", CallStatus::Busy, CallType::Audio, 2));
    QVERIFY(record);
    open();
    ui::ChatView *chat = m_window->chatView();
    QCOMPARE(chat->model()->rowCount(), 2);
    QModelIndex index = rowWithLocalId(record->localId);
    chat->copyMessage(index);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Missed call (you were busy)"));

    chat->deleteMessage(index);
    QCOMPARE(chat->model()->rowCount(), 1);
    QVERIFY(!rowWithLocalId(record->localId).isValid());
    QCOMPARE(m_store->count(QStringLiteral("bob")), 1);  // gone from the store too
    // The conversation's preview falls back to the message before.
    const int row = m_session->conversations()->rowOf(QStringLiteral("bob"));
    QCOMPARE(m_session->conversations()
                 ->index(row)
                 .data(records::ConversationListModel::PreviewRole)
                 .toString(),
             QStringLiteral("hello"));
}

void TestChatView::opensWithOnePageAndPagesInOnScroll()
{
    for (int i = 0; i < 300; ++i) {
        QVERIFY(m_store->addFromServer(
            i % 3 == 0 ? test::callRecordMessage(i % 2 ? "alice" : "bob", i % 2 ? "bob" : "alice",
                                                 CallStatus(1 + i % 5), CallType::Audio, i)
                       : test::textMessage(i % 2 ? "alice" : "bob", i % 2 ? "bob" : "alice",
                                           "message " + std::to_string(i), i)));
    }
    open();
    ui::MessageListView *view = m_window->chatView()->messageView();
    MessageListModel *model = m_window->chatView()->model();
    QCOMPARE(model->rowCount(), 50);  // one page, though the view shows the newest rows
    QVERIFY(view->isAtNewest());
    const QModelIndex newest = view->model()->index(49, 0);
    QVERIFY(view->viewport()->rect().intersects(view->visualRect(newest)));

    // Scrolling to the top reads one more page and keeps the rows on screen where they were.
    const qint64 firstOfPage = model->index(0).data(MessageListModel::LocalIdRole).toLongLong();
    view->verticalScrollBar()->setValue(0);
    QCOMPARE(model->rowCount(), 100);
    QVERIFY(view->verticalScrollBar()->value() > 0);
    // Still looking at what was the top of the first page, now row 50 (its day separator,
    // if it had one, may have gone: the day goes on in the page above).
    const QModelIndex kept = view->model()->index(50, 0);
    QCOMPARE(kept.data(MessageListModel::LocalIdRole).toLongLong(), firstOfPage);
    const QRect keptRect = view->visualRect(kept);
    QVERIFY2(keptRect.top() >= 0 && keptRect.top() <= 40,
             qPrintable(QStringLiteral("row 50 at %1").arg(keptRect.top())));
    while (view->loadOlder()) {
    }
    QCOMPARE(model->rowCount(), 300);
}

void TestChatView::headerSaysConnectingWhileReconnecting()
{
    QVERIFY(m_store->addFromServer(
        test::callRecordMessage("bob", "alice", CallStatus::Completed, CallType::Audio, 1)));
    open();
    m_session->presence()->update({"bob", "Bob", true, {"desktop"}});
    m_window->openConversation(QStringLiteral("bob"));
    auto *presence = m_window->chatView()->findChild<QLabel *>(QStringLiteral("presence"));
    QCOMPARE(presence->text(), QStringLiteral("online"));
    m_im->setConnection(im::ConnectionState::Waiting);
    QCOMPARE(presence->text(), QStringLiteral("connecting…"));
    m_im->setConnection(im::ConnectionState::Online);
    QCOMPARE(presence->text(), QStringLiteral("online"));
}

void TestChatView::menuKeysAreDistinctAndSettingsHasAShortcut()
{
    open();
    for (const QLocale &language : {QLocale(QLocale::English), QLocale(QLocale::Chinese)}) {
        QVERIFY(i18n::useLanguage(language));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        for (const QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
            QSet<QChar> keys;
            for (const QAction *action : menu->actions()) {
                const int at = action->text().indexOf(u'&');
                if (at < 0 || at + 1 >= action->text().size())
                    continue;
                const QChar key = action->text().at(at + 1).toLower();
                QVERIFY2(!keys.contains(key), qPrintable(action->text()));
                keys.insert(key);
            }
        }
    }
    QVERIFY(i18n::useLanguage(QLocale(QLocale::English)));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    bool settingsHasKey = false;
    for (const QAction *action : m_window->menuBar()->actions().constFirst()->menu()->actions()) {
        if (action->text().startsWith(QStringLiteral("&Settings")))
            settingsHasKey = !action->shortcut().isEmpty();
    }
    QVERIFY(settingsHasKey);
}

void TestChatView::windowSizeAndPlaceAreRemembered()
{
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    ui::AppSettings settings(QStringLiteral("geometry"));
    open();
    m_window->rememberGeometryIn(&settings);
    m_window->setGeometry(120, 90, 760, 540);
    const QRect placed = m_window->geometry();
    m_window->close();
    m_window.reset();

    m_window = std::make_unique<ui::MainWindow>(m_session.get(), m_calls.get());
    m_window->rememberGeometryIn(&settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->geometry(), placed);
}

QTEST_MAIN(TestChatView)
void TestChatView::deliveryMarksFollowTheReceipts()
{
    const auto mine = m_store->addFromServer(test::textMessage("alice", "bob", "see you", 1));
    QVERIFY(mine);
    const auto theirs = m_store->addFromServer(test::textMessage("bob", "alice", "ok", 2));
    QVERIFY(theirs);
    open();
    ui::MessageListView *view = m_window->chatView()->messageView();
    const QModelIndex own = rowWithLocalId(mine->localId);
    const QModelIndex other = rowWithLocalId(theirs->localId);
    QVERIFY(own.isValid() && other.isValid());
    const QColor grey = ui::MessageDelegate::markColor(own);

    // On the server: one mark; theirs carry none.
    QVERIFY(ui::MessageDelegate::footerText(own).endsWith(QStringLiteral(" ✓")));
    QCOMPARE(ui::MessageDelegate::deliveryDescription(own), QStringLiteral("Sent"));
    QVERIFY(!ui::MessageDelegate::footerText(other).contains(QStringLiteral("✓")));
    QCOMPARE(ui::MessageDelegate::deliveryDescription(other), QString());

    // Bob's device has it: two marks, still grey.
    const auto changed =
        m_store->applyPeerReceipt(QStringLiteral("bob"), mine->message.msgidServer, 0);
    QCOMPARE(changed.size(), 1u);
    emit m_im->deliveryChanged(QStringLiteral("bob"), {qint64(changed.front())});
    QVERIFY(ui::MessageDelegate::footerText(own).endsWith(QStringLiteral(" ✓✓")));
    QCOMPARE(ui::MessageDelegate::deliveryDescription(own), QStringLiteral("Delivered"));
    QCOMPARE(ui::MessageDelegate::markColor(own), grey);  // until read
    const QColor readColour(0x1f, 0x7a, 0xe0);
    QCOMPARE(bluePixels(view->viewport()->grab().toImage()), 0);

    // Bob read it: the marks turn to the read colour, on the screen too.
    emit m_im->deliveryChanged(
        QStringLiteral("bob"),
        {qint64(m_store->applyPeerReceipt(QStringLiteral("bob"), 0, mine->message.msgidServer)
                    .front())});
    QCOMPARE(ui::MessageDelegate::deliveryDescription(own), QStringLiteral("Read"));
    QCOMPARE(ui::MessageDelegate::markColor(own), readColour);
    QVERIFY(bluePixels(view->viewport()->grab().toImage()) > 3);
}

void TestChatView::openingAConversationReadsIt()
{
    QVERIFY(m_store->addFromServer(test::textMessage("bob", "alice", "are you there?", 1)));
    open();
    // The client is told, so that it can tell Bob (msg.receipt).
    QCOMPARE(m_im->markedRead, QStringList{QStringLiteral("bob")});
}

void TestChatView::linksInMessagesOpenInTheBrowser()
{
    const QString body =
        QStringLiteral("the notes: https://example.org/notes?id=7, or www.example.com.");
    const auto links = ui::MessageText::findLinks(body);
    QCOMPARE(links.size(), 2);
    QCOMPARE(links[0].url, QUrl(QStringLiteral("https://example.org/notes?id=7")));
    QCOMPARE(links[1].url, QUrl(QStringLiteral("http://www.example.com")));
    QVERIFY(ui::MessageText::findLinks(QStringLiteral("no link here, example.org")).isEmpty());

    const auto stored =
        m_store->addFromServer(test::textMessage("bob", "alice", body.toStdString(), 1));
    QVERIFY(stored);
    open();
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &catcher, "open");
    ui::MessageListView *view = m_window->chatView()->messageView();
    QSignalSpy activated(view, &ui::MessageListView::linkActivated);
    const QModelIndex index = rowWithLocalId(stored->localId);
    QVERIFY(index.isValid());
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.rect = view->visualRect(index);

    // Find the link's pixels by asking where a link is, across the bubble: a link is found
    // at some points and only there, and a click there opens it.
    QPoint onLink, offLink;
    for (int y = option.rect.top(); y < option.rect.bottom() && onLink.isNull(); y += 2) {
        for (int x = option.rect.left(); x < option.rect.right(); x += 3) {
            const QUrl url = ui::MessageDelegate::linkAt(option, index, QPoint(x, y));
            if (url == links[0].url) {
                onLink = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY(!onLink.isNull());
    offLink = QPoint(option.rect.left() + 12, option.rect.center().y());
    QVERIFY(ui::MessageDelegate::linkAt(option, index, offLink).isEmpty());

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, offLink);
    QVERIFY(catcher.opened.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onLink);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(catcher.opened, QList<QUrl>{links[0].url});
    QVERIFY(!findRequest("call.invite"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

void TestChatView::oneClickInTheCallLogOpensTheConversation()
{
    QVERIFY(m_store->addFromServer(
        test::callRecordMessage("carol", "alice", CallStatus::Timeout, CallType::Video, 1)));
    QVERIFY(m_store->addFromServer(test::textMessage("bob", "alice", "hello", 2)));
    open();
    QCOMPARE(m_window->chatView()->peer(), QStringLiteral("bob"));
    m_window->showCallLog(false);
    QListView *log = m_window->callLogView()->list();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(log->isVisible());
    QCOMPARE(log->model()->rowCount(), 1);
    const QRect row = log->visualRect(log->model()->index(0, 0));
    QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(m_window->chatView()->peer(), QStringLiteral("carol"));
    QVERIFY(log->isVisible());             // the log stays where it was
    QVERIFY(!findRequest("call.invite"));  // a click opens; it does not call
}

#include "tst_chat_view.moc"
