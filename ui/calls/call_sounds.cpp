#include "calls/call_sounds.h"

#include <QSoundEffect>
#include <QUrl>

namespace softphone::ui {

using call::CallState;
using call::EndReason;

CallSounds::CallSounds(QObject *parent)
    : QObject(parent)
{}

CallSounds::~CallSounds() = default;

QList<CallSounds::Ringtone> CallSounds::ringtones()
{
    return {{QStringLiteral("rising"), tr("Rising")},
            {QStringLiteral("chime"), tr("Chime")},
            {QStringLiteral("pulse"), tr("Pulse")}};
}

QString CallSounds::fileOf(Tone tone, const QString &ringtone)
{
    switch (tone) {
    case Tone::None:
        return {};
    case Tone::Ringtone:
        if (ringtone == QLatin1String("chime") || ringtone == QLatin1String("pulse"))
            return QStringLiteral(":/sounds/ringtone-%1.wav").arg(ringtone);
        return QStringLiteral(":/sounds/ringtone.wav");
    case Tone::Ringback:
        return QStringLiteral(":/sounds/ringback.wav");
    case Tone::Busy:
        return QStringLiteral(":/sounds/busy.wav");
    case Tone::End:
        return QStringLiteral(":/sounds/end.wav");
    }
    return {};
}

void CallSounds::follow(CallState from, CallState to, EndReason reason)
{
    switch (to) {
    case CallState::Outgoing:
        play(Tone::Ringback);
        break;
    case CallState::Incoming:
        play(m_silentRinging ? Tone::None : Tone::Ringtone);
        break;
    case CallState::Connecting:
    case CallState::InCall:
    case CallState::Idle:
        if (m_current == Tone::Ringtone || m_current == Tone::Ringback)
            stop();
        break;
    case CallState::Ended:
        if (reason == EndReason::Busy)
            play(Tone::Busy);
        else if (from == CallState::InCall || from == CallState::Connecting ||
                 from == CallState::Outgoing)
            play(Tone::End);
        else
            stop();
        break;
    }
}

void CallSounds::play(Tone tone)
{
    stop();
    m_current = tone;
    if (tone == Tone::None)
        return;
    if (!m_effect)
        m_effect = new QSoundEffect(this);
    m_effect->setSource(QUrl(QStringLiteral("qrc") + fileOf(tone, m_ringtone)));
    const bool loop = tone == Tone::Ringtone || tone == Tone::Ringback;
    m_effect->setLoopCount(loop ? QSoundEffect::Infinite : 1);
    m_effect->play();
}

void CallSounds::stop()
{
    m_current = Tone::None;
    if (m_effect)
        m_effect->stop();
}

}  // namespace softphone::ui
