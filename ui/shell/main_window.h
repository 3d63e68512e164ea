#pragma once

#include "protocol/call_record.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace softphone::ui {

class AppSettings;
class CallCoordinator;
class CallLogView;
class ChatView;
class ClientSession;
class ConnectionStatusLabel;
class ContactsView;

// The signed-in window: conversations, contacts and the call log on the left, the open
// conversation on the right, the connection in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ClientSession *session, CallCoordinator *calls, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openConversation(const QString &peer);
    void showCallLog(bool missedOnly);
    void showContacts();
    void setDoNotDisturb(bool on);
    void setAcceptCalls(bool on);
    // Takes the size and place last kept there, and keeps them there when it goes.
    void rememberGeometryIn(AppSettings *settings);

    ChatView *chatView() const { return m_chat; }
    QListView *conversationList() const { return m_conversations; }
    ContactsView *contactsView() const { return m_contacts; }
    CallLogView *callLogView() const { return m_callLog; }
    QTabWidget *sections() const { return m_sections; }

signals:
    void settingsRequested();
    void signOutRequested();
    void quitRequested();
    void doNotDisturbToggled(bool on);
    void acceptCallsToggled(bool on);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showConversation(const QString &peer);
    void retranslate();
    void keepGeometry();
    void showAbout();
    void placeCall(const QString &peer, protocol::CallType type);
    void updateCounts();

    ClientSession *m_session;
    QPointer<AppSettings> m_geometrySettings;  // may go before the window
    CallCoordinator *m_calls;
    QTabWidget *m_sections;
    QListView *m_conversations;
    ContactsView *m_contacts;
    CallLogView *m_callLog;
    QStackedWidget *m_right;
    QLabel *m_placeholder;
    ChatView *m_chat;
    ConnectionStatusLabel *m_status;
    QLabel *m_account;
    QLabel *m_dndLabel;
    QMenu *m_menu;
    QAction *m_settings;
    QAction *m_dnd;
    QAction *m_acceptCalls;
    QAction *m_about;
    QAction *m_signOut;
    QAction *m_quit;
};

}  // namespace softphone::ui
