#pragma once

class QDir;
class QPixmap;
class QWidget;

// Writes one screenshot into `out` as `name` and says so on stdout.
bool saveShot(const QPixmap &pixmap, const QDir &out, const char *name);
// The widget as it paints itself (offscreen has no screen to ask).
bool saveWidgetShot(QWidget *widget, const QDir &out, const char *name);
