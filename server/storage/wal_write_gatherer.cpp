#include "storage/wal_write_gatherer.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <new>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace softphone::server {

namespace {

constexpr int kFrameHeaderBytes = 24;  // a WAL frame's header, before its page
// The base VFS takes at most 128 KiB in one write (the Unix one masks the length with
// 0x1ffff): what is gathered goes out in writes of at most 64 KiB, and a transaction larger
// than that in parts as it is written.
constexpr std::size_t kMostWritten = 64 * 1024;

sqlite3_vfs *base = nullptr;  // the platform's VFS

// A file of the gathering VFS: the base VFS's file follows it in the same block.
struct GatheringFile
{
    sqlite3_file file;  // first: SQLite sees this
    sqlite3_file *real = nullptr;
    bool isWal = false;
    std::string walPath;  // of the WAL itself, or of the main database's WAL
    std::mutex mutex;     // the barrier may come from another connection's thread
    std::string gathered;
    sqlite3_int64 gatheredAt = 0;
    bool commitPageNext = false;
};

constexpr std::size_t kRealOffset = (sizeof(GatheringFile) + 15) / 16 * 16;

GatheringFile &of(sqlite3_file *file)
{
    return *reinterpret_cast<GatheringFile *>(file);
}

std::mutex walsMutex;
std::vector<GatheringFile *> wals;  // open WAL files, for the barrier

int flushLocked(GatheringFile &file)
{
    int status = SQLITE_OK;
    for (std::size_t done = 0; done < file.gathered.size() && status == SQLITE_OK;) {
        const std::size_t part = std::min(kMostWritten, file.gathered.size() - done);
        status = file.real->pMethods->xWrite(file.real, file.gathered.data() + done, int(part),
                                             file.gatheredAt + sqlite3_int64(done));
        done += part;
    }
    file.gathered.clear();
    return status;
}

int flush(GatheringFile &file)
{
    const std::lock_guard lock(file.mutex);
    return flushLocked(file);
}

std::uint32_t bigEndian32(const unsigned char *bytes)
{
    return std::uint32_t(bytes[0]) << 24 | std::uint32_t(bytes[1]) << 16 |
           std::uint32_t(bytes[2]) << 8 | std::uint32_t(bytes[3]);
}

int gatherWrite(sqlite3_file *handle, const void *data, int amount, sqlite3_int64 offset)
{
    GatheringFile &file = of(handle);
    if (!file.isWal)
        return file.real->pMethods->xWrite(file.real, data, amount, offset);
    const std::lock_guard lock(file.mutex);
    if (!file.gathered.empty() && offset != file.gatheredAt + sqlite3_int64(file.gathered.size())) {
        if (const int status = flushLocked(file); status != SQLITE_OK)
            return status;
    }
    if (file.gathered.empty())
        file.gatheredAt = offset;
    const auto *bytes = static_cast<const unsigned char *>(data);
    file.gathered.append(reinterpret_cast<const char *>(bytes), std::size_t(amount));
    bool commitWritten = false;
    if (amount == kFrameHeaderBytes) {
        // Bytes 4-7 of a frame's header: the database's size after a commit, 0 in the others.
        file.commitPageNext = bigEndian32(bytes + 4) != 0;
    } else if (file.commitPageNext) {
        file.commitPageNext = false;
        commitWritten = true;
    }
    if (commitWritten || file.gathered.size() >= kMostWritten)
        return flushLocked(file);
    return SQLITE_OK;
}

int gatherRead(sqlite3_file *handle, void *data, int amount, sqlite3_int64 offset)
{
    GatheringFile &file = of(handle);
    if (file.isWal) {
        if (const int status = flush(file); status != SQLITE_OK)
            return status;
    }
    return file.real->pMethods->xRead(file.real, data, amount, offset);
}

int gatherTruncate(sqlite3_file *handle, sqlite3_int64 size)
{
    GatheringFile &file = of(handle);
    if (const int status = flush(file); status != SQLITE_OK)
        return status;
    return file.real->pMethods->xTruncate(file.real, size);
}

int gatherSync(sqlite3_file *handle, int flags)
{
    GatheringFile &file = of(handle);
    if (const int status = flush(file); status != SQLITE_OK)
        return status;
    return file.real->pMethods->xSync(file.real, flags);
}

int gatherFileSize(sqlite3_file *handle, sqlite3_int64 *size)
{
    GatheringFile &file = of(handle);
    if (const int status = flush(file); status != SQLITE_OK)
        return status;
    return file.real->pMethods->xFileSize(file.real, size);
}

int gatherClose(sqlite3_file *handle)
{
    GatheringFile &file = of(handle);
    if (file.isWal) {
        const std::lock_guard lock(walsMutex);
        std::erase(wals, &file);
    }
    int status = flush(file);
    const int closed = file.real->pMethods->xClose(file.real);
    if (status == SQLITE_OK)
        status = closed;
    file.~GatheringFile();
    return status;
}

int gatherLock(sqlite3_file *handle, int level)
{
    return of(handle).real->pMethods->xLock(of(handle).real, level);
}

int gatherUnlock(sqlite3_file *handle, int level)
{
    return of(handle).real->pMethods->xUnlock(of(handle).real, level);
}

int gatherCheckReservedLock(sqlite3_file *handle, int *reserved)
{
    return of(handle).real->pMethods->xCheckReservedLock(of(handle).real, reserved);
}

int gatherFileControl(sqlite3_file *handle, int op, void *argument)
{
    return of(handle).real->pMethods->xFileControl(of(handle).real, op, argument);
}

int gatherSectorSize(sqlite3_file *handle)
{
    return of(handle).real->pMethods->xSectorSize(of(handle).real);
}

int gatherDeviceCharacteristics(sqlite3_file *handle)
{
    return of(handle).real->pMethods->xDeviceCharacteristics(of(handle).real);
}

int gatherShmMap(sqlite3_file *handle, int page, int pageSize, int extend, void volatile **map)
{
    sqlite3_file *real = of(handle).real;
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmMap)
        return SQLITE_IOERR;
    return real->pMethods->xShmMap(real, page, pageSize, extend, map);
}

