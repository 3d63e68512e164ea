#include "translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace softphone::i18n {

namespace {
QTranslator *installed = nullptr;
}  // namespace

bool useLanguage(const QLocale &locale)
{
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto *translator = new QTranslator;
    if (!translator->load(locale, QStringLiteral("softphone"), QStringLiteral("_"),
                          QStringLiteral(":/i18n"))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed = translator;
    return true;
}

}  // namespace softphone::i18n
