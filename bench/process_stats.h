#pragma once

#include <QtGlobal>

// What the benchmarks read of a process from /proc (Linux).
namespace softphone::bench {

// Resident memory in KiB; -1 if unknown.
long residentKiB(qint64 pid);
// User + system CPU seconds the process has used; 0 if unknown.
double cpuSeconds(qint64 pid);

}  // namespace softphone::bench
