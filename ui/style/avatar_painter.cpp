#include "style/avatar_painter.h"

#include <QColor>
#include <QPainter>

namespace softphone::ui {

void AvatarPainter::paint(QPainter *painter, const QRect &rect, const QString &name)
{
    static const QColor kColors[] = {{0xef, 0x53, 0x50}, {0xab, 0x47, 0xbc}, {0x5c, 0x6b, 0xc0},
                                     {0x29, 0xb6, 0xf6}, {0x26, 0xa6, 0x9a}, {0x9c, 0xcc, 0x65},
                                     {0xff, 0xa7, 0x26}, {0x8d, 0x6e, 0x63}};
    unsigned hash = 0;
    for (const QChar c : name)
        hash = hash * 31 + c.unicode();
    const QColor color = kColors[hash % std::size(kColors)];
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(8, rect.height() * 2 / 5));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, name.left(1).toUpper());
    painter->restore();
}

}  // namespace softphone::ui
