#include "services/message_service.h"

#include "logging.h"
#include "net/session_registry.h"
#include "server_config.h"
#include "services/record_admission.h"
#include "storage/account_store.h"
#include "storage/database.h"
#include "storage/message_store.h"

#include <algorithm>

namespace softphone::server {

using protocol::ErrorCode;
using protocol::Message;
using protocol::MsgType;

MessageService::MessageService(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_receipts(context.db)
{}

namespace {

bool sameContent(const Message &stored, const protocol::SendMessage &params)
{
    return stored.to == params.to && stored.msgType == params.msgType &&
           stored.body == params.body && stored.attach == params.attach;
}

protocol::SendAck ackFor(const Message &message)
{
    return {message.msgidClient, message.msgidServer, message.msgTimestamp};
}

}  // namespace

void MessageService::send(ClientConnection &sender, const protocol::SendMessage &params,
                          Responder reply)
{
    // A resend of something already stored gets the original ack and nothing else.
    if (auto stored = m_context.messages.findByClientId(sender.account(), params.msgidClient)) {
        if (!sameContent(*stored, params)) {
            reply.error(ErrorCode::MessageConflict,
                        "msgidClient " + params.msgidClient + " was used for a different message");
            return;
        }
        reply.result(ackFor(*stored));
        return;
    }
    if (params.to != sender.account() && !m_context.accounts.exists(params.to)) {
        reply.error(ErrorCode::NoSuchAccount, "no account \"" + params.to + "\"");
        return;
    }
    std::optional<protocol::CallRecord> record;
    if (params.msgType == MsgType::CallRecord) {
        if (!m_context.config.callRecords || !m_admission) {
            reply.error(ErrorCode::RecordForbidden,
                        "built-in call records are off on this server; send CUSTOM messages");
            return;
        }
        record = *protocol::CallRecord::parse(params.attach);  // validated with the params
        if (auto refusal = m_admission->admitClientRecord(sender.account(), params.to, *record)) {
            reply.error(refusal->code, refusal->message);
            return;
        }
    }

    Message message{protocol::ConvType::Person,
                    sender.account(),
                    params.to,
                    params.msgType,
                    params.body,
                    params.attach,
                    params.msgidClient,
                    0,
                    m_context.now(),
                    sender.clientType()};
    if (!m_context.messages.insert(message)) {
        reply.error(ErrorCode::Internal, "the message could not be stored; send it again");
        return;
    }
    if (record)
        m_admission->recordStored(record->channelId, message.msgidServer);
    reply.result(ackFor(message));
    deliver(message, &sender);
    emit messageStored(message);
}

std::optional<Message> MessageService::storeAndDeliver(Message message, bool mayExist)
{
    if (mayExist) {
        if (auto stored = m_context.messages.findByClientId(message.from, message.msgidClient))
            return stored;
    }
    message.msgTimestamp = m_context.now();
    if (!m_context.messages.insert(message)) {
        qCWarning(lcServer) << "could not store a server message for" << message.from.c_str();
        return std::nullopt;
    }
    deliver(message, nullptr);
    emit messageStored(message);
    return message;
}

void MessageService::deliver(const Message &message, const ClientConnection *except)
{
    const std::string text = protocol::encodeEvent(protocol::MessageEvent{message});
    m_context.sessions.sendToAccount(message.to, text, except);
    if (message.from != message.to)
        m_context.sessions.sendToAccount(message.from, text, except);
}

void MessageService::history(ClientConnection &client, const protocol::History &params,
                             Responder reply)
{
    reply.result(
        m_context.messages.history(client.account(), params.peer, params.before, params.limit));
}

void MessageService::sync(ClientConnection &client, const protocol::Sync &params, Responder reply)
{
    protocol::SyncPage page = m_context.messages.sync(client.account(), params.since, params.limit);
    if (!page.hasMore)
        page.receipts = m_receipts.involving(client.account());
    reply.result(page);
}

void MessageService::receipt(ClientConnection &reader, const protocol::MarkReceipt &params,
                             Responder reply)
{
    const protocol::Receipt current = m_receipts.find(params.peer, reader.account());
    protocol::Receipt next = current;
    // A mark only moves forward, and only onto a message the peer really sent.
    const auto advance = [&](std::int64_t &mark, std::int64_t claimed) {
        if (claimed > mark)
            mark =
                std::max(mark, m_receipts.lastMessageUpTo(params.peer, reader.account(), claimed));
    };
    advance(next.read, params.read);
    advance(next.delivered, params.delivered);
    next.delivered = std::max(next.delivered, next.read);
    if (next == current) {
        reply.result(current);
        return;
    }
    if (!m_receipts.store(next)) {
        reply.error(ErrorCode::Internal, "the receipt could not be stored; send it again");
        return;
    }
    reply.result(next);
    const std::string text = protocol::encodeEvent(protocol::ReceiptEvent{next});
    m_context.sessions.sendToAccount(next.sender, text, nullptr);
    if (next.sender != next.reader)
        m_context.sessions.sendToAccount(next.reader, text, &reader);
}

}  // namespace softphone::server
