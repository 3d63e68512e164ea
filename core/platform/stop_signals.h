#pragma once

#include <QObject>

namespace softphone::platform {

// Turns the operating system's polite stop requests (SIGTERM and SIGINT on Unix, Ctrl+C and
// console close on Windows) into a signal on the event loop, so a program can end cleanly.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

signals:
    void stopRequested();

private:
    void deliver();
};

}  // namespace softphone::platform
