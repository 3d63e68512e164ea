#pragma once

#include <QUrl>
#include <string>
#include <vector>

namespace softphone::bench::chaos {

// What every party of one worker process shares.
struct Settings
{
    QUrl url;
    std::string tag;  // this process's generation: keeps its msgidClients unique
    std::vector<std::string> peers;
};

}  // namespace softphone::bench::chaos
