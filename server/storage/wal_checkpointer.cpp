#include "storage/wal_checkpointer.h"

#include "logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace softphone::server {

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs, QObject *parent)
    : QThread(parent)
    , m_path(std::move(databasePath))
    , m_intervalMs(intervalMs)
{}

WalCheckpointer::~WalCheckpointer()
{
    quit();
    wait();
}

void WalCheckpointer::run()
{
    const QString name = QStringLiteral("wal-checkpointer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            qCWarning(lcStorage) << "the checkpoint thread cannot open the database:"
                                 << db.lastError().text();
            return;
        }
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&db] {
            // PASSIVE never waits for the writer; whatever it cannot copy now waits a turn.
            QSqlQuery query(db);
            query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        });
        timer.start(m_intervalMs);
        exec();
        QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

}  // namespace softphone::server
