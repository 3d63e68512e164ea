#pragma once

#include "call/call_controller.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace softphone::ui {

// Rings the user: who calls, voice or video, and Accept (and Accept with video for a video
// call) or Decline. Shortcuts work from any of the app's windows while it shows:
// Ctrl+Shift+A accepts, Ctrl+Shift+V accepts with video, Ctrl+Shift+D declines. When another
// device answers or declines, or the caller gives up, it says so for a moment.
class IncomingCallWindow : public QWidget
{
    Q_OBJECT

public:
    explicit IncomingCallWindow(call::CallController *calls, QWidget *parent = nullptr);

    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *acceptVideoButton() const { return m_acceptVideo; }
    QPushButton *declineButton() const { return m_decline; }
    QString statusText() const;

signals:
    void accepted(bool withVideo);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslate();
    void onState(call::CallState state);
    void accept(bool withVideo);
    void decline();

    call::CallController *m_calls;
    QLabel *m_avatar;
    QLabel *m_caller;
    QLabel *m_status;
    QPushButton *m_accept;
    QPushButton *m_acceptVideo;
    QPushButton *m_decline;
};

}  // namespace softphone::ui
