#pragma once

#include <QAudioDevice>
#include <QByteArray>
#include <QCameraDevice>

namespace softphone::ui {

// Qt Multimedia's device for a catalog id; a null device when it is not connected.
class QtDeviceLookup
{
public:
    static QAudioDevice microphone(const QByteArray &id);
    static QAudioDevice speaker(const QByteArray &id);
    static QCameraDevice camera(const QByteArray &id);
};

}  // namespace softphone::ui
