#pragma once

#include "call/call_controller.h"
#include "commands/event_printer.h"
#include "im/im_client.h"

#include <QObject>
#include <set>

namespace softphone::cli {

// Prints what the call controller and the IM client report about calls as JSON lines, and
// tells when the record of a call has arrived.
class CallEventPrinter : public QObject
{
    Q_OBJECT

public:
    CallEventPrinter(call::CallController &controller, im::ImClient &im, EventPrinter &printer,
                     QObject *parent = nullptr);

    bool hasRecord(qint64 channelId) const { return m_recorded.contains(channelId); }

signals:
    void recordArrived(qint64 channelId);

private:
    void connectController();
    void onStored(const im::StoredMessage &message);
    void onSent(const QString &msgidClient);
    void printRecord(const im::StoredMessage &message);

    call::CallController &m_controller;
    im::ImClient &m_im;
    EventPrinter &m_printer;
    std::set<QString> m_ownPending;  // msgidClients of our records waiting for their ack
    std::set<qint64> m_recorded;
};

}  // namespace softphone::cli
