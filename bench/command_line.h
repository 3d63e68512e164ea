#pragma once

#include <QCommandLineOption>

namespace softphone::bench {

// An option that takes a value, for the benchmarks' command lines: `--name <valueName>`,
// `defaultValue` when not given. The texts are the benchmarks' own, not translated.
QCommandLineOption option(const char *name, const char *description, const char *valueName,
                          const char *defaultValue = "");

}  // namespace softphone::bench
