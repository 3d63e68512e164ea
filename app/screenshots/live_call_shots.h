#pragma once

#include <QDir>
#include <QString>

// Screenshots of real calls: a softphone-server of their own (the binary given), Alice's and
// Bob's desktop apps signed in to it with synthetic media (a tone and the test pattern), a
// message read on the other side, then a video call through the server and WebRTC: Bob's
// incoming window, Alice's call window ringing (her own camera in the corner), in the call
// (Bob's picture), the mini window, and the conversation afterwards. In `language`.
bool renderLiveCalls(const QDir &out, const QString &serverBinary, const QString &language);
