#pragma once

#include "protocol/call_record.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace softphone::ui {

// The system tray entry, where the desktop has a tray: the app icon with a badge of unread
// messages and missed calls, notifications for incoming and missed calls (a click on a
// missed-call notice calls back), and a menu with Show, Do not disturb and Quit.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    void setCount(int count);
    void setDoNotDisturb(bool on);
    void notifyIncoming(const QString &name, protocol::CallType type);
    void notifyMissed(const QString &peer, const QString &name, protocol::CallType type);
    void retranslate();
    // The icon with a count badge, also used for the window icon.
    static QIcon badgedIcon(int count);

signals:
    void showRequested();
    void quitRequested();
    void doNotDisturbToggled(bool on);
    void callBackRequested(const QString &peer, softphone::protocol::CallType type);

private:
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
    QAction *m_dnd = nullptr;
    QAction *m_quit = nullptr;
    int m_count = 0;
    bool m_doNotDisturb = false;
    QString m_lastMissedPeer;
    protocol::CallType m_lastMissedType = protocol::CallType::Audio;
};

}  // namespace softphone::ui
