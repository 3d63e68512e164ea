#include "shell/main_window.h"

#include "calls/call_coordinator.h"
#include "calls/call_window.h"
#include "chat/chat_view.h"
#include "lists/call_log_view.h"
#include "lists/contacts_view.h"
#include "lists/conversation_delegate.h"
#include "shell/app_settings.h"
#include "shell/client_session.h"
#include "shell/connection_status_label.h"
#include "shell/tray_icon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>

namespace softphone::ui {

using records::ConversationListModel;

MainWindow::MainWindow(ClientSession *session, CallCoordinator *calls, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_calls(calls)
    , m_sections(new QTabWidget(this))
    , m_conversations(new QListView(this))
    , m_contacts(new ContactsView(session, this))
    , m_callLog(new CallLogView(session, this))
    , m_right(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_chat(new ChatView(session, this))
    , m_status(new ConnectionStatusLabel(session->im(), this))
    , m_account(new QLabel(this))
    , m_dndLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_conversations->setModel(session->conversations());
    m_conversations->setItemDelegate(new ConversationDelegate(this));
    m_conversations->setFrameShape(QFrame::NoFrame);
    m_conversations->setObjectName(QStringLiteral("conversations"));
    m_sections->addTab(m_conversations, QString());
    m_sections->addTab(m_contacts, QString());
    m_sections->addTab(m_callLog, QString());
    m_sections->setDocumentMode(true);
    m_sections->setMinimumWidth(280);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(QStringLiteral("color: #9e9e9e"));
    m_right->addWidget(m_placeholder);
    m_right->addWidget(m_chat);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_sections);
    splitter->addWidget(m_right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 600});
    setCentralWidget(splitter);

    m_dndLabel->setStyleSheet(QStringLiteral("color: #fb8c00"));
    m_dndLabel->hide();
    statusBar()->addWidget(m_status);
    statusBar()->addPermanentWidget(m_dndLabel);
    statusBar()->addPermanentWidget(m_account);

    m_menu = menuBar()->addMenu(QString());
    m_settings = m_menu->addAction(QString(), this, &MainWindow::settingsRequested);
    // Linux desktops have no standard key for preferences: Ctrl+, as most apps there use.
    m_settings->setShortcut(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                : QKeySequence(QKeySequence::Preferences));
    m_dnd = m_menu->addAction(QString());
    m_dnd->setCheckable(true);
    m_acceptCalls = m_menu->addAction(QString());
    m_acceptCalls->setCheckable(true);
    m_acceptCalls->setChecked(true);
    m_menu->addSeparator();
    m_about = m_menu->addAction(QString(), this, &MainWindow::showAbout);
    m_about->setMenuRole(QAction::AboutRole);
    m_signOut = m_menu->addAction(QString(), this, &MainWindow::signOutRequested);
    m_quit = m_menu->addAction(QString(), this, &MainWindow::quitRequested);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_dnd, &QAction::toggled, this, &MainWindow::doNotDisturbToggled);
    connect(m_acceptCalls, &QAction::toggled, this, &MainWindow::acceptCallsToggled);

    connect(m_conversations, &QListView::clicked, this, [this](const QModelIndex &index) {
        openConversation(index.data(ConversationListModel::PeerRole).toString());
    });
    connect(m_chat, &ChatView::callRequested, this, &MainWindow::placeCall);
    connect(m_contacts, &ContactsView::callRequested, this, &MainWindow::placeCall);
    connect(m_callLog, &CallLogView::callRequested, this, &MainWindow::placeCall);
    connect(m_contacts, &ContactsView::chatRequested, this, &MainWindow::openConversation);
    connect(m_callLog, &CallLogView::chatRequested, this, &MainWindow::showConversation);
    connect(m_session, &ClientSession::countsChanged, this, &MainWindow::updateCounts);
    connect(m_session->conversations(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::updateCounts);
    m_calls->callWindow()->setPresenceBook(m_session->presence());
    resize(980, 680);
    retranslate();
}

MainWindow::~MainWindow()
{
    if (isVisible())
        keepGeometry();
}

void MainWindow::rememberGeometryIn(AppSettings *settings)
{
    m_geometrySettings = settings;
    const QByteArray geometry = settings->windowGeometry(QStringLiteral("main"));
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

void MainWindow::keepGeometry()
{
    if (m_geometrySettings)
        m_geometrySettings->setWindowGeometry(QStringLiteral("main"), saveGeometry());
}

void MainWindow::hideEvent(QHideEvent *event)
{
    keepGeometry();
    QMainWindow::hideEvent(event);
}

void MainWindow::openConversation(const QString &peer)
{
    showConversation(peer);
    m_sections->setCurrentWidget(m_conversations);
}

// The conversation on the right; the list on the left stays what it was.
void MainWindow::showConversation(const QString &peer)
{
    if (peer.isEmpty())
        return;
    m_chat->openConversation(peer);
    m_right->setCurrentWidget(m_chat);
    if (const int row = m_session->conversations()->rowOf(peer); row >= 0)
        m_conversations->setCurrentIndex(m_session->conversations()->index(row));
    updateCounts();
}

void MainWindow::showCallLog(bool missedOnly)
{
    m_sections->setCurrentWidget(m_callLog);
    m_callLog->showMissedOnly(missedOnly);
}

void MainWindow::showContacts()
{
    m_sections->setCurrentWidget(m_contacts);
}

void MainWindow::placeCall(const QString &peer, protocol::CallType type)
{
    if (!m_calls->placeCall(peer, type) && !m_session->callController()->isBusy())
        statusBar()->showMessage(tr("The call could not be placed."), 5000);
}

void MainWindow::setDoNotDisturb(bool on)
{
    m_dnd->setChecked(on);
    m_dndLabel->setVisible(on);
}

void MainWindow::setAcceptCalls(bool on)
{
    m_acceptCalls->setChecked(on);
}

void MainWindow::updateCounts()
{
    const int unread = m_session->unreadCount();
    const QString title = tr("Softphone — %1").arg(m_session->account());
    setWindowTitle(unread > 0 ? QStringLiteral("(%1) %2").arg(unread).arg(title) : title);
    const int missed = m_session->missedCallCount();
    m_sections->setTabText(2, missed > 0 ? tr("Calls (%1)").arg(missed) : tr("Calls"));
}

void MainWindow::retranslate()
{
    m_sections->setTabText(0, tr("Chats"));
    m_sections->setTabText(1, tr("Contacts"));
    m_placeholder->setText(tr("Choose a conversation, or a contact to write to or call."));
    m_account->setText(tr("Signed in as %1").arg(m_session->account()));
    m_dndLabel->setText(tr("Do not disturb"));
    m_menu->setTitle(tr("&Softphone"));
    m_settings->setText(tr("&Settings…"));
    m_dnd->setText(tr("&Do not disturb"));
    m_acceptCalls->setText(tr("&Accept calls on this device"));
    m_about->setText(tr("A&bout Softphone"));
    m_signOut->setText(tr("Sign &out"));
    m_quit->setText(tr("&Quit"));
    updateCounts();
    m_conversations->viewport()->update();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Softphone"),
        tr("<b>Softphone %1</b><p>Chat, voice and video calls, and a call record "
           "for every call.</p><p>Qt %2</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::ActivationChange && isActiveWindow() &&
        m_right->currentWidget() == m_chat && !m_chat->peer().isEmpty())
        m_session->markRead(m_chat->peer());
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray the app keeps running there, so calls still ring.
    if (TrayIcon::isAvailable()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    emit quitRequested();
}

}  // namespace softphone::ui
