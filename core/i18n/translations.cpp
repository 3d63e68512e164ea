#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace softphone::i18n {

namespace {
QTranslator *installed = nullptr;
QTranslator *installedQt = nullptr;  // Qt's own strings: dialog buttons, text menus

void uninstall(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

QTranslator *install(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator;
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return nullptr;
    }
    QCoreApplication::installTranslator(translator);
    return translator;
}
}  // namespace

bool useLanguage(const QLocale &locale)
{
    uninstall(installedQt);
    uninstall(installed);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    // Best effort: without Qt's files (qt6-translations-l10n) its buttons stay English.
    installedQt =
        install(locale, QStringLiteral("qt"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installed = install(locale, QStringLiteral("softphone"), QStringLiteral(":/i18n"));
    return installed != nullptr;
}

}  // namespace softphone::i18n
