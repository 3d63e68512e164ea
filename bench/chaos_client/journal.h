#pragma once

#include "protocol/json_fields.h"

#include <QString>

namespace softphone::bench::chaos {

// Appends one JSON object per line; each line reaches the kernel before the call returns,
// so it survives a SIGKILL of this process.
class Journal
{
public:
    explicit Journal(const QString &path);
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    void write(const protocol::json &entry);

private:
    int m_fd;
};

}  // namespace softphone::bench::chaos
