#include "calls/mini_call_window.h"

#include "calls/call_window.h"
#include "calls/peer_card.h"
#include "style/avatar_painter.h"
#include "style/call_button_style.h"
#include "style/icon_painter.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace softphone::ui {

namespace {
constexpr int kAvatar = 40;
constexpr int kMargin = 10;
}  // namespace

MiniCallWindow::MiniCallWindow(CallWindow *full, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::Tool | Qt::WindowStaysOnTopHint)
    , m_full(full)
    , m_peer(new QLabel(this))
    , m_status(new QLabel(this))
    , m_expand(new QPushButton(this))
    , m_hangup(new QPushButton(this))
{
    setObjectName(QStringLiteral("miniCallWindow"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    QFont bold = m_peer->font();
    bold.setBold(true);
    m_peer->setFont(bold);
    m_status->setObjectName(QStringLiteral("miniCallStatus"));
    m_expand->setObjectName(QStringLiteral("miniExpand"));
    m_hangup->setObjectName(QStringLiteral("miniHangup"));
    m_hangup->setIcon(IconPainter::icon(QStringLiteral("hangup"), Qt::white));
    m_hangup->setStyleSheet(callButtonStyle("#e53935"));
    // Buttons take focus only from Tab: a key typed elsewhere never lands here.
    m_expand->setFocusPolicy(Qt::TabFocus);
    m_hangup->setFocusPolicy(Qt::TabFocus);

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_peer);
    text->addWidget(m_status);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(kMargin * 2 + kAvatar, kMargin, kMargin, kMargin);
    layout->addLayout(text, 1);
    layout->addWidget(m_expand);
    layout->addWidget(m_hangup);

    connect(m_expand, &QPushButton::clicked, this, &MiniCallWindow::expandRequested);
    connect(m_hangup, &QPushButton::clicked, m_full->callController(),
            &call::CallController::hangup);
    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, &MiniCallWindow::refresh);
    retranslate();
}

void MiniCallWindow::showOnTop()
{
    refresh();
    adjustSize();
    const QScreen *screen = m_full->screen() ? m_full->screen() : QGuiApplication::primaryScreen();
    if (screen) {
        const QRect area = screen->availableGeometry();
        move(area.right() - width() - 2 * kMargin, area.top() + 2 * kMargin);
    }
    show();
    raise();
}

QString MiniCallWindow::peerText() const
{
    return m_peer->text();
}

QString MiniCallWindow::statusText() const
{
    return m_status->text();
}

void MiniCallWindow::refresh()
{
    m_peer->setText(m_full->peerCard()->peer());
    m_status->setText(m_full->statusText());
    // As the full window's button: not once the call is over (its window may be hidden).
    m_hangup->setEnabled(m_full->hangupButton()->isEnabled() &&
                         !m_full->hangupButton()->isHidden());
    setWindowTitle(m_full->windowTitle());
    update();
}

void MiniCallWindow::retranslate()
{
    m_expand->setText(tr("Full window"));
    m_expand->setToolTip(tr("Back to the call window"));
    m_hangup->setText(tr("Hang up"));
    refresh();
}

void MiniCallWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MiniCallWindow::closeEvent(QCloseEvent *event)
{
    // Closing the small window gives the call its window back; it does not hang up.
    event->ignore();
    emit expandRequested();
}

void MiniCallWindow::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), QColor(0xf5, 0xf7, 0xf8));
    const QRect avatar(kMargin, (height() - kAvatar) / 2, kAvatar, kAvatar);
    AvatarPainter::paint(&painter, avatar, m_full->peerCard()->peer());
}

void MiniCallWindow::showEvent(QShowEvent *event)
{
    m_tick.start();
    QWidget::showEvent(event);
}

void MiniCallWindow::hideEvent(QHideEvent *event)
{
    m_tick.stop();
    QWidget::hideEvent(event);
}

}  // namespace softphone::ui
