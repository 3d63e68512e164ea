#include "shot_file.h"

#include <QDir>
#include <QPixmap>
#include <QWidget>
#include <cstdio>

bool saveShot(const QPixmap &pixmap, const QDir &out, const char *name)
{
    const QString path = out.filePath(QString::fromLatin1(name));
    const bool ok = pixmap.save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

bool saveWidgetShot(QWidget *widget, const QDir &out, const char *name)
{
    return saveShot(widget->grab(), out, name);
}
