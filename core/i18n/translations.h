#pragma once

#include <QLocale>

class QCoreApplication;

namespace softphone::i18n {

// Installs the project's translation for `locale` (English needs none), and Qt's own, replacing
// the ones installed before, so the language can change at run time. False if the project has
// none for it.
bool useLanguage(const QLocale &locale);

}  // namespace softphone::i18n
