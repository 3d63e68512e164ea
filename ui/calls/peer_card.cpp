#include "calls/peer_card.h"

#include "style/avatar_painter.h"

#include <QPainter>
#include <QPainterPath>

namespace softphone::ui {

PeerCard::PeerCard(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("peerCard"));
    setMinimumSize(160, 120);
}

void PeerCard::setPeer(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    setAccessibleName(name);
    update();
}

void PeerCard::setCaption(const QString &caption)
{
    if (caption == m_caption)
        return;
    m_caption = caption;
    setAccessibleDescription(caption);
    update();
}

void PeerCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath background;
    background.addRoundedRect(QRectF(rect()), 8, 8);
    painter.fillPath(background, QColor(0x26, 0x32, 0x38));

    const int side = std::clamp(std::min(width(), height()) / 3, 40, 128);
    const int lineHeight = fontMetrics().height();
    const int top = (height() - side - 2 * lineHeight - 12) / 2;
    const QRect avatar((width() - side) / 2, top, side, side);
    AvatarPainter::paint(&painter, avatar, m_name);

    QFont nameFont = font();
    nameFont.setBold(true);
    painter.setFont(nameFont);
    painter.setPen(QColor(0xec, 0xef, 0xf1));
    const QRect nameRect(0, avatar.bottom() + 8, width(), lineHeight);
    painter.drawText(nameRect, Qt::AlignCenter, m_name);
    painter.setFont(font());
    painter.setPen(QColor(0xb0, 0xbe, 0xc5));
    painter.drawText(nameRect.translated(0, lineHeight + 4), Qt::AlignCenter, m_caption);
}

}  // namespace softphone::ui
