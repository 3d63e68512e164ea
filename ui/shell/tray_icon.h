#pragma once

#include "shell/notifier.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace softphone::ui {

// The system tray entry, where the desktop has a tray: the app icon with a badge of unread
// messages and missed calls, the notifications (a click runs the notification's action),
// and a menu with Show, Do not disturb and Quit.
class TrayIcon : public QObject, public Notifier
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    void setCount(int count);
    int count() const { return m_count; }  // the badge's number, with or without a tray
    void setDoNotDisturb(bool on);
    void notify(Notification notification) override;
    void withdraw(const QString &tag) override;
    QString shownTag() const { return m_shownTag; }  // of the balloon on show; empty: none
    void retranslate();
    // Show, Do not disturb and Quit; made even where there is no tray, for a tray that comes.
    QMenu *menu() const { return m_menu; }
    // The icon with a count badge, also used for the window icon.
    static QIcon badgedIcon(int count);
    // Whether Qt draws the tray's balloons itself (and can take one back), rather than handing
    // them to the desktop's notification service as a StatusNotifierItem does.
    static bool drawsItsOwnBalloons();

signals:
    void showRequested();
    void quitRequested();
    void doNotDisturbToggled(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
    QAction *m_dnd = nullptr;
    QAction *m_quit = nullptr;
    int m_count = 0;
    std::function<void()> m_shownAction;  // of the notification on show
    QString m_shownTag;
};

}  // namespace softphone::ui
