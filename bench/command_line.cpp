#include "command_line.h"

namespace softphone::bench {

QCommandLineOption option(const char *name, const char *description, const char *valueName,
                          const char *defaultValue)
{
    return QCommandLineOption(QString::fromUtf8(name), QString::fromUtf8(description),
                              QString::fromUtf8(valueName), QString::fromUtf8(defaultValue));
}

}  // namespace softphone::bench
