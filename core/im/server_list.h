#pragma once

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace softphone::im {

// The servers a client may reach, in the order it tries them: one address, or the nodes of
// a cluster when no load balancer stands in front of them. Written as ws:// or wss:// URLs
// separated by commas or spaces; nullopt when any of them is not such a URL (or none is given).
std::optional<QList<QUrl>> parseServerList(const QString &text);
// What to say when parseServerList refuses a list given on the command line.
QString serverListUsage();
// The list as a person writes it, and parseServerList reads it back: "ws://a:8600, ws://b:8600".
QString serverListText(const QList<QUrl> &servers);

}  // namespace softphone::im
