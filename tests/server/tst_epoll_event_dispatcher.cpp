// The epoll event dispatcher, installed as the test's own: timers, posted events, wake-ups
// from other threads, socket notifiers and real TCP sockets.

#include "net/epoll_event_dispatcher.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using softphone::server::EpollEventDispatcher;

class TestEpollEventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void isInstalled()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void singleShotTimerWaitsItsInterval()
    {
        QElapsedTimer clock;
        clock.start();
        bool fired = false;
        QTimer::singleShot(50, this, [&] { fired = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fired, 2000);
        QVERIFY(clock.elapsed() >= 50);
    }

    void repeatingTimerFiresUntilStopped()
    {
        QTimer timer;
        int shots = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            if (++shots == 5)
                timer.stop();
        });
        timer.start(5);
        QTRY_COMPARE_WITH_TIMEOUT(shots, 5, 2000);
        QTest::qWait(50);
        QCOMPARE(shots, 5);
        QVERIFY(!timer.isActive());
    }

    void remainingTimeCountsDown()
    {
        QTimer timer;
        timer.start(1000);
        const int left = timer.remainingTime();
        QVERIFY(left > 900 && left <= 1000);
        timer.stop();
        QCOMPARE(timer.remainingTime(), -1);
    }

    void zeroTimerDoesNotStarveOthers()
    {
        QTimer busy;
        int spins = 0;
        connect(&busy, &QTimer::timeout, this, [&] { ++spins; });
        busy.start(0);
        bool posted = false;
        QMetaObject::invokeMethod(
            this, [&] { posted = true; }, Qt::QueuedConnection);
        bool later = false;
        QTimer::singleShot(20, this, [&] { later = true; });
        QTRY_VERIFY_WITH_TIMEOUT(posted && later, 2000);
        QVERIFY(spins > 1);
    }

    void timersOfADeletedObjectAreGone()
    {
        auto *timer = new QTimer;
        int shots = 0;
        connect(timer, &QTimer::timeout, this, [&] { ++shots; });
        timer->start(5);
        delete timer;
        QTest::qWait(40);
        QCOMPARE(shots, 0);
    }

    void deleteLaterAndNestedLoops()
    {
        QPointer<QObject> doomed = new QObject;
        doomed->deleteLater();
        QEventLoop loop;
        QTimer::singleShot(10, &loop, [&] {
            QEventLoop inner;
            QTimer::singleShot(10, &inner, &QEventLoop::quit);
            inner.exec();
            loop.quit();
        });
        loop.exec();
        QTRY_VERIFY(doomed.isNull());
    }

    void anotherThreadWakesTheLoop()
    {
        QEventLoop loop;
        QThread *thread = QThread::create([&loop] {
            QThread::msleep(30);  // the main thread is asleep in epoll_wait by now
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
        QElapsedTimer clock;
        clock.start();
        thread->start();
        QTimer::singleShot(5000, &loop, [&loop] { loop.exit(1); });
        QCOMPARE(loop.exec(), 0);
        QVERIFY(clock.elapsed() < 2000);
        thread->wait();
        delete thread;
    }

    // Qt asks for a wake-up with every posted event; from the loop's own thread, which is not
    // waiting, a write to the wake-up descriptor only costs system calls.
    void eventsPostedByTheLoopsOwnThreadWriteNoWakeUp()
    {
        auto *dispatcher =
            qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
        QCoreApplication::processEvents();
        const quint64 before = dispatcher->wakeUpWrites();
        int delivered = 0;
        for (int i = 0; i < 100; ++i)
            QMetaObject::invokeMethod(
                this, [&] { ++delivered; }, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(delivered, 100, 2000);
        QCOMPARE(dispatcher->wakeUpWrites(), before);
    }

    // An outbox flushed at the end of a turn hands bytes to a link that writes at the end of
    // the turn: each posts the next. Qt sends what is posted while it sends in its next call, so
    // each link of such a chain cost a turn of the loop, and its wait could not block.
    void aChainOfPostedEventsIsSentInOneTurn()
    {
        auto *dispatcher =
            qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
        QCoreApplication::processEvents();
        // Shared: what a failed check leaves posted runs after this function has returned.
        auto delivered = std::make_shared<std::vector<int>>();
        const auto post = [this](auto step) {
            QMetaObject::invokeMethod(this, step, Qt::QueuedConnection);
        };
        post([delivered, post] {
            delivered->push_back(1);
            post([delivered, post] {
                delivered->push_back(2);
                post([delivered] { delivered->push_back(3); });
            });
        });
        const quint64 before = dispatcher->extraPostedPasses();
        dispatcher->processEvents(QEventLoop::AllEvents);
        QCOMPARE(*delivered, (std::vector<int>{1, 2, 3}));
        QCOMPARE(dispatcher->extraPostedPasses(), before + 2);
    }

    // The passes are bounded: an event that posts itself again and again leaves the sockets
    // and timers their turn.
    void anEventPostingItselfForeverStarvesNoSocket()
    {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        QSocketNotifier notifier(fds[0], QSocketNotifier::Read);
        bool readable = false;
        connect(&notifier, &QSocketNotifier::activated, this, [&] { readable = true; });
        bool fired = false;
        QTimer::singleShot(5, this, [&] { fired = true; });
        struct Spinner
        {
            QObject *context;
            bool spinning = true;
            int spins = 0;
            void spin(const std::shared_ptr<Spinner> &self)
            {
                ++spins;
                if (spinning)
                    QMetaObject::invokeMethod(
                        context, [self] { self->spin(self); }, Qt::QueuedConnection);
            }
        };
        auto spinner = std::make_shared<Spinner>(Spinner{this});
        spinner->spin(spinner);
        QCOMPARE(::write(fds[1], "x", 1), 1);
        const bool served = QTest::qWaitFor([&] { return readable && fired; }, 2000);
        spinner->spinning = false;
        QCoreApplication::processEvents();
        notifier.setEnabled(false);
        ::close(fds[0]);
        ::close(fds[1]);
        QVERIFY(served);
        QVERIFY(spinner->spins > 1);
    }

    // Posted by this thread after the loop sent its posted events but before it waits (from
    // aboutToBlock, here): with no wake-up written, the loop must not wait for it.
    void anEventPostedAsTheLoopIsAboutToWaitIsNotLeftWaiting()
    {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        QEventLoop loop;
        bool posted = false;
        const auto connection =
            connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [&] {
                if (posted)
                    return;
                posted = true;
                QMetaObject::invokeMethod(
                    &loop, [&loop] { loop.exit(0); }, Qt::QueuedConnection);
            });
        QTimer::singleShot(3000, &loop, [&loop] { loop.exit(1); });
        QElapsedTimer clock;
        clock.start();
        const int result = loop.exec();
        disconnect(connection);
        QCOMPARE(result, 0);
        QVERIFY(clock.elapsed() < 1000);
    }

    // A wake-up from another thread that lands while the loop is draining the previous one must
    // not be lost. Once one was, every later wake-up was swallowed too, and the loop slept with
    // posted events waiting until a timer or a socket happened to wake it: on a cluster node, a
    // ring that arrived over NATS waited for the next 200 ms status poll.
    void wakeUpsThatRaceTheDrainAreNotLost()
    {
        constexpr int kRounds = 40;
        constexpr int kPerRound = 10000;
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        std::atomic<int> handled{0};
        std::atomic<int> answered{0};
        std::atomic<bool> deliveredInTime{true};
        QObject receiver;
        const auto post = [&] {
            QMetaObject::invokeMethod(
                &receiver,
                [&] {
                    ++handled;
                    // As a node does with what comes over NATS: it answers in a later event.
                    QMetaObject::invokeMethod(
                        &receiver, [&] { ++answered; }, Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
        };
        int endPipe[2];
        QCOMPARE(::pipe(endPipe), 0);
        QSocketNotifier end(endPipe[0], QSocketNotifier::Read);
        bool ended = false;
        connect(&end, &QSocketNotifier::activated, this, [&] { ended = true; });
        QThread *poster = QThread::create([&] {
            QDeadlineTimer deadline(20000);
            for (int round = 1; round <= kRounds && deliveredInTime; ++round) {
                // Wake-ups as fast as they go, some while the loop drains the one before.
                QElapsedTimer spin;
                spin.start();
                while (spin.elapsed() < 5)
                    dispatcher->wakeUp();
                for (int i = 0; i < kPerRound; ++i)
                    post();
                // No timer runs in the loop: one that lost its wake-ups never delivers the rest
                // (the deadline only stands for never).
                const int sent = round * kPerRound;
                while ((handled < sent || answered < sent) && !deadline.hasExpired())
                    QThread::usleep(200);
                deliveredInTime = handled == sent && answered == sent;
            }
            [[maybe_unused]] const auto written = ::write(endPipe[1], "x", 1);
        });
        poster->start();
        while (!ended)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        poster->wait();
        delete poster;
        end.setEnabled(false);
        ::close(endPipe[0]);
        ::close(endPipe[1]);
        QVERIFY2(deliveredInTime, "posted events waited in a loop that lost its wake-ups");
        QCOMPARE(handled.load(), kRounds * kPerRound);
        QCOMPARE(answered.load(), kRounds * kPerRound);
    }

    void socketNotifierFollowsReadiness()
    {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        QSocketNotifier readable(fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&readable, &QSocketNotifier::activated, this, [&] {
            char buffer[16];
            if (::read(fds[0], buffer, sizeof buffer) > 0)
                ++activations;
        });
        QTest::qWait(20);
        QCOMPARE(activations, 0);
        QCOMPARE(::write(fds[1], "x", 1), 1);
        QTRY_COMPARE(activations, 1);
        readable.setEnabled(false);
        QCOMPARE(::write(fds[1], "y", 1), 1);
        QTest::qWait(20);
        QCOMPARE(activations, 1);
        readable.setEnabled(true);
        QTRY_COMPARE(activations, 2);
        readable.setEnabled(false);
        ::close(fds[0]);
        ::close(fds[1]);
    }

    // QAbstractSocket switches its write notifier on for each write and off once flushed; the
    // kernel hears only of the state a wait finds.
    void notifiersSwitchedWithinATurnCostNoSystemCall()
    {
        auto *dispatcher =
            qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        QSocketNotifier readable(fds[0], QSocketNotifier::Read);
        QSocketNotifier writable(fds[0], QSocketNotifier::Write);
        writable.setEnabled(false);
        int writableSeen = 0;
        connect(&writable, &QSocketNotifier::activated, this, [&] { ++writableSeen; });
        QTest::qWait(10);

        const quint64 before = dispatcher->interestUpdates();
        for (int i = 0; i < 100; ++i) {
            writable.setEnabled(true);
            writable.setEnabled(false);
        }
        QTest::qWait(10);
        QCOMPARE(writableSeen, 0);
        QCOMPARE(dispatcher->interestUpdates(), before);

        writable.setEnabled(true);  // and left on: epoll is told once, and it fires
        QTRY_VERIFY(writableSeen > 0);
        QCOMPARE(dispatcher->interestUpdates(), before + 1);
        writable.setEnabled(false);
        readable.setEnabled(false);
        ::close(fds[0]);
        ::close(fds[1]);
    }

    void tcpEchoOverManySockets()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket *peer = server.nextPendingConnection()) {
                connect(peer, &QTcpSocket::readyRead, peer,
                        [peer] { peer->write(peer->readAll()); });
                connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
            }
        });
        constexpr int kClients = 200;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        int echoed = 0;
        for (int i = 0; i < kClients; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = client.get();
            connect(raw, &QTcpSocket::connected, this, [raw] { raw->write("ping"); });
            connect(raw, &QTcpSocket::readyRead, this, [raw, &echoed] {
                if (raw->bytesAvailable() >= 4 && raw->readAll() == "ping")
                    ++echoed;
            });
            raw->connectToHost(QHostAddress::LocalHost, server.serverPort());
            clients.push_back(std::move(client));
        }
        QTRY_COMPARE_WITH_TIMEOUT(echoed, kClients, 10000);
        for (auto &client : clients)
            client->disconnectFromHost();
        clients.clear();
        QTest::qWait(20);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epoll_event_dispatcher.moc"
