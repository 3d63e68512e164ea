#pragma once

#include <QColor>

// The app's colours, named by what they mean, for the views and delegates that paint with
// them. Set once here: a bubble, a missed call or the accent looks the same in every list.
namespace softphone::ui::theme {

inline constexpr QColor accent{0x1e, 0x88, 0xe5};  // call buttons and icons, unread badges
inline constexpr QColor missed{0xd3, 0x2f, 0x2f};  // missed calls, failed messages
inline constexpr QColor answered{0x2e, 0x7d, 0x32};

inline constexpr QColor outgoingBubble{0xd8, 0xec, 0xff};
inline constexpr QColor incomingBubble{0xf1, 0xf1, 0xf1};
inline constexpr QColor bubbleText{0x1a, 0x1a, 0x1a};
inline constexpr QColor bubbleFooter{0x70, 0x70, 0x70};  // the time under a bubble
inline constexpr QColor readMarks{0x1f, 0x7a, 0xe0};     // ✓✓ once the peer has read

}  // namespace softphone::ui::theme
