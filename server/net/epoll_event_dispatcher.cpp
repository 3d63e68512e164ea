#include "net/epoll_event_dispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>
#include <algorithm>
#include <cerrno>
#include <climits>
#include <ctime>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace softphone::server {

namespace {

constexpr std::uint64_t kWakeUpKey = 0;  // epoll key of the wake-up descriptor
constexpr int kMaxReadyPerWait = 512;    // the rest stay ready for the next wait
constexpr int kPostedPasses = 4;         // before the sockets and timers have their turn

std::uint64_t keyOf(int fd, std::uint32_t generation)
{
    return (std::uint64_t(generation) << 32) | std::uint32_t(fd);
}

}  // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (!isValid())
        return;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = kWakeUpKey;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    emit awake();
    sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    bool mayBlock = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.load();
    if (mayBlock)
        emit aboutToBlock();
    mayBlock = mayBlock && !m_postedHere;  // posted since, by sendPostedEvents() or aboutToBlock
    if (m_interrupted.load())
        return false;

    const int timeoutMs = mayBlock ? waitTimeoutMs(includeTimers) : 0;
    int handled = waitForEvents(timeoutMs, includeNotifiers);
    if (includeNotifiers)
        handled += activatePending();
    if (includeTimers)
        handled += fireTimers();
    return handled > 0;
}

// Qt sends the events posted while it sends posted events in its next call only. Chains are
// common here: a reply queued for a client's outbox, whose flush hands bytes to the NATS link,
// whose write goes out at the end of the turn. Sent one per turn of the loop, each link of a
// chain cost a wait that could not block; a few passes send them in one turn, and the bound
// keeps an event that posts itself again from starving the sockets and timers.
void EpollEventDispatcher::sendPostedEvents()
{
    for (int pass = 0; pass < kPostedPasses; ++pass) {
        m_postedHere = false;
        QCoreApplication::sendPostedEvents();
        if (!m_postedHere || m_interrupted.load())
            return;
        ++m_extraPostedPasses;
    }
}

