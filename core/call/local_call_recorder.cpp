#include "call/local_call_recorder.h"

#include "protocol/call_rules.h"

#include <QDateTime>

namespace softphone::records {

using protocol::roundedSeconds;

LocalCallRecorder::LocalCallRecorder(call::CallController *calls, im::ImClient *im, QObject *parent)
    : QObject(parent)
    , m_calls(calls)
    , m_im(im)
{
    m_calls->setRecordHook([this](const call::EndedCall &ended) { record(ended); });
    connect(im, &im::ImClient::messageStored, this, &LocalCallRecorder::onMessageStored);
}

LocalCallRecorder::~LocalCallRecorder()
{
    m_calls->setRecordHook({});
}

std::optional<im::StoredMessage> LocalCallRecorder::record(const call::EndedCall &ended)
{
    im::LocalStore *store = m_im->store();
    if (!store || !ended.status || ended.info.channelId == 0 || ended.info.peer.isEmpty())
        return std::nullopt;
    if (!store->callRecordsOfChannel(ended.info.channelId).empty())
        return std::nullopt;  // the server's record came first
    // Unread only if it is a call we missed, as the server's record would be.
    const protocol::Message message = messageFor(ended, store->account());
    auto stored =
        store->addLocalOnly(message, !im::LocalStore::isMissedCall(message, store->account()));
    if (stored)
        emit recordStored(*stored);
    return stored;
}

protocol::Message LocalCallRecorder::messageFor(const call::EndedCall &ended,
                                                const QString &account)
{
    const call::CallInfo &call = ended.info;
    const std::string self = account.toStdString();
    const std::string peer = call.peer.toStdString();

    protocol::CallRecord record;
    record.type = call.type;
    record.channelId = call.channelId;
    record.status = *ended.status;
    if (record.status == protocol::CallStatus::Completed)  // only our own time is known here
        record.durations.push_back({self, roundedSeconds(call.endedMs - call.answeredMs)});

    protocol::Message message;
    message.from = call.outgoing ? self : peer;  // a record's sender is always the caller
    message.to = call.outgoing ? peer : self;
    message.msgType = protocol::MsgType::CallRecord;
    message.attach = record.serialize();
    message.msgidClient = "local-call-" + std::to_string(call.channelId);
    message.msgTimestamp = call.endedMs > 0 ? call.endedMs : QDateTime::currentMSecsSinceEpoch();
    return message;
}

void LocalCallRecorder::onMessageStored(const im::StoredMessage &message)
{
    if (message.message.msgType != protocol::MsgType::CallRecord ||
        message.delivery == im::DeliveryState::LocalOnly)
        return;
    const auto record = protocol::CallRecord::parse(message.message.attach);
    im::LocalStore *store = m_im->store();
    if (!record || !store)
        return;
    for (const im::StoredMessage &stored : store->callRecordsOfChannel(record->channelId)) {
        if (stored.delivery == im::DeliveryState::LocalOnly && store->remove(stored.localId))
            emit recordRemoved(stored.localId);
    }
}

}  // namespace softphone::records
