#pragma once

#include <QString>
#include <QVariant>
#include <string>

namespace softphone::server {

inline QVariant sqlText(const std::string &text)
{
    return QVariant(QString::fromStdString(text));
}

inline std::string textOf(const QVariant &value)
{
    return value.toString().toStdString();
}

}  // namespace softphone::server
