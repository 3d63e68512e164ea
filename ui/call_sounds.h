#pragma once

#include "call/call_state_machine.h"

#include <QObject>
#include <QString>

class QSoundEffect;

namespace softphone::ui {

// The call tones, made by scripts/make-tones.py and played from :/sounds: the ringtone while
// a call rings here, the ringback while ours rings there, the busy tone, the end tone.
// `current()` says what plays.
class CallSounds : public QObject
{
    Q_OBJECT

public:
    enum class Tone { None, Ringtone, Ringback, Busy, End };

    explicit CallSounds(QObject *parent = nullptr);
    ~CallSounds() override;

    void setSilentRinging(bool silent) { m_silentRinging = silent; }
    // Follows the call: what plays depends on the state it moves to, and why it ended.
    void follow(call::CallState from, call::CallState to, call::EndReason reason);
    void play(Tone tone);
    void stop();
    Tone current() const { return m_current; }

private:
    Tone m_current = Tone::None;
    bool m_silentRinging = false;
    QSoundEffect *m_effect = nullptr;
};

}  // namespace softphone::ui
