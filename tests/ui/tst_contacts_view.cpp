// The contacts view of the desktop app against the real server: add a contact by account id
// (an unknown id is said to be unknown), message and call it from there, and remove it with
// the context action after a confirmation naming it (Cancel keeps it). Removal takes the row
// away and the contact off the server's list.

#include "calls/call_coordinator.h"
#include "chat/chat_view.h"
#include "lists/contacts_view.h"
#include "models/contact_list_model.h"
#include "server_process.h"
#include "shell/client_session.h"
#include "shell/desktop_app.h"
#include "shell/main_window.h"
#include "test_client.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace softphone;

namespace {

constexpr int kWait = 15000;

// Answers the next message box with `button`, keeping its text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start(20);
}

}  // namespace

class TestContactsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addByAccountId();
    void unknownAccountIdIsSaidSo();
    void messageAndCallFromTheContacts();
    void removeAfterConfirmation();
    void deleteKeyAsksAndCancelKeeps();

private:
    QPushButton *button(const QString &text) const;
    void addContact(const QString &account);
    std::vector<std::string> serverContacts();

    QTemporaryDir m_home;
    test::ServerProcess m_server;
    std::unique_ptr<ui::DesktopApp> m_app;
    ui::ContactsView *m_view = nullptr;
    im::ContactListModel *m_contacts = nullptr;
};

void TestContactsView::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(m_server.start());
    for (const char *account : {"cora", "dan"}) {
        QCOMPARE(m_server.runCommand({QStringLiteral("account"), QStringLiteral("add"),
                                      QLatin1String(account), QStringLiteral("password-123")}),
                 0);
    }
}

void TestContactsView::init()
{
    ui::DesktopOptions options;
    options.profile = QStringLiteral("contacts");
    options.servers = {m_server.url()};
    options.account = QStringLiteral("cora");
    options.password = QStringLiteral("password-123");
    options.language = QStringLiteral("en");
    m_app = std::make_unique<ui::DesktopApp>(options);
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), kWait);
    m_app->mainWindow()->showContacts();
    m_view = m_app->mainWindow()->contactsView();
    m_contacts = m_app->session()->contacts();
}

void TestContactsView::cleanup()
{
    m_app.reset();
}

QPushButton *TestContactsView::button(const QString &text) const
{
    for (QPushButton *candidate : m_view->findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

void TestContactsView::addContact(const QString &account)
{
    auto *edit = m_view->findChild<QLineEdit *>();
    QVERIFY(edit);
    edit->setText(account);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_contacts->rowOf(account) >= 0, kWait);
}

std::vector<std::string> TestContactsView::serverContacts()
{
    std::vector<std::string> accounts;
    test::TestClient probe(m_server.url(), "probe");
    if (!probe.open() || !probe.login("cora", "password-123").ok())
        return {"<no login>"};
    const auto reply = probe.request(protocol::ContactsList{});
    if (!reply.ok())
        return {"<no list>"};
    const auto list = protocol::fromJson<protocol::ContactList>(*reply.result);
    if (!list)
        return {"<unreadable>"};
    for (const protocol::Presence &contact : list->contacts)
        accounts.push_back(contact.account);
    return accounts;
}

void TestContactsView::addByAccountId()
{
    addContact(QStringLiteral("dan"));
    // The new contact is selected, ready to be messaged or called.
    QCOMPARE(m_view->selectedAccount(), QStringLiteral("dan"));
    QVERIFY(button(QStringLiteral("Message"))->isEnabled());
    QCOMPARE(serverContacts(), std::vector<std::string>{"dan"});
}

void TestContactsView::unknownAccountIdIsSaidSo()
{
    auto *edit = m_view->findChild<QLineEdit *>();
    edit->setText(QStringLiteral("nobody-here"));
    QTest::keyClick(edit, Qt::Key_Return);
    auto *error = m_view->findChild<QLabel *>(QStringLiteral("contactError"));
    QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), kWait);
    QCOMPARE(error->text(), QStringLiteral("There is no account with that id."));
}

void TestContactsView::messageAndCallFromTheContacts()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_contacts->rowOf(QStringLiteral("dan")) >= 0, kWait);
    m_view->list()->setCurrentIndex(m_contacts->index(m_contacts->rowOf(QStringLiteral("dan"))));
    QTest::mouseClick(button(QStringLiteral("Message")), Qt::LeftButton);
    QCOMPARE(m_app->mainWindow()->chatView()->peer(), QStringLiteral("dan"));
    QVERIFY(m_app->mainWindow()->chatView()->isVisible());

    m_app->mainWindow()->showContacts();
    QTest::mouseClick(button(QStringLiteral("Video")), Qt::LeftButton);
    call::CallController *calls = m_app->session()->callController();
    QCOMPARE(calls->state(), call::CallState::Outgoing);
    QCOMPARE(calls->current().peer, QStringLiteral("dan"));
    QCOMPARE(calls->current().type, protocol::CallType::Video);
    QVERIFY(calls->hangup());
}

void TestContactsView::removeAfterConfirmation()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_contacts->rowOf(QStringLiteral("dan")) >= 0, kWait);
    m_view->list()->setCurrentIndex(m_contacts->index(m_contacts->rowOf(QStringLiteral("dan"))));
    QVERIFY(m_view->removeAction()->isEnabled());
    QString asked;
    answerNextMessageBox(QMessageBox::Yes, &asked);
    m_view->removeAction()->trigger();
    QVERIFY2(asked.contains(QStringLiteral("dan")), qPrintable(asked));
    QTRY_COMPARE_WITH_TIMEOUT(m_contacts->rowOf(QStringLiteral("dan")), -1, kWait);
    QCOMPARE(m_contacts->rowCount(), 0);
    QVERIFY(serverContacts().empty());
}

void TestContactsView::deleteKeyAsksAndCancelKeeps()
{
    addContact(QStringLiteral("dan"));
    m_view->list()->setFocus();
    QString asked;
    answerNextMessageBox(QMessageBox::Cancel, &asked);
    QTest::keyClick(m_view->list(), Qt::Key_Delete);
    QVERIFY2(asked.contains(QStringLiteral("dan")), qPrintable(asked));
    QTest::qWait(300);  // a removal would be answered in this time
    QVERIFY(m_contacts->rowOf(QStringLiteral("dan")) >= 0);
    QCOMPARE(serverContacts(), std::vector<std::string>{"dan"});
}

QTEST_MAIN(TestContactsView)
#include "tst_contacts_view.moc"
