#pragma once

#include <QtGlobal>
#include <sys/resource.h>

namespace softphone::bench::load {

// Both ends of every connection live on this machine; the server inherits the limit.
// Returns the limit now in force.
rlim_t raiseFileLimit(rlim_t wanted);

// The descriptor limit of a running process, from /proc; -1 if unknown.
long openFileLimit(qint64 pid);

}  // namespace softphone::bench::load
