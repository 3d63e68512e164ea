#include "commands/call_event_printer.h"

#include "protocol/call_record.h"

namespace softphone::cli {

using call::CallController;
using protocol::json;

namespace {

json callFields(const call::CallInfo &call)
{
    json fields = {{"cid", call.cid.toStdString()},
                   {"peer", call.peer.toStdString()},
                   {"type", int(call.type)},
                   {"direction", call.outgoing ? "outgoing" : "incoming"}};
    if (call.channelId)
        fields["channelId"] = call.channelId;
    return fields;
}

}  // namespace

CallEventPrinter::CallEventPrinter(CallController &controller, im::ImClient &im,
                                   EventPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_im(im)
    , m_printer(printer)
{
    connectController();
    connect(&m_im, &im::ImClient::messageStored, this, &CallEventPrinter::onStored);
    connect(&m_im, &im::ImClient::messageSent, this, &CallEventPrinter::onSent);
}

void CallEventPrinter::connectController()
{
    CallController *c = &m_controller;
    connect(c, &CallController::stateChanged, this, [this](call::CallState state) {
        json fields = {{"state", std::string(call::callStateName(state))}};
        if (state != call::CallState::Idle)
            fields.update(callFields(m_controller.current()));
        m_printer.print("state", fields);
    });
    connect(c, &CallController::incoming, this,
            [this](const QString &caller, const QString &name, protocol::CallType type,
                   const QString &cid) {
                m_printer.print("incoming", {{"caller", caller.toStdString()},
                                             {"callerName", name.toStdString()},
                                             {"type", int(type)},
                                             {"cid", cid.toStdString()}});
            });
    connect(c, &CallController::accepted, this, [this] { m_printer.print("accepted"); });
    connect(c, &CallController::rejected, this, [this] { m_printer.print("rejected"); });
    connect(c, &CallController::busy, this, [this] { m_printer.print("busy"); });
    connect(c, &CallController::timedOut, this, [this] { m_printer.print("timeout"); });
    connect(c, &CallController::canceled, this, [this] { m_printer.print("canceled"); });
    connect(c, &CallController::handledElsewhere, this, [this](bool accepted) {
        m_printer.print("handledElsewhere", {{"accepted", accepted}});
    });
    connect(c, &CallController::remoteHungUp, this, [this] { m_printer.print("remoteHangup"); });
    connect(c, &CallController::roomJoined, this, [this](qint64 uid) {
        m_printer.print("roomJoined", {{"uid", uid}});
    });
    connect(c, &CallController::peerJoined, this, [this](const QString &account, qint64 uid) {
        m_printer.print("peerJoined", {{"account", account.toStdString()}, {"uid", uid}});
    });
    connect(c, &CallController::peerLeft, this, [this](const QString &account, qint64 uid) {
        m_printer.print("peerLeft", {{"account", account.toStdString()}, {"uid", uid}});
    });
    connect(c, &CallController::autoBusy, this, [this](const QString &caller, const QString &cid) {
        m_printer.print("autoBusy", {{"caller", caller.toStdString()}, {"cid", cid.toStdString()}});
    });
    connect(c, &CallController::failed, this, [this](int code, const QString &message) {
        m_printer.print("error", {{"code", code}, {"message", message.toStdString()}});
    });
    connect(c, &CallController::ended, this,
            [this](call::EndReason reason, const call::CallInfo &info) {
                json fields = callFields(info);
                fields["reason"] = std::string(call::endReasonName(reason));
                if (reason == call::EndReason::Failed && info.failure != call::FailureCause::None) {
                    fields["cause"] = call::failureCauseName(info.failure);
                    fields["why"] = info.failureDetail.toStdString();
                }
                if (info.answeredMs)
                    fields["talkMs"] = info.endedMs - info.answeredMs;
                m_printer.print("ended", fields);
            });
}

void CallEventPrinter::onStored(const im::StoredMessage &message)
{
    if (message.message.msgType != protocol::MsgType::CallRecord)
        return;
    if (message.delivery == im::DeliveryState::Pending) {
        m_ownPending.insert(QString::fromStdString(message.message.msgidClient));
        return;
    }
    printRecord(message);
}

void CallEventPrinter::onSent(const QString &msgidClient)
{
    if (!m_ownPending.erase(msgidClient) || !m_im.store())
        return;
    if (auto sent = m_im.store()->findOwn(msgidClient.toStdString()))
        printRecord(*sent);
}

void CallEventPrinter::printRecord(const im::StoredMessage &message)
{
    m_printer.print("record", EventPrinter::messageFields(message));
    if (auto record = protocol::CallRecord::parse(message.message.attach)) {
        m_recorded.insert(record->channelId);
        emit recordArrived(record->channelId);
    }
}

}  // namespace softphone::cli
