#pragma once

#include <QList>
#include <QUrl>
#include <string>
#include <vector>

namespace softphone::bench::chaos {

// What every party of one worker process shares.
struct Settings
{
    QList<QUrl> servers;  // tried in turn: the nodes of a cluster
    std::string tag;      // this process's generation: keeps its msgidClients unique
    std::vector<std::string> peers;
};

}  // namespace softphone::bench::chaos
