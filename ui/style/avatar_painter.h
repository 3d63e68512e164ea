#pragma once

#include <QRect>
#include <QString>

class QPainter;

namespace softphone::ui {

// A round avatar with the name's first letter, coloured from the name so that a person keeps
// their colour everywhere.
class AvatarPainter
{
public:
    static void paint(QPainter *painter, const QRect &rect, const QString &name);
};

}  // namespace softphone::ui
