#include "server_load/provision.h"

#include "services/password_hasher.h"
#include "storage/account_store.h"
#include "storage/database.h"

#include <QDateTime>
#include <QDir>

namespace softphone::bench::load {

std::vector<Device> provision(const QString &dataDir, int accounts, int devicesPerAccount)
{
    server::DatabaseSettings settings;
    settings.path = QDir(dataDir).filePath(QStringLiteral("softphone.db"));
    return provision(settings, accounts, devicesPerAccount);
}

std::vector<Device> provision(const server::DatabaseSettings &settings, int accounts,
                              int devicesPerAccount)
{
    server::PasswordHasher::initialize();
    server::Database db(settings);
    if (QString error = db.open(); !error.isEmpty())
        qFatal("%s", qPrintable(error));
    server::AccountStore store(db);
    const std::string hash = server::PasswordHasher::hash("bench-password");
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Device> devices;
    db.transaction();
    for (int a = 0; a < accounts; ++a) {
        const std::string account = "bench" + std::to_string(a);
        store.create(account, account, hash, now);
        for (int d = 0; d < devicesPerAccount; ++d) {
            Device device{account, "d" + std::to_string(d), server::PasswordHasher::newToken(), {}};
            store.addSession(server::PasswordHasher::tokenHash(device.token),
                             {account, device.deviceId, now + 86'400'000}, now);
            devices.push_back(std::move(device));
        }
    }
    db.commit();
    return devices;
}

}  // namespace softphone::bench::load
