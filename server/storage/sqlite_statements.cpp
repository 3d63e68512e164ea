#include "storage/sqlite_statements.h"

#include <QByteArray>
#include <QStringEncoder>
#include <sqlite3.h>

namespace softphone::server {

namespace {

// Null as Qt's drivers take it: a null variant, or a null string or byte array in one.
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    default:
        return false;
    }
}

}  // namespace

SqliteStatements::~SqliteStatements()
{
    finalizeAll();
}

void SqliteStatements::setConnection(sqlite3 *connection)
{
    finalizeAll();
    m_connection = connection;
}

void SqliteStatements::finalizeAll()
{
    for (const auto &[sql, statement] : m_statements)
        sqlite3_finalize(statement);
    m_statements.clear();
}

sqlite3_stmt *SqliteStatements::prepared(const QString &sql)
{
    if (auto found = m_statements.find(sql); found != m_statements.end())
        return found->second;
    sqlite3_stmt *statement = nullptr;
    const int status = sqlite3_prepare16_v3(m_connection, sql.utf16(), int(sql.size() * 2),
                                            SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (status != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
        sqlite3_finalize(statement);
        return nullptr;
    }
    m_statements.emplace(sql, statement);
    return statement;
}

void SqliteStatements::writeTexts(std::initializer_list<QVariant> bindings)
{
    m_texts.clear();
    m_textStarts.clear();
    QStringEncoder toUtf8(QStringEncoder::Utf8);
    for (const QVariant &value : bindings) {
        m_textStarts.push_back(m_texts.size());
        if (value.typeId() != QMetaType::QString || isNullValue(value))
            continue;
        const auto *text = static_cast<const QString *>(value.constData());
        const std::size_t start = m_texts.size();
        m_texts.resize(start + std::size_t(toUtf8.requiredSpace(text->size())));
        char *end = toUtf8.appendToBuffer(m_texts.data() + start, *text);
        m_texts.resize(std::size_t(end - m_texts.data()));
    }
    m_textStarts.push_back(m_texts.size());
}

// Each value's data stays put until the statement has run (the caller's, or m_texts), so
// SQLite need not copy it: SQLITE_STATIC, as Qt's driver binds it.
bool SqliteStatements::bind(sqlite3_stmt *statement, int index, const QVariant &value,
                            std::size_t textAt)
{
    if (isNullValue(value))
        return sqlite3_bind_null(statement, index) == SQLITE_OK;
    switch (value.typeId()) {
    case QMetaType::QString: {
        const std::size_t start = m_textStarts[textAt], end = m_textStarts[textAt + 1];
        return sqlite3_bind_text(statement, index, m_texts.data() + start, int(end - start),
                                 SQLITE_STATIC) == SQLITE_OK;
    }
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        return sqlite3_bind_blob(statement, index, bytes->constData(), int(bytes->size()),
                                 SQLITE_STATIC) == SQLITE_OK;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong()) == SQLITE_OK;
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(statement, index, value.toDouble()) == SQLITE_OK;
    default: {
        const QString text = value.toString();
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * 2),
                                   SQLITE_TRANSIENT) == SQLITE_OK;
    }
    }
}

bool SqliteStatements::run(const QString &sql, std::initializer_list<QVariant> bindings)
{
    sqlite3_stmt *statement = prepared(sql);
    if (!statement)
        return false;
    writeTexts(bindings);
    int index = 0;
    bool bound = true;
    for (const QVariant &value : bindings) {
        bound = bound && bind(statement, index + 1, value, std::size_t(index));
        ++index;
    }
    const int status = bound ? sqlite3_step(statement) : SQLITE_MISUSE;
    const bool ok = status == SQLITE_DONE || status == SQLITE_ROW;
    if (!ok)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
    sqlite3_reset(statement);
    return ok;
}

bool SqliteStatements::inTransaction() const
{
    return sqlite3_get_autocommit(m_connection) == 0;
}

}  // namespace softphone::server
