#include "settings/camera_preview.h"

#include "settings/qt_device_lookup.h"
#include "settings/test_pattern_view.h"

#include <QCamera>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QStackedLayout>
#include <QVideoWidget>

namespace softphone::ui {

CameraPreview::CameraPreview(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_message(new QLabel(this))
    , m_pattern(new TestPatternView(this))
{
    setMinimumSize(240, 180);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("background: #263238; color: #b0bec5"));
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_pattern);
}

CameraPreview::~CameraPreview()
{
    close();
}

void CameraPreview::setDevice(const media::MediaDevice &camera)
{
    if (camera == m_device)
        return;
    m_device = camera;
    if (isVisible()) {
        close();
        open();
    }
}

bool CameraPreview::showsTestPattern() const
{
    return m_stack->currentWidget() == m_pattern;
}

QString CameraPreview::message() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void CameraPreview::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    open();
}

void CameraPreview::hideEvent(QHideEvent *event)
{
    close();
    QWidget::hideEvent(event);
}

void CameraPreview::open()
{
    if (m_device.isNull())
        showMessage(tr("No camera"));
    else if (m_device.id == media::synthetic::testPattern)
        m_stack->setCurrentWidget(m_pattern);
    else
        openCamera();
}

void CameraPreview::openCamera()
{
    const QCameraDevice device = QtDeviceLookup::camera(m_device.id);
    if (device.isNull()) {
        showMessage(tr("The camera is not connected"));
        return;
    }
    if (!m_video) {
        m_video = new QVideoWidget(this);
        m_stack->addWidget(m_video);
        m_session = std::make_unique<QMediaCaptureSession>();
        m_session->setVideoOutput(m_video);
    }
    m_camera = std::make_unique<QCamera>(device);
    connect(m_camera.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString &text) {
                showMessage(tr("The camera cannot be opened: %1").arg(text));
            });
    m_session->setCamera(m_camera.get());
    m_stack->setCurrentWidget(m_video);
    m_camera->start();
}

void CameraPreview::close()
{
    if (!m_camera)
        return;
    m_camera->stop();
    m_session->setCamera(nullptr);
    m_camera.reset();
}

void CameraPreview::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

}  // namespace softphone::ui
