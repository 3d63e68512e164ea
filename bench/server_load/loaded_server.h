#pragma once

#include "protocol/json_fields.h"

#include <QProcess>
#include <QString>

namespace softphone::bench::load {

// The server's config under load: limits out of the way (the bench's clients are trusted and
// fast) and the given group-commit interval.
protocol::json loadSettings(int commitMs);

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
