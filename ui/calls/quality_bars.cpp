#include "calls/quality_bars.h"

#include <QEvent>
#include <QPainter>
#include <algorithm>

namespace softphone::ui {

QualityBars::QualityBars(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    updateAccessibleName();
}

void QualityBars::setBars(int bars)
{
    bars = std::clamp(bars, 0, kMaxBars);
    if (bars == m_bars)
        return;
    m_bars = bars;
    updateAccessibleName();
    update();
}

QSize QualityBars::sizeHint() const
{
    return {22, 16};
}

QColor QualityBars::fillColor() const
{
    if (m_bars >= 3)
        return {0x43, 0xa0, 0x47};
    if (m_bars == 2)
        return {0xf9, 0xa8, 0x25};
    return {0xe5, 0x39, 0x35};
}

void QualityBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    const qreal gap = 2.0;
    const qreal barWidth = (width() - gap * (kMaxBars - 1)) / kMaxBars;
    for (int i = 0; i < kMaxBars; ++i) {
        const qreal barHeight = height() * (i + 1) / qreal(kMaxBars);
        const QRectF bar(i * (barWidth + gap), height() - barHeight, barWidth, barHeight);
        painter.setBrush(i < m_bars ? fillColor() : palette().color(QPalette::Mid));
        painter.drawRoundedRect(bar, 1.0, 1.0);
    }
}

void QualityBars::updateAccessibleName()
{
    setAccessibleName(tr("Call quality: %1 of %2").arg(m_bars).arg(kMaxBars));
}

void QualityBars::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateAccessibleName();
    QWidget::changeEvent(event);
}

}  // namespace softphone::ui
