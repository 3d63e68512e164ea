#include "calls/video_stage.h"

#include <algorithm>

namespace softphone::ui {

namespace {
constexpr int kPreviewMargin = 8;
}

VideoStage::VideoStage(QWidget *parent)
    : QWidget(parent)
{}

VideoStage::~VideoStage()
{
    // The media layer's widgets outlive the window: do not delete them with it.
    release(m_main);
    release(m_inset);
}

void VideoStage::setPlaceholders(QWidget *main, QWidget *inset)
{
    m_mainPlaceholder = main;
    m_insetPlaceholder = inset;
    main->setParent(this);
    inset->setParent(this);
    arrange();
}

void VideoStage::setVideoWidgets(QWidget *main, QWidget *inset)
{
    adopt(m_main, main);
    adopt(m_inset, inset);
    arrange();
}

void VideoStage::adopt(QPointer<QWidget> &slot, QWidget *widget)
{
    if (slot == widget)
        return;
    release(slot);
    slot = widget;
    if (widget)
        widget->setParent(this);
}

void VideoStage::release(QWidget *widget)
{
    if (!widget)
        return;
    widget->hide();
    widget->setParent(nullptr);
}

void VideoStage::setInsetVisible(bool visible)
{
    m_insetVisible = visible;
    arrange();
}

void VideoStage::setMainVisible(bool visible)
{
    m_mainVisible = visible;
    arrange();
}

QWidget *VideoStage::mainWidget() const
{
    return m_main && m_mainVisible ? m_main.data() : m_mainPlaceholder;
}

QWidget *VideoStage::insetWidget() const
{
    return m_inset ? m_inset.data() : m_insetPlaceholder;
}

QRect VideoStage::insetGeometry() const
{
    const int width = std::clamp(this->width() / 4, 96, 200);
    const QSize size(width, width * 3 / 4);
    return {QPoint(this->width() - size.width() - kPreviewMargin,
                   height() - size.height() - kPreviewMargin),
            size};
}

QSize VideoStage::sizeHint() const
{
    return {480, 320};
}

QSize VideoStage::minimumSizeHint() const
{
    return {320, 200};
}

void VideoStage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void VideoStage::arrange()
{
    const bool mainShown = m_main && m_mainVisible;
    if (m_mainPlaceholder)
        m_mainPlaceholder->setVisible(!mainShown);
    if (m_insetPlaceholder)
        m_insetPlaceholder->setVisible(!m_inset && m_insetVisible);
    if (m_main)
        m_main->setVisible(mainShown);
    if (m_inset)
        m_inset->setVisible(m_insetVisible);
    if (QWidget *main = mainWidget())
        main->setGeometry(rect());
    if (QWidget *inset = insetWidget()) {
        inset->setGeometry(insetGeometry());
        inset->raise();
    }
}

}  // namespace softphone::ui