int EpollEventDispatcher::waitTimeoutMs(bool includeTimers) const
{
    if (!includeTimers || m_deadlines.empty())
        return -1;
    const qint64 left = m_deadlines.begin()->first - nowNs();
    if (left <= 0)
        return 0;
    return int(std::min<qint64>(INT_MAX, (left + 999'999) / 1'000'000));  // never wake early
}

// Waits for ready descriptors and queues their notifiers; returns how many wake-ups it read.
int EpollEventDispatcher::waitForEvents(int timeoutMs, bool includeNotifiers)
{
    if (!includeNotifiers) {
        // Only a wake-up or a timer ends this wait; the sockets stay ready for later.
        pollfd wake{m_wakeFd, POLLIN, 0};
        if (::poll(&wake, 1, timeoutMs) > 0) {
            drainWakeUps();
            return 1;
        }
        return 0;
    }
    applyChanges();
    epoll_event ready[kMaxReadyPerWait];
    const int count = ::epoll_wait(m_epoll, ready, kMaxReadyPerWait, timeoutMs);
    int wakeUps = 0;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t key = ready[i].data.u64;
        if (key == kWakeUpKey) {
            drainWakeUps();
            ++wakeUps;
            continue;
        }
        const int fd = int(std::uint32_t(key));
        const auto found = m_watches.find(fd);
        if (found == m_watches.end() || keyOf(fd, found->second.generation) != key)
            continue;  // unregistered, or the descriptor now belongs to another socket
        const Watch &watch = found->second;
        const std::uint32_t events = ready[i].events;
        // The same readiness mapping as Qt's UNIX dispatcher.
        if (watch.read && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            m_pending.push_back(watch.read);
        if (watch.write && (events & (EPOLLOUT | EPOLLERR)))
            m_pending.push_back(watch.write);
        if (watch.exception && (events & EPOLLPRI))
            m_pending.push_back(watch.exception);
    }
    return wakeUps;
}

int EpollEventDispatcher::activatePending()
{
    int activated = 0;
    QEvent event(QEvent::SockAct);
    while (!m_pending.empty()) {
        QSocketNotifier *notifier = m_pending.front();
        m_pending.pop_front();
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    return activated;
}

void EpollEventDispatcher::drainWakeUps()
{
    // Read, then cleared. A wake-up in between finds the flag still set and writes nothing,
    // which loses nothing: what it was posted for goes out in the sendPostedEvents() that
    // every processEvents() starts with. Cleared first, a wake-up in between wrote what this
    // read then took, and left the flag set with nothing to read: every later wake-up was
    // swallowed, and posted events waited for a timer or a socket.
    eventfd_t value = 0;
    ::eventfd_read(m_wakeFd, &value);
    m_wakeUpPending.store(false);
}

// Qt asks for a wake-up with every posted event, most of them posted by this thread while it
// runs: the loop is not waiting then, and a wake-up would cost three system calls (the write,
// the wait it ends, the read) for nothing.
void EpollEventDispatcher::wakeUp()
{
    if (QThread::currentThread() == thread()) {
        m_postedHere = true;
        return;
    }
    if (!m_wakeUpPending.exchange(true)) {
        ++m_wakeUpWrites;
        ::eventfd_write(m_wakeFd, 1);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

std::uint32_t EpollEventDispatcher::epollEvents(const Watch &watch)
{
    return (watch.read ? EPOLLIN : 0u) | (watch.write ? EPOLLOUT : 0u) |
           (watch.exception ? EPOLLPRI : 0u);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto [it, added] = m_watches.try_emplace(fd);
    Watch &watch = it->second;
    QSocketNotifier **slot = nullptr;
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        slot = &watch.read;
        break;
    case QSocketNotifier::Write:
        slot = &watch.write;
        break;
    case QSocketNotifier::Exception:
        slot = &watch.exception;
        break;
    }
    if (*slot && *slot != notifier)
        qWarning("EpollEventDispatcher: a second socket notifier of one type for socket %d", fd);
    *slot = notifier;
    if (added)
        addWatch(fd, watch);
    else
        noteChange(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), notifier), m_pending.end());
    const int fd = int(notifier->socket());
    const auto found = m_watches.find(fd);
    if (found == m_watches.end())
        return;
    Watch &watch = found->second;
    for (QSocketNotifier **slot : {&watch.read, &watch.write, &watch.exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    if (epollEvents(watch) != 0) {
        noteChange(fd, watch);
        return;
    }
    // At once: the descriptor is about to be closed, and its number may come back for another.
    ++m_interestUpdates;
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);  // fails harmlessly once fd is closed
    m_watches.erase(found);
}

void EpollEventDispatcher::addWatch(int fd, Watch &watch)
{
    watch.generation = m_nextGeneration++;
    if (m_nextGeneration == 0)
        m_nextGeneration = 1;
    watch.inKernel = epollEvents(watch);
    epoll_event event{};
    event.events = watch.inKernel;
    event.data.u64 = keyOf(fd, watch.generation);
    ++m_interestUpdates;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0 && errno == EEXIST) {
        ++m_interestUpdates;
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    }
}

// Qt switches a socket's write notifier on for every write and off once it is flushed, and its
// read notifier off and on around every read: told to epoll at once, that is four system calls
// per message. Only the state at the next wait matters.
void EpollEventDispatcher::noteChange(int fd, Watch &watch)
{
    if (watch.changed)
        return;
    watch.changed = true;
    m_changed.push_back(fd);
}

void EpollEventDispatcher::applyChanges()
{
    for (const int fd : m_changed) {
        const auto found = m_watches.find(fd);
        if (found == m_watches.end())
            continue;  // unregistered since
        Watch &watch = found->second;
        watch.changed = false;
        const std::uint32_t events = epollEvents(watch);
        if (events == watch.inKernel)
            continue;
        epoll_event event{};
        event.events = events;
        event.data.u64 = keyOf(fd, watch.generation);
        ++m_interestUpdates;
        if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) == 0 || errno != ENOENT) {
            watch.inKernel = events;
            continue;
        }
        addWatch(fd, watch);  // the descriptor was closed and opened again while watched
    }
    m_changed.clear();
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    unregisterTimer(timerId);  // ids are not reused while registered; this keeps it so
    const qint64 intervalNs = std::max<qint64>(0, interval) * 1'000'000;
    const qint64 deadline = nowNs() + intervalNs;
    m_timers.insert_or_assign(timerId, Timer{intervalNs, timerType, object, deadline});
    m_deadlines.emplace(deadline, timerId);
    m_timersByObject.emplace(object, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return false;
    m_deadlines.erase({found->second.deadlineNs, timerId});
    auto [first, last] = m_timersByObject.equal_range(found->second.object);
    for (auto it = first; it != last; ++it) {
        if (it->second == timerId) {
            m_timersByObject.erase(it);
            break;
        }
    }
    m_timers.erase(found);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    auto [first, last] = m_timersByObject.equal_range(object);
    if (first == last)
        return false;
    for (auto it = first; it != last; ++it) {
        const auto found = m_timers.find(it->second);
        if (found != m_timers.end()) {
            m_deadlines.erase({found->second.deadlineNs, it->second});
            m_timers.erase(found);
        }
    }
    m_timersByObject.erase(object);
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    auto [first, last] = m_timersByObject.equal_range(object);
    for (auto it = first; it != last; ++it) {
        const Timer &timer = m_timers.at(it->second);
        timers.append(TimerInfo(it->second, int(timer.intervalNs / 1'000'000), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return -1;
    const qint64 left = found->second.deadlineNs - nowNs();
    return left <= 0 ? 0 : int(std::min<qint64>(INT_MAX, left / 1'000'000));
}

// Fires each timer that was due when it started, once; a timer due again (an interval of 0,
// or one restarted from its own handler) waits for the next pass, as in Qt's dispatchers.
int EpollEventDispatcher::fireTimers()
{
    const qint64 now = nowNs();
    std::vector<int> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= now; ++it)
        due.push_back(it->second);
    int fired = 0;
    for (const int id : due) {
        auto found = m_timers.find(id);
        if (found == m_timers.end() || found->second.firing || found->second.deadlineNs > now)
            continue;
        Timer &timer = found->second;
        m_deadlines.erase({timer.deadlineNs, id});
        timer.deadlineNs += timer.intervalNs;
        if (timer.deadlineNs < now)
            timer.deadlineNs = now + timer.intervalNs;  // fell behind: skip the missed shots
        m_deadlines.emplace(timer.deadlineNs, id);
        timer.firing = true;
        QObject *object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        found = m_timers.find(id);  // the handler may have stopped it, or started others
        if (found != m_timers.end())
            found->second.firing = false;
    }
    return fired;
}

}  // namespace softphone::server
