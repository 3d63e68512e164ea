#include "chaos_soak/calls_table.h"

#include "server_process.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <cstdio>

namespace softphone::bench::chaos {

using json = nlohmann::json;

CallsTable CallsTable::read(const test::ServerProcess &server)
{
    CallsTable figures;
    const json config = server.config();
    const QString connection = QStringLiteral("soak-check");
    {
        QSqlDatabase db;
        if (config.contains("database")) {
            const json &pg = config["database"];
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QString::fromStdString(pg["host"].get<std::string>()));
            db.setPort(pg["port"].get<int>());
            db.setDatabaseName(QString::fromStdString(pg["name"].get<std::string>()));
            db.setUserName(QString::fromStdString(pg["user"].get<std::string>()));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(QDir(server.dataDir()).filePath(QStringLiteral("softphone.db")));
        }
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT cid, ended_at IS NULL, record_msgid IS NULL, "
                                      "end_status, owner_node FROM calls"));
            figures.rows = figures.open = figures.unrecorded = 0;
            while (query.next()) {
                ++figures.rows;
                figures.cids.insert(query.value(0).toString().toStdString());
                figures.open += query.value(1).toBool();
                figures.unrecorded += query.value(2).toBool();
                if (query.value(2).toBool() && !query.value(1).toBool()) {
                    // Named, so that the nodes' logs can tell what became of it.
                    std::fprintf(stderr, "  ended without a record: call %s, status %d, node %s\n",
                                 qPrintable(query.value(0).toString()), query.value(3).toInt(),
                                 qPrintable(query.value(4).toString()));
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return figures;
}

}  // namespace softphone::bench::chaos
