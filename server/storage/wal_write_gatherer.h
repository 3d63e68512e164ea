#pragma once

namespace softphone::server {

// An SQLite VFS over the platform's own that gathers a transaction's WAL frames into one
// write. SQLite writes each frame as two pwrite()s, its header and its page: about eighteen
// system calls per call lifecycle, a sixth of the server's CPU at 1,000 calls/s. Here the
// frames wait in the WAL file's buffer and go to the kernel together, when the commit frame's
// page is written (its error is then the commit's), and before anything could read them: a
// read, size or sync of the WAL, a write elsewhere in it, and the barrier SQLite raises before
// it publishes new frames to other connections (the checkpoint thread's) in the WAL index.
// What a commit acknowledges is in the kernel before the commit returns, as before.
class WalWriteGatherer
{
public:
    // Makes it SQLite's default VFS, once per process; connections opened after use it. False
    // if SQLite refused.
    static bool install();
    // Whether it is SQLite's default VFS now.
    static bool isInstalled();
};

}  // namespace softphone::server
