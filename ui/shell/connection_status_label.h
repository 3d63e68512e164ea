#pragma once

#include "im/im_client.h"

#include <QLabel>
#include <QTimer>

namespace softphone::ui {

// The status line: Connecting… / Online / Reconnecting in N s / Offline, with a coloured dot.
class ConnectionStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatusLabel(im::ImClient *im, QWidget *parent = nullptr);

    static QString textFor(im::ConnectionState state, int reconnectInMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    im::ImClient *m_im;
    QTimer m_tick;
};

}  // namespace softphone::ui
