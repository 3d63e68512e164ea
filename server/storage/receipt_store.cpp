#include "storage/receipt_store.h"

#include "storage/database.h"
#include "storage/sql_values.h"

namespace softphone::server {

using protocol::Receipt;

protocol::Receipt ReceiptStore::find(const std::string &sender, const std::string &reader)
{
    Receipt receipt{sender, reader, 0, 0};
    auto query = m_db.exec(QStringLiteral("SELECT delivered, read_upto FROM receipts "
                                          "WHERE sender = ? AND reader = ?"),
                           {sqlText(sender), sqlText(reader)});
    if (query && query->next()) {
        receipt.delivered = query->value(0).toLongLong();
        receipt.read = query->value(1).toLongLong();
    }
    return receipt;
}

std::int64_t ReceiptStore::lastMessageUpTo(const std::string &sender, const std::string &reader,
                                           std::int64_t upTo)
{
    auto query =
        m_db.exec(QStringLiteral("SELECT MAX(msgid_server) FROM messages "
                                 "WHERE from_acc = ? AND to_acc = ? AND msgid_server <= ?"),
                  {sqlText(sender), sqlText(reader), qint64(upTo)});
    return query && query->next() ? query->value(0).toLongLong() : 0;
}

bool ReceiptStore::store(const Receipt &receipt)
{
    return m_db
        .exec(QStringLiteral("INSERT INTO receipts (sender, reader, delivered, read_upto) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (sender, reader) DO UPDATE "
                             "SET delivered = excluded.delivered, read_upto = excluded.read_upto"),
              {sqlText(receipt.sender), sqlText(receipt.reader), qint64(receipt.delivered),
               qint64(receipt.read)})
        .has_value();
}

std::vector<Receipt> ReceiptStore::involving(const std::string &account)
{
    std::vector<Receipt> receipts;
    auto query =
        m_db.exec(QStringLiteral("SELECT sender, reader, delivered, read_upto FROM receipts "
                                 "WHERE sender = ? UNION ALL "
                                 "SELECT sender, reader, delivered, read_upto FROM receipts "
                                 "WHERE reader = ? AND sender <> ?"),
                  {sqlText(account), sqlText(account), sqlText(account)});
    if (!query)
        return receipts;
    while (query->next()) {
        receipts.push_back({textOf(query->value(0)), textOf(query->value(1)),
                            query->value(2).toLongLong(), query->value(3).toLongLong()});
    }
    return receipts;
}

}  // namespace softphone::server
