#include "settings/test_pattern_painter.h"

#include <QPainter>
#include <algorithm>
#include <array>

namespace softphone::ui {

void TestPatternPainter::paint(QPainter *painter, const QRect &area, int frame)
{
    if (area.isEmpty())
        return;
    const int barsHeight = area.height() * 3 / 4;
    paintBars(painter, QRect(area.topLeft(), QSize(area.width(), barsHeight)));
    paintMotion(
        painter,
        QRect(area.left(), area.top() + barsHeight, area.width(), area.height() - barsHeight),
        frame);
}

QImage TestPatternPainter::render(const QSize &size, int frame)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::black);
    QPainter painter(&image);
    paint(&painter, image.rect(), frame);
    return image;
}

void TestPatternPainter::paintBars(QPainter *painter, const QRect &area)
{
    // White, yellow, cyan, green, magenta, red, blue at three quarters of full intensity.
    static constexpr std::array<QRgb, 7> kBars = {0xbfbfbf, 0xbfbf00, 0x00bfbf, 0x00bf00,
                                                  0xbf00bf, 0xbf0000, 0x0000bf};
    const int count = int(kBars.size());
    for (int i = 0; i < count; ++i) {
        const int left = area.left() + area.width() * i / count;
        const int right = area.left() + area.width() * (i + 1) / count;
        painter->fillRect(QRect(left, area.top(), right - left, area.height()),
                          QColor::fromRgb(kBars[i]));
    }
}

void TestPatternPainter::paintMotion(QPainter *painter, const QRect &strip, int frame)
{
    painter->fillRect(strip, QColor(0x20, 0x20, 0x20));
    const int side = std::max(2, strip.height() * 2 / 3);
    const int travel = std::max(1, strip.width() - side);
    // Back and forth, four pixels a frame.
    const int position = (frame * 4) % (2 * travel);
    const int x = position < travel ? position : 2 * travel - position;
    painter->fillRect(QRect(strip.left() + x, strip.center().y() - side / 2, side, side),
                      Qt::white);
    QFont font = painter->font();
    font.setPixelSize(std::max(6, strip.height() / 3));
    painter->setFont(font);
    painter->setPen(QColor(0x9e, 0x9e, 0x9e));
    painter->drawText(strip.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                      QString::number(frame));
}

}  // namespace softphone::ui
