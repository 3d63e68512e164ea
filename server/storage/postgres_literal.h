#pragma once

#include <QByteArray>
#include <QVariant>

namespace softphone::server {

// Appends `value` as a literal of a PostgreSQL statement, in the text Qt's PostgreSQL driver
// gives it (QSqlDriver::formatValue) on a connection with standard_conforming_strings on, where
// a backslash in a string is itself. False, with nothing appended, for a type this does not
// write: the driver's own formatting is then the one to use.
bool appendPostgresLiteral(QByteArray &text, const QVariant &value);

}  // namespace softphone::server
