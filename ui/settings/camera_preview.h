#pragma once

#include "media/devices/device_catalog.h"

#include <QWidget>
#include <memory>

class QCamera;
class QLabel;
class QMediaCaptureSession;
class QStackedLayout;
class QVideoWidget;

namespace softphone::ui {

class TestPatternView;

// What a camera sees: a real camera through Qt Multimedia, opened only while the preview is
// shown; the synthetic camera's moving test pattern, drawn here.
class CameraPreview : public QWidget
{
    Q_OBJECT

public:
    explicit CameraPreview(QWidget *parent = nullptr);
    ~CameraPreview() override;

    void setDevice(const media::MediaDevice &camera);
    bool isCameraOpen() const { return m_camera != nullptr; }
    bool showsTestPattern() const;
    QString message() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void open();
    void close();
    void openCamera();
    void showMessage(const QString &text);

    media::MediaDevice m_device;
    QStackedLayout *m_stack;
    QLabel *m_message;
    TestPatternView *m_pattern;
    QVideoWidget *m_video = nullptr;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
};

}  // namespace softphone::ui
