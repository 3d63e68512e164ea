#include "storage/channel_ids.h"

#include "logging.h"
#include "storage/database.h"

#include <QByteArray>
#include <sodium.h>

namespace softphone::server {

namespace {

constexpr std::int64_t kBlock = 1000;
// The counter of a cluster's shared database. Each value taken from it is a block of counters
// for the node that took it: channel ids need only be unique, and a block saves a database
// round trip on each call but one in kSharedBlock.
const QString kCounterSequence = QStringLiteral("channel_counter");
constexpr std::int64_t kSharedBlock = 64;
constexpr int kHalfBits = 26;
constexpr std::uint64_t kHalfMask = (std::uint64_t(1) << kHalfBits) - 1;
constexpr std::int64_t kOffset = std::int64_t(1) << (2 * kHalfBits);

}  // namespace

bool ChannelIds::load()
{
    auto query = m_db.exec(
        QStringLiteral("SELECT next_value, secret FROM id_sequences WHERE name = 'channel'"));
    if (!query)
        return false;
    if (query->next()) {
        m_next = query->value(0).toLongLong();
        const QByteArray key = QByteArray::fromHex(query->value(1).toString().toLatin1());
        if (key.size() != int(m_key.size())) {
            qCCritical(lcStorage) << "the channel id key in the database is damaged";
            return false;
        }
        std::copy(key.begin(), key.end(), m_key.begin());
    } else {
        randombytes_buf(m_key.data(), m_key.size());
        m_next = 1;
        const QByteArray key(reinterpret_cast<const char *>(m_key.data()), int(m_key.size()));
        // Nodes of a cluster starting together on a new database: the first key stays.
        if (!m_db.exec(QStringLiteral("INSERT INTO id_sequences (name, next_value, secret) "
                                      "VALUES ('channel', 1, ?) ON CONFLICT DO NOTHING"),
                       {QString::fromLatin1(key.toHex())}))
            return false;
        if (m_db.isShared())
            return load();
    }
    if (m_db.isShared()) {
        const std::int64_t floor = m_next;
        m_blockEnd = m_next = 0;  // the first call takes a block
        return m_db.prepareSequence(kCounterSequence, floor) &&
               m_db.exec(QStringLiteral("ALTER SEQUENCE %1 INCREMENT BY %2")
                             .arg(kCounterSequence)
                             .arg(kSharedBlock))
                   .has_value();
    }
    m_blockEnd = m_next;
    return reserveBlock();
}

bool ChannelIds::reserveBlock()
{
    const std::int64_t end = m_blockEnd + kBlock;
    if (!m_db.exec(QStringLiteral("UPDATE id_sequences SET next_value = ? WHERE name = 'channel'"),
                   {qint64(end)}))
        return false;
    m_blockEnd = end;
    return true;
}

std::int64_t ChannelIds::next()
{
    if (m_db.isShared() && m_next == m_blockEnd) {
        const auto block = m_db.nextInSequence(kCounterSequence);
        if (!block)
            return 0;
        m_next = *block;
        m_blockEnd = *block + kSharedBlock;
    }
    if (m_db.isShared())
        return permute(m_next++);
    // A block not reserved is still handed out: the reservation joins the commit of the call
    // that takes its first id, and nothing about that call is said before that commit.
    if (m_next == m_blockEnd)
        reserveBlock();
    return permute(m_next++);
}

std::int64_t ChannelIds::permute(std::int64_t counter) const
{
    std::uint64_t left = (std::uint64_t(counter) >> kHalfBits) & kHalfMask;
    std::uint64_t right = std::uint64_t(counter) & kHalfMask;
    for (unsigned char round = 0; round < 4; ++round) {
        unsigned char input[9];
        for (int i = 0; i < 8; ++i)
            input[i] = static_cast<unsigned char>(right >> (8 * i));
        input[8] = round;
        unsigned char hash[crypto_shorthash_BYTES];
        crypto_shorthash(hash, input, sizeof input, m_key.data());
        std::uint64_t mixed = 0;
        for (int i = 0; i < 8; ++i)
            mixed |= std::uint64_t(hash[i]) << (8 * i);
        const std::uint64_t nextRight = left ^ (mixed & kHalfMask);
        left = right;
        right = nextRight;
    }
    return kOffset + std::int64_t((left << kHalfBits) | right);
}

}  // namespace softphone::server
