#include "platform/clock.h"

#include <QDateTime>
#include <QTimer>
#include <chrono>

namespace softphone::platform {

SystemClock::SystemClock(QObject *parent)
    : QObject(parent)
{}

SystemClock::~SystemClock() = default;

std::int64_t SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::int64_t SystemClock::monotonicMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Clock::TimerId SystemClock::startTimer(int delayMs, std::function<void()> fire)
{
    const TimerId id = m_nextId++;
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(timer.get(), &QTimer::timeout, this, [this, id, fire = std::move(fire)] {
        // Erase first: `fire` may start or cancel timers.
        auto it = m_timers.find(id);
        if (it == m_timers.end())
            return;
        it->second.release()->deleteLater();
        m_timers.erase(it);
        fire();
    });
    timer->start(delayMs);
    m_timers.emplace(id, std::move(timer));
    return id;
}

void SystemClock::cancelTimer(TimerId id)
{
    m_timers.erase(id);
}

}  // namespace softphone::platform
