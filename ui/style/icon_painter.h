#pragma once

#include "protocol/call_record.h"

#include <QColor>
#include <QIcon>
#include <QRect>

class QPainter;

namespace softphone::ui {

// The app's icons: the project's SVGs under :/icons drawn in one colour, and the call
// direction arrows drawn as lines.
class IconPainter
{
public:
    // name: "call-audio", "call-video", "hangup", "microphone", "softphone".
    static void paint(QPainter *painter, const QRectF &rect, const QString &name,
                      const QColor &color);
    static QIcon icon(const QString &name, const QColor &color, int size = 24);
    static QString mediaIconName(protocol::CallType type);
    // ↗ for a call the viewer placed, ↙ for one they received.
    static void paintArrow(QPainter *painter, const QRectF &rect, bool outgoing,
                           const QColor &color);
    // A round dot: green when online, grey when not.
    static void paintPresence(QPainter *painter, const QPointF &center, qreal radius, bool online,
                              const QColor &ring);
    // A rounded count badge; returns its width.
    static qreal paintBadge(QPainter *painter, const QPointF &rightCenter, int count,
                            const QColor &fill);
};

}  // namespace softphone::ui
