#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace softphone::test {

// A real nats-server (Debian's) on loopback, for the cluster suites.
class NatsServerProcess
{
public:
    ~NatsServerProcess();

    static bool isInstalled();
    bool start();
    void kill();
    QString url() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

}  // namespace softphone::test
