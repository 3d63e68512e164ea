#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace softphone::bench {

// Runs the event loop, sleeping between events, until `done` holds or `ms` have passed.
// (QCoreApplication::processEvents(flags, ms) never sleeps: it would spin a core.)
template<class F>
void runUntil(F done, qint64 ms)
{
    QElapsedTimer clock;
    clock.start();
    QTimer tick;  // bounds each sleep, so that the deadline and `done` are looked at
    tick.start(50);
    QEventLoop loop;
    while (!done() && clock.elapsed() < ms)
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

}  // namespace softphone::bench
