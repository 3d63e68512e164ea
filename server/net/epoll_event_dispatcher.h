#pragma once

#include <QAbstractEventDispatcher>
#include <atomic>
#include <cstdint>
#include <deque>
#include <set>
#include <unordered_map>
#include <vector>

class QSocketNotifier;

namespace softphone::server {

// A Linux event dispatcher built on epoll, for a thread that holds tens of thousands of
// sockets. Qt's own dispatchers rebuild and poll the full list of socket notifiers on every
// wakeup (and GLib's unregisters a notifier by a linear search), so each event costs time in
// proportion to the number of open connections; here it costs time in proportion to the
// sockets that are ready. Timers, posted events, wakeUp() and interrupt() behave as in Qt's
// UNIX dispatcher. Install it before the QCoreApplication is created:
//
//     QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // How often epoll has been told of a descriptor's events (epoll_ctl calls), for tests and
    // benches: a notifier switched on and off within one turn of the loop costs none.
    quint64 interestUpdates() const { return m_interestUpdates; }
    // Wake-ups written to the loop's descriptor (tests).
    quint64 wakeUpWrites() const { return m_wakeUpWrites.load(); }
    // Passes over the posted events beyond the first of a turn (tests).
    quint64 extraPostedPasses() const { return m_extraPostedPasses; }

private:
    // The notifiers watching one descriptor; epoll holds one registration per descriptor.
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        std::uint32_t generation = 0;  // tells a reused descriptor from the one it replaced
        std::uint32_t inKernel = 0;    // the events epoll was last told
        bool changed = false;          // in m_changed
    };
    struct Timer
    {
        qint64 intervalNs;
        Qt::TimerType type;
        QObject *object;
        qint64 deadlineNs;
        bool firing = false;  // its timer event is being delivered; it does not fire nested
    };

    static qint64 nowNs();
    static std::uint32_t epollEvents(const Watch &watch);
    void addWatch(int fd, Watch &watch);
    void noteChange(int fd, Watch &watch);
    void applyChanges();
    void sendPostedEvents();
    int waitTimeoutMs(bool mayBlock) const;
    int waitForEvents(int timeoutMs, bool includeNotifiers);
    int activatePending();
    int fireTimers();
    void drainWakeUps();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending{false};
    // Something was posted from this thread since the loop last sent posted events: it is not
    // waiting, so no wake-up is written, but it must not wait before sending them.
    bool m_postedHere = false;
    std::atomic<bool> m_interrupted{false};
    std::uint32_t m_nextGeneration = 1;
    std::unordered_map<int, Watch> m_watches;
    std::vector<int> m_changed;  // descriptors whose events epoll is told before its next wait
    quint64 m_interestUpdates = 0;
    quint64 m_extraPostedPasses = 0;
    std::atomic<quint64> m_wakeUpWrites{0};
    std::deque<QSocketNotifier *> m_pending;  // ready notifiers not yet activated
    std::unordered_map<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_deadlines;  // (deadline, id), soonest first
    std::unordered_multimap<QObject *, int> m_timersByObject;
};

}  // namespace softphone::server
