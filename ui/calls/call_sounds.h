#pragma once

#include "call/call_state_machine.h"

#include <QList>
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

    struct Ringtone
    {
        QString id;  // what the settings store
        QString name;
    };

    explicit CallSounds(QObject *parent = nullptr);
    ~CallSounds() override;

    // The ringtones to choose from, named in the current language; the first is the default.
    static QList<Ringtone> ringtones();
    // The resource a tone plays from; the ringtone is the chosen one (unknown ids: the default).
    static QString fileOf(Tone tone, const QString &ringtone);

    void setRingtone(const QString &id) { m_ringtone = id; }
    QString ringtone() const { return m_ringtone; }
    void setSilentRinging(bool silent) { m_silentRinging = silent; }
    // Follows the call: what plays depends on the state it moves to, and why it ended.
    void follow(call::CallState from, call::CallState to, call::EndReason reason);
    void play(Tone tone);
    void stop();
    Tone current() const { return m_current; }

private:
    Tone m_current = Tone::None;
    QString m_ringtone;
    bool m_silentRinging = false;
    QSoundEffect *m_effect = nullptr;
};

}  // namespace softphone::ui