int gatherShmLock(sqlite3_file *handle, int offset, int count, int flags)
{
    sqlite3_file *real = of(handle).real;
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmLock)
        return SQLITE_IOERR;
    return real->pMethods->xShmLock(real, offset, count, flags);
}

// SQLite raises it on the main database's file before it writes the WAL index's header, which
// shows new frames to the other connections: they must be in the WAL file by then.
void gatherShmBarrier(sqlite3_file *handle)
{
    GatheringFile &file = of(handle);
    {
        const std::lock_guard lock(walsMutex);
        for (GatheringFile *wal : wals) {
            if (wal->walPath == file.walPath)
                flush(*wal);
        }
    }
    if (file.real->pMethods->iVersion >= 2 && file.real->pMethods->xShmBarrier)
        file.real->pMethods->xShmBarrier(file.real);
}

int gatherShmUnmap(sqlite3_file *handle, int deleteFlag)
{
    sqlite3_file *real = of(handle).real;
    if (real->pMethods->iVersion < 2 || !real->pMethods->xShmUnmap)
        return SQLITE_OK;
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int gatherFetch(sqlite3_file *handle, sqlite3_int64 offset, int amount, void **pages)
{
    sqlite3_file *real = of(handle).real;
    if (real->pMethods->iVersion < 3 || !real->pMethods->xFetch) {
        *pages = nullptr;
        return SQLITE_OK;
    }
    return real->pMethods->xFetch(real, offset, amount, pages);
}

int gatherUnfetch(sqlite3_file *handle, sqlite3_int64 offset, void *pages)
{
    sqlite3_file *real = of(handle).real;
    if (real->pMethods->iVersion < 3 || !real->pMethods->xUnfetch)
        return SQLITE_OK;
    return real->pMethods->xUnfetch(real, offset, pages);
}

const sqlite3_io_methods gatheringMethods = {
    3,
    gatherClose,
    gatherRead,
    gatherWrite,
    gatherTruncate,
    gatherSync,
    gatherFileSize,
    gatherLock,
    gatherUnlock,
    gatherCheckReservedLock,
    gatherFileControl,
    gatherSectorSize,
    gatherDeviceCharacteristics,
    gatherShmMap,
    gatherShmLock,
    gatherShmBarrier,
    gatherShmUnmap,
    gatherFetch,
    gatherUnfetch,
};

// The main database's file and its WAL are wrapped; any other file is the base VFS's own,
// opened in place.
int gatherOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *handle, int flags, int *outFlags)
{
    const bool wal = (flags & SQLITE_OPEN_WAL) != 0;
    if (!name || (!wal && (flags & SQLITE_OPEN_MAIN_DB) == 0))
        return base->xOpen(base, name, handle, flags, outFlags);
    auto *file = new (handle) GatheringFile;
    file->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(handle) + kRealOffset);
    file->isWal = wal;
    file->walPath = wal ? std::string(name) : std::string(name) + "-wal";
    const int status = base->xOpen(base, name, file->real, flags, outFlags);
    if (status != SQLITE_OK || !file->real->pMethods) {
        if (file->real->pMethods)
            file->real->pMethods->xClose(file->real);
        file->~GatheringFile();
        handle->pMethods = nullptr;
        return status != SQLITE_OK ? status : SQLITE_CANTOPEN;
    }
    file->file.pMethods = &gatheringMethods;
    if (wal) {
        const std::lock_guard lock(walsMutex);
        wals.push_back(file);
    }
    return SQLITE_OK;
}

