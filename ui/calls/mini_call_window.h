#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace softphone::ui {

class CallWindow;

// The call in a small window that stays on top while the user chats: the peer's avatar and
// name, the call's status (its running time once connected), a button back to the full call
// window and Hang up. Shown without taking the keyboard from the window being typed in.
class MiniCallWindow : public QWidget
{
    Q_OBJECT

public:
    explicit MiniCallWindow(CallWindow *full, QWidget *parent = nullptr);

    // Shows it in the top right corner of the screen the full window was on.
    void showOnTop();
    QString peerText() const;
    QString statusText() const;
    QPushButton *expandButton() const { return m_expand; }
    QPushButton *hangupButton() const { return m_hangup; }

signals:
    void expandRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void retranslate();

    CallWindow *m_full;
    QLabel *m_peer;
    QLabel *m_status;
    QPushButton *m_expand;
    QPushButton *m_hangup;
    QTimer m_tick;
};

}  // namespace softphone::ui
