#include "shell/connection_status_label.h"

#include <QEvent>

namespace softphone::ui {

using im::ConnectionState;

ConnectionStatusLabel::ConnectionStatusLabel(im::ImClient *im, QWidget *parent)
    : QLabel(parent)
    , m_im(im)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatusLabel::refresh);
    connect(m_im, &im::ImClient::stateChanged, this, &ConnectionStatusLabel::refresh);
    refresh();
}

QString ConnectionStatusLabel::textFor(ConnectionState state, int reconnectInMs)
{
    switch (state) {
    case ConnectionState::Offline:
        return tr("Offline");
    case ConnectionState::Connecting:
        return tr("Connecting…");
    case ConnectionState::Online:
        return tr("Online");
    case ConnectionState::Waiting:
        if (reconnectInMs < 0)
            return tr("Reconnecting…");
        return tr("Reconnecting in %n s", nullptr, std::max(1, (reconnectInMs + 999) / 1000));
    }
    return {};
}

void ConnectionStatusLabel::refresh()
{
    const ConnectionState state = m_im->state();
    if (state == ConnectionState::Waiting)
        m_tick.start();
    else
        m_tick.stop();
    const char *color = state == ConnectionState::Online    ? "#43a047"
                        : state == ConnectionState::Offline ? "#9e9e9e"
                                                            : "#fb8c00";
    setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                .arg(QLatin1String(color), textFor(state, m_im->reconnectInMs()).toHtmlEscaped()));
}

void ConnectionStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

}  // namespace softphone::ui