int gatherDelete(sqlite3_vfs *, const char *name, int syncDirectory)
{
    return base->xDelete(base, name, syncDirectory);
}

int gatherAccess(sqlite3_vfs *, const char *name, int flags, int *result)
{
    return base->xAccess(base, name, flags, result);
}

int gatherFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return base->xFullPathname(base, name, size, out);
}

void *gatherDlOpen(sqlite3_vfs *, const char *name)
{
    return base->xDlOpen(base, name);
}

void gatherDlError(sqlite3_vfs *, int size, char *message)
{
    base->xDlError(base, size, message);
}

void (*gatherDlSym(sqlite3_vfs *, void *library, const char *symbol))(void)
{
    return base->xDlSym(base, library, symbol);
}

void gatherDlClose(sqlite3_vfs *, void *library)
{
    base->xDlClose(base, library);
}

int gatherRandomness(sqlite3_vfs *, int size, char *out)
{
    return base->xRandomness(base, size, out);
}

int gatherSleep(sqlite3_vfs *, int microseconds)
{
    return base->xSleep(base, microseconds);
}

int gatherCurrentTime(sqlite3_vfs *, double *now)
{
    return base->xCurrentTime(base, now);
}

int gatherGetLastError(sqlite3_vfs *, int size, char *message)
{
    return base->xGetLastError ? base->xGetLastError(base, size, message) : 0;
}

int gatherCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now)
{
    return base->xCurrentTimeInt64(base, now);
}

sqlite3_vfs gatheringVfs;

}  // namespace

bool WalWriteGatherer::install()
{
    static const bool installed = [] {
        if (sqlite3_initialize() != SQLITE_OK)
            return false;
        base = sqlite3_vfs_find(nullptr);
        if (!base || base->iVersion < 2 || !base->xCurrentTimeInt64)
            return false;
        gatheringVfs = sqlite3_vfs{};
        gatheringVfs.iVersion = 2;
        gatheringVfs.szOsFile = int(kRealOffset) + base->szOsFile;
        gatheringVfs.mxPathname = base->mxPathname;
        gatheringVfs.zName = "softphone-wal-gathering";
        gatheringVfs.xOpen = gatherOpen;
        gatheringVfs.xDelete = gatherDelete;
        gatheringVfs.xAccess = gatherAccess;
        gatheringVfs.xFullPathname = gatherFullPathname;
        gatheringVfs.xDlOpen = gatherDlOpen;
        gatheringVfs.xDlError = gatherDlError;
        gatheringVfs.xDlSym = gatherDlSym;
        gatheringVfs.xDlClose = gatherDlClose;
        gatheringVfs.xRandomness = gatherRandomness;
        gatheringVfs.xSleep = gatherSleep;
        gatheringVfs.xCurrentTime = gatherCurrentTime;
        gatheringVfs.xGetLastError = gatherGetLastError;
        gatheringVfs.xCurrentTimeInt64 = gatherCurrentTimeInt64;
        return sqlite3_vfs_register(&gatheringVfs, 1) == SQLITE_OK;
    }();
    return installed;
}

bool WalWriteGatherer::isInstalled()
{
    return sqlite3_vfs_find(nullptr) == &gatheringVfs;
}

}  // namespace softphone::server
