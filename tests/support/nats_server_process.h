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
    // Runs with `config` (nats-server's configuration format) listening on `port`, which the
    // config names.
    bool start(const QByteArray &config, quint16 port);
    void kill();
    QString url() const;

private:
    bool run(const QStringList &arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

}  // namespace softphone::test
