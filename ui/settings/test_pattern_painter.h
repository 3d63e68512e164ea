#pragma once

#include <QImage>
#include <QRect>

class QPainter;

namespace softphone::ui {

// The synthetic camera's picture, drawn here so that it can be previewed without the media
// layer: colour bars over a strip in which a block moves and a frame count runs.
class TestPatternPainter
{
public:
    static void paint(QPainter *painter, const QRect &area, int frame);
    static QImage render(const QSize &size, int frame);

private:
    static void paintBars(QPainter *painter, const QRect &area);
    static void paintMotion(QPainter *painter, const QRect &strip, int frame);
};

}  // namespace softphone::ui
