#pragma once

#include <QString>
#include <QThread>

namespace softphone::server {

// Copies SQLite's write-ahead log back into the database file from a thread of its own,
// so the fsync a checkpoint needs never stalls the event loop that carries calls.
class WalCheckpointer : public QThread
{
    Q_OBJECT

public:
    explicit WalCheckpointer(QString databasePath, int intervalMs = 1000,
                             QObject *parent = nullptr);
    ~WalCheckpointer() override;

protected:
    void run() override;

private:
    QString m_path;
    int m_intervalMs;
};

}  // namespace softphone::server
