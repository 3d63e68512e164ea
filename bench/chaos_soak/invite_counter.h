#pragma once

#include <QString>
#include <map>
#include <vector>

namespace softphone::bench::chaos {

// Counts acknowledged invites in the journals as they grow, to know when to stop.
class InviteCounter
{
public:
    int count(const std::vector<QString> &paths);

private:
    std::map<QString, qint64> m_offsets;
    int m_count = 0;
};

}  // namespace softphone::bench::chaos
