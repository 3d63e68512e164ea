#pragma once

#include <QLocale>

class QCoreApplication;

namespace softphone::i18n {

// Installs the project's translation for `locale` (English needs none), replacing the one
// installed before, so the language can change at run time. False if none matches.
bool useLanguage(const QLocale &locale);

}  // namespace softphone::i18n
