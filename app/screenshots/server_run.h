#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

// A softphone-server of the screenshots' own: a temporary data directory, loopback, a free
// port; stopped with the object.
class ServerRun
{
public:
    explicit ServerRun(QString binary);
    ~ServerRun();

    bool start();
    bool addAccount(const QString &account, const QString &password, const QString &name);
    QUrl url() const;

private:
    QString configPath() const;

    QString m_binary;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
