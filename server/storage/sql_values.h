#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <string>

namespace softphone::server {

inline QVariant sqlText(const std::string &text)
{
    return QVariant(QString::fromStdString(text));
}

// Text that must come back byte for byte (message bodies and attachments). SQLite gets it as
// bytes: Qt's SQLite driver reads text through SQLite's UTF-16 interface, which turns the
// noncharacters U+FFFE and U+FFFF into U+FFFD on the way out.
inline QVariant sqlExactText(const std::string &text, bool asBytes)
{
    return asBytes ? QVariant(QByteArray::fromStdString(text)) : sqlText(text);
}

inline std::string textOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray().toStdString();
    return value.toString().toStdString();
}

}  // namespace softphone::server
