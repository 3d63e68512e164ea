#pragma once

#include "media/devices/device_catalog.h"

#include <QBuffer>
#include <QObject>
#include <QTimer>
#include <memory>

class QAudioSink;

namespace softphone::ui {

// Plays a short tone on one speaker so that the user hears whether it is the right one. The
// synthetic speaker plays nothing for as long.
class SpeakerTest : public QObject
{
    Q_OBJECT

public:
    explicit SpeakerTest(QObject *parent = nullptr);
    ~SpeakerTest() override;

    static constexpr int kDurationMs = 700;
    static constexpr double kFrequency = 660.0;

    void play(const media::MediaDevice &speaker);
    void stop();
    bool isPlaying() const { return m_playing; }
    // Why the last test made no sound, or empty.
    QString error() const { return m_error; }

signals:
    void started();
    void finished();

private:
    bool openSink(const QByteArray &id);

    bool m_playing = false;
    QString m_error;
    QTimer m_end;
    QBuffer m_buffer;
    std::unique_ptr<QAudioSink> m_sink;
};

}  // namespace softphone::ui
