#include "settings/level_bar.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace softphone::ui {

namespace {
// Speech sits far below full scale on a linear scale; a square root spreads it out.
qreal position(float fraction)
{
    return std::sqrt(qreal(std::clamp(fraction, 0.0f, 1.0f)));
}
}  // namespace

LevelBar::LevelBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LevelBar::setLevel(const AudioLevel &level)
{
    m_level = level;
    update();
}

QSize LevelBar::sizeHint() const
{
    return {160, 12};
}

void LevelBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(area);
    const qreal inner = area.width() - 2;
    painter.fillRect(
        QRectF(area.left() + 1, area.top() + 1, inner * position(m_level.rms), area.height() - 2),
        QColor(0x43, 0xa0, 0x47));
    const qreal peakX = area.left() + 1 + inner * position(m_level.peak);
    if (m_level.peak > 0.0f)
        painter.fillRect(QRectF(peakX - 1, area.top() + 1, 2, area.height() - 2),
                         m_level.peak >= 0.99f ? QColor(0xe5, 0x39, 0x35)
                                               : QColor(0x2e, 0x7d, 0x32));
}

}  // namespace softphone::ui
