// CallController, third file: getting into the room of an answered call, and back into it.
// In a cluster the room lives on the node that holds the call; when that node dies, a survivor
// takes the call over within seconds, and until then a room.join gets no answer or is told
// "unavailable". The device keeps trying, as long as the server keeps its place in the call.

#include "call/call_controller.h"
#include "protocol/error_code.h"

#include <QPointer>
#include <algorithm>

namespace softphone::call {

using protocol::ErrorBody;
using protocol::ErrorCode;

namespace {

// A room.join forwarded to a node that has just died is never answered: after this long,
// another goes out (an answer to the first one is still taken if it comes).
constexpr int kJoinAnswerMs = 3000;
constexpr int kFirstRetryMs = 250;
constexpr int kLongestRetryMs = 2000;

bool worthRetrying(const ErrorBody &error)
{
    return error.code == int(ErrorCode::Unavailable) || error.code == int(im::LocalError::Timeout);
}

}  // namespace

void CallController::joinRoom()
{
    stopJoining();
    m_joinDeadlineMs = m_clock->nowMs() + reconnectWaitMs(m_reconnectGraceSeconds);
    m_joinDelayMs = kFirstRetryMs;
    sendJoin();
}

void CallController::sendJoin()
{
    const int attempt = ++m_joinAttempt;
    m_joinInFlight = true;
    m_joinTimer = m_clock->startTimer(kJoinAnswerMs, [this, attempt] {
        m_joinTimer = 0;
        if (attempt == m_joinAttempt)
            joinAgainLater({int(im::LocalError::Timeout), "the server did not answer room.join"});
    });
    QPointer<CallController> self(this);
    m_im->call(protocol::RoomJoin{m_call.cid.toStdString(), 0},
               [self, attempt, cid = m_call.cid](std::optional<protocol::RoomJoinResult> joined,
                                                 const ErrorBody &error) {
                   if (self && self->m_call.cid == cid && self->isBusy())
                       self->onJoinAnswered(attempt, std::move(joined), error);
               });
}

void CallController::onJoinAnswered(int attempt, std::optional<protocol::RoomJoinResult> joined,
                                    const ErrorBody &error)
{
    if (joined) {
        if (m_call.localUid != 0 || !m_joinInFlight)
            return;  // an answer to an earlier try, after a later one got in
        stopJoining();
        m_call.localUid = joined->uid;
        emit roomJoined(joined->uid);
        return;
    }
    if (attempt != m_joinAttempt)
        return;  // a later try is out
    if (error.code == int(im::LocalError::Disconnected)) {
        stopJoining();  // rejoined once logged in again
        return;
    }
    if (worthRetrying(error)) {
        joinAgainLater(error);
        return;
    }
    stopJoining();
    if (error.code == int(ErrorCode::NoSuchCall)) {
        // It ended while this device was out of it (the server ended it when our place ran
        // out): as its record would say.
        qCInfo(lcCallController) << "call" << m_call.cid << "ended while we were away";
        if (apply(CallEvent::RemoteHangup))
            emit remoteHungUp();
        return;
    }
    emit failed(error.code, QString::fromStdString(error.message));
    apply(CallEvent::ConnectionFailed);
}

void CallController::joinAgainLater(const ErrorBody &error)
{
    m_clock->cancelTimer(m_joinTimer);
    m_joinTimer = 0;
    const std::int64_t now = m_clock->nowMs();
    if (now + m_joinDelayMs > m_joinDeadlineMs) {
        qCInfo(lcCallController) << "giving up on the room of" << m_call.cid << ":"
                                 << error.message.c_str();
        stopJoining();
        emit failed(error.code, QString::fromStdString(error.message));
        apply(CallEvent::ConnectionFailed);
        return;
    }
    qCInfo(lcCallController) << "room.join of" << m_call.cid << "failed (" << error.message.c_str()
                             << "): trying again in" << m_joinDelayMs << "ms";
    setRejoining(true);
    m_joinTimer = m_clock->startTimer(m_joinDelayMs, [this] { sendJoin(); });
    m_joinDelayMs = std::min(m_joinDelayMs * 2, kLongestRetryMs);
}

void CallController::stopJoining()
{
    if (m_joinTimer)
        m_clock->cancelTimer(m_joinTimer);
    m_joinTimer = 0;
    m_joinInFlight = false;
    ++m_joinAttempt;  // what is still out is answered to nobody
    setRejoining(false);
}

void CallController::setRejoining(bool rejoining)
{
    if (m_rejoining == rejoining)
        return;
    m_rejoining = rejoining;
    emit rejoiningChanged(rejoining);
}

}  // namespace softphone::call
