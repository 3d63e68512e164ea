#pragma once

#include <set>
#include <string>

namespace softphone::test {
class ServerProcess;
}

namespace softphone::bench::chaos {

// Rows of the calls table left open or without a record, and the calls it holds, read straight
// from the database after the clean stop. -1: the database could not be read.
struct CallsTable
{
    static CallsTable read(const test::ServerProcess &server);

    int rows = -1;
    int open = -1;
    int unrecorded = -1;
    std::set<std::string> cids;
};

}  // namespace softphone::bench::chaos
