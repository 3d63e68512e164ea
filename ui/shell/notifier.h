#pragma once

#include <QString>
#include <functional>

namespace softphone::ui {

// A desktop notification: a title, a line of text and at most one action.
struct Notification
{
    QString title;
    QString text;
    QString actionText;            // "Call back"; empty: no action
    std::function<void()> action;  // what the action, or a click on the notification, does
    bool urgent = false;           // a missed call rather than news
    QString tag;                   // names it for withdraw(): "incoming-call", "missed-call"
};

// Where notifications go: the system tray in the app, a recording fake in the tests.
class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual void notify(Notification notification) = 0;
    // Takes back the notification with this tag if it is still shown: news that is no longer
    // true (a call that was answered or ended) does not stay on the screen.
    virtual void withdraw(const QString &tag) = 0;
};

}  // namespace softphone::ui
