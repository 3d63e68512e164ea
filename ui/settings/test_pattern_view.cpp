#include "settings/test_pattern_view.h"

#include "settings/test_pattern_painter.h"

#include <QPainter>

namespace softphone::ui {

TestPatternView::TestPatternView(QWidget *parent)
    : QWidget(parent)
{
    m_timer.setInterval(40);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_frame;
        update();
    });
}

void TestPatternView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    TestPatternPainter::paint(&painter, rect(), m_frame);
}

void TestPatternView::showEvent(QShowEvent *event)
{
    m_timer.start();
    QWidget::showEvent(event);
}

void TestPatternView::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QWidget::hideEvent(event);
}

}  // namespace softphone::ui
