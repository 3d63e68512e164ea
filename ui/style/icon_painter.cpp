#include "style/icon_painter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSvgRenderer>
#include <algorithm>

namespace softphone::ui {

void IconPainter::paint(QPainter *painter, const QRectF &rect, const QString &name,
                        const QColor &color)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap pixmap((rect.size() * ratio).toSize());
    pixmap.fill(Qt::transparent);
    {
        QPainter tint(&pixmap);
        QSvgRenderer renderer(QStringLiteral(":/icons/%1.svg").arg(name));
        renderer.render(&tint);
        tint.setCompositionMode(QPainter::CompositionMode_SourceIn);
        tint.fillRect(pixmap.rect(), color);
    }
    pixmap.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect.topLeft(), pixmap);
}

QIcon IconPainter::icon(const QString &name, const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(&painter, QRectF(0, 0, size, size), name, color);
    return QIcon(pixmap);
}

QString IconPainter::mediaIconName(protocol::CallType type)
{
    return type == protocol::CallType::Video ? QStringLiteral("call-video")
                                             : QStringLiteral("call-audio");
}

void IconPainter::paintArrow(QPainter *painter, const QRectF &rect, bool outgoing,
                             const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(color, std::max<qreal>(1.5, rect.width() / 7));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    const QRectF r = rect.adjusted(rect.width() * 0.2, rect.height() * 0.2, -rect.width() * 0.2,
                                   -rect.height() * 0.2);
    const QPointF tail = outgoing ? r.bottomLeft() : r.topRight();
    const QPointF head = outgoing ? r.topRight() : r.bottomLeft();
    painter->drawLine(tail, head);
    const qreal arm = r.width() * 0.6;
    const QPointF dx(outgoing ? -arm : arm, 0);
    const QPointF dy(0, outgoing ? arm : -arm);
    QPainterPath barbs;
    barbs.moveTo(head + dx);
    barbs.lineTo(head);
    barbs.lineTo(head + dy);
    painter->drawPath(barbs);
    painter->restore();
}

void IconPainter::paintPresence(QPainter *painter, const QPointF &center, qreal radius, bool online,
                                const QColor &ring)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(ring, 2));
    painter->setBrush(online ? QColor(0x43, 0xa0, 0x47) : QColor(0x9e, 0x9e, 0x9e));
    painter->drawEllipse(center, radius, radius);
    painter->restore();
}

qreal IconPainter::paintBadge(QPainter *painter, const QPointF &rightCenter, int count,
                              const QColor &fill)
{
    if (count <= 0)
        return 0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = painter->font();
    font.setBold(true);
    if (font.pixelSize() > 0)  // a font sized in pixels has no point size to scale
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.85)));
    else
        font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    const QFontMetricsF metrics(font);
    const qreal height = metrics.height() + 2;
    const qreal width = std::max(height, metrics.horizontalAdvance(text) + height * 0.6);
    const QRectF box(rightCenter.x() - width, rightCenter.y() - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, height / 2, height / 2);
    painter->setPen(Qt::white);
    painter->drawText(box, Qt::AlignCenter, text);
    painter->restore();
    return width;
}

}  // namespace softphone::ui
