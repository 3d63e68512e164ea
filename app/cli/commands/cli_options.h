#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace softphone::cli {

// Exit statuses of softphone-cli, for scripts.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,      // anything else that went wrong
    ExitUsage = 2,        // bad command line
    ExitUnreachable = 3,  // no connection, or the login was refused
    ExitRefused = 4,      // the server refused the request
    ExitTimedOut = 5,     // waited too long for something that should have come
    ExitCallFailed = 6,   // the call was answered but its media never connected, or broke
};

// What every command needs to reach the server as an account.
struct CliOptions
{
    QUrl server;
    QList<QUrl> moreServers;  // other nodes of a cluster, tried in turn
    QString user;
    QString password;
    QString token;
    QString dataDir;   // where the per-account local stores live
    QString deviceId;  // empty: one remembered per account in dataDir
    int connectTimeoutMs = 10000;
    int mediaTimeoutMs = 30000;  // how long an answered call may wait for its media
};

}  // namespace softphone::cli
