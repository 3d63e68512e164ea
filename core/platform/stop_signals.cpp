#include "platform/stop_signals.h"

#include <QPointer>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace softphone::platform {

namespace {

#ifdef Q_OS_UNIX
int wakePipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(wakePipe[1], &byte, 1);
}
#elif defined(Q_OS_WIN)
QPointer<StopSignals> receiver;

BOOL WINAPI onConsoleEvent(DWORD)
{
    // Runs on a thread of its own: hand over to the receiver's thread.
    if (receiver)
        QMetaObject::invokeMethod(receiver.data(), "stopRequested", Qt::QueuedConnection);
    return TRUE;
}
#endif

}  // namespace

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    // The handler may only write to a descriptor; the event loop reads it.
    if (wakePipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, wakePipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(wakePipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte;
        [[maybe_unused]] const auto read = ::read(wakePipe[0], &byte, 1);
        deliver();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
#elif defined(Q_OS_WIN)
    receiver = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#endif
}

StopSignals::~StopSignals()
{
#ifdef Q_OS_UNIX
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
#elif defined(Q_OS_WIN)
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#endif
}

void StopSignals::deliver()
{
    emit stopRequested();
}

}  // namespace softphone::platform
