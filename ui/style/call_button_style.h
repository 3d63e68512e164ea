#pragma once

#include <QString>

namespace softphone::ui {

// The style of the coloured call buttons (accept green, hang up red): white on the colour,
// and grey while disabled, so that a button that does nothing does not look as if it would.
inline QString callButtonStyle(const char *colour, const char *padding = "8px 18px")
{
    return QStringLiteral("QPushButton { background: %1; color: white; border-radius: 6px; "
                          "padding: %2 } "
                          "QPushButton:disabled { background: #cfd8dc; color: #eceff1 }")
        .arg(QLatin1String(colour), QLatin1String(padding));
}

}  // namespace softphone::ui
