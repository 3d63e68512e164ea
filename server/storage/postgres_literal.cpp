#include "storage/postgres_literal.h"

#include <QString>

namespace softphone::server {

namespace {

void appendQuoted(QByteArray &text, const QByteArray &utf8)
{
    text += '\'';
    qsizetype start = 0;
    for (qsizetype quote = utf8.indexOf('\''); quote >= 0; quote = utf8.indexOf('\'', start)) {
        text.append(utf8.constData() + start, quote + 1 - start);
        text += '\'';
        start = quote + 1;
    }
    text.append(utf8.constData() + start, utf8.size() - start);
    text += '\'';
}

}  // namespace

bool appendPostgresLiteral(QByteArray &text, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        if (value.isNull())
            text += "NULL";
        else
            appendQuoted(text, value.toString().toUtf8());
        return true;
    case QMetaType::Int:
    case QMetaType::LongLong:
        if (value.isNull())
            text += "NULL";
        else
            text += QByteArray::number(value.toLongLong());
        return true;
    case QMetaType::Bool:
        if (value.isNull())
            text += "NULL";
        else
            text += value.toBool() ? "TRUE" : "FALSE";
        return true;
    default:
        return false;
    }
}

}  // namespace softphone::server
