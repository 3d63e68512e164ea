#pragma once

#include <QObject>

namespace softphone::cli {

// One softphone-cli command: run() starts it; it ends by emitting finished() once.
class CliCommand : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void run() = 0;
    // Ctrl+C or SIGTERM: finish politely (hang up, say goodbye) rather than vanish.
    virtual void stop() { finish(1); }

signals:
    void finished(int exitCode);

protected:
    void finish(int exitCode)
    {
        if (!m_finished) {
            m_finished = true;
            emit finished(exitCode);
        }
    }
    bool isFinished() const { return m_finished; }

private:
    bool m_finished = false;
};

}  // namespace softphone::cli
