#pragma once

#include <QProcess>
#include <QString>

namespace softphone::bench::load {

// The softphone-server process under load, with generous limits: the bench's clients are
// trusted and fast.
class LoadedServer
{
public:
    LoadedServer(QString binary, QString listen, int commitMs)
        : m_binary(std::move(binary))
        , m_listen(std::move(listen))
        , m_commitMs(commitMs)
    {}

    bool start(const QString &dataDir);
    void stop();
    qint64 pid() const { return m_server.processId(); }
    quint16 port() const { return m_port; }

private:
    QString m_binary;
    QString m_listen;
    int m_commitMs;
    QProcess m_server;
    quint16 m_port = 0;
};

}  // namespace softphone::bench::load
