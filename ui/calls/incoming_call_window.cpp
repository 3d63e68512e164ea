#include "calls/incoming_call_window.h"

#include "calls/call_end_text.h"
#include "style/avatar_painter.h"
#include "style/call_button_style.h"
#include "style/icon_painter.h"

#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace softphone::ui {

using call::CallState;

IncomingCallWindow::IncomingCallWindow(call::CallController *calls, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::WindowStaysOnTopHint)
    , m_calls(calls)
    , m_avatar(new QLabel(this))
    , m_caller(new QLabel(this))
    , m_status(new QLabel(this))
    , m_accept(new QPushButton(this))
    , m_acceptVideo(new QPushButton(this))
    , m_decline(new QPushButton(this))
{
    setObjectName(QStringLiteral("incomingCallWindow"));
    setMinimumWidth(340);
    // A call rings while the user types elsewhere: the window must not take the keyboard, and
    // if the window system activates it anyway, no key may land on a button.
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFocusPolicy(Qt::ClickFocus);
    m_avatar->setAlignment(Qt::AlignCenter);
    QFont callerFont = m_caller->font();
    callerFont.setPointSizeF(callerFont.pointSizeF() * 1.4);
    callerFont.setBold(true);
    m_caller->setFont(callerFont);
    m_caller->setAlignment(Qt::AlignCenter);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setObjectName(QStringLiteral("incomingStatus"));
    m_accept->setObjectName(QStringLiteral("accept"));
    m_acceptVideo->setObjectName(QStringLiteral("acceptVideo"));
    m_decline->setObjectName(QStringLiteral("decline"));
    m_accept->setIcon(IconPainter::icon(QStringLiteral("call-audio"), Qt::white));
    m_acceptVideo->setIcon(IconPainter::icon(QStringLiteral("call-video"), Qt::white));
    m_decline->setIcon(IconPainter::icon(QStringLiteral("hangup"), Qt::white));
    m_accept->setStyleSheet(callButtonStyle("#43a047", "8px 14px"));
    m_acceptVideo->setStyleSheet(callButtonStyle("#43a047", "8px 14px"));
    m_decline->setStyleSheet(callButtonStyle("#e53935", "8px 14px"));
    for (QPushButton *button : {m_accept, m_acceptVideo, m_decline})
        button->setFocusPolicy(Qt::TabFocus);  // reachable with Tab, never focused by a click

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_decline);
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_acceptVideo);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_avatar);
    layout->addWidget(m_caller);
    layout->addWidget(m_status);
    layout->addSpacing(12);
    layout->addLayout(buttons);

    connect(m_accept, &QPushButton::clicked, this, [this] { accept(false); });
    connect(m_acceptVideo, &QPushButton::clicked, this, [this] { accept(true); });
    connect(m_decline, &QPushButton::clicked, this, &IncomingCallWindow::decline);
    const auto shortcut = [this](QKeyCombination keys, auto slot) {
        auto *s = new QShortcut(QKeySequence(keys), this);
        s->setContext(Qt::ApplicationShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A, [this] { accept(false); });
    shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_V, [this] {
        if (m_calls->current().type == protocol::CallType::Video)
            accept(true);
    });
    shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D, [this] { decline(); });
    connect(m_calls, &call::CallController::stateChanged, this, &IncomingCallWindow::onState);
    retranslate();
}

QString IncomingCallWindow::statusText() const
{
    if (m_calls->state() == CallState::Ended)
        return CallEndText::endText(m_calls->endReason(), m_calls->current().failure);
    return m_calls->current().type == protocol::CallType::Video ? tr("Incoming video call")
                                                                : tr("Incoming voice call");
}

void IncomingCallWindow::onState(CallState state)
{
    const call::CallInfo &info = m_calls->current();
    const QString name = info.peerName.isEmpty() ? info.peer : info.peerName;
    if (state == CallState::Incoming) {
        QPixmap avatar(72, 72);
        avatar.fill(Qt::transparent);
        QPainter painter(&avatar);
        AvatarPainter::paint(&painter, avatar.rect(), name);
        m_avatar->setPixmap(avatar);
        m_caller->setText(name);
        setFocus(Qt::OtherFocusReason);  // the window, not Accept, has the keys when activated
    }
    const bool ringing = state == CallState::Incoming;
    m_accept->setEnabled(ringing);
    m_acceptVideo->setEnabled(ringing);
    m_decline->setEnabled(ringing);
    m_acceptVideo->setVisible(info.type == protocol::CallType::Video);
    setWindowTitle(tr("Call from %1").arg(name));
    m_status->setText(statusText());
}

void IncomingCallWindow::accept(bool withVideo)
{
    if (m_calls->state() != CallState::Incoming)
        return;
    if (m_calls->accept())
        emit accepted(withVideo && m_calls->current().type == protocol::CallType::Video);
}

void IncomingCallWindow::decline()
{
    if (m_calls->state() == CallState::Incoming)
        m_calls->reject();
}

void IncomingCallWindow::retranslate()
{
    m_accept->setText(tr("Accept"));
    m_accept->setToolTip(tr("Accept (Ctrl+Shift+A)"));
    m_acceptVideo->setText(tr("Accept with video"));
    m_acceptVideo->setToolTip(tr("Accept with video (Ctrl+Shift+V)"));
    m_decline->setText(tr("Decline"));
    m_decline->setToolTip(tr("Decline (Ctrl+Shift+D)"));
    onState(m_calls->state());
}

void IncomingCallWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IncomingCallWindow::closeEvent(QCloseEvent *event)
{
    decline();  // closing the ringing window declines, as the button does
    event->accept();
}

}  // namespace softphone::ui
