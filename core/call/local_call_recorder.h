#pragma once

#include "call/call_controller.h"
#include "im/im_client.h"

#include <QObject>
#include <optional>

namespace softphone::records {

// The app's own call records while built-in records are off: each call this device saw end
// leaves one record in the local store, local-only (never sent), in the seeds' JSON and with
// the caller as its sender, so every view words it as it words the server's. Should the
// server still send its record of the same call (records off on this device only), the
// server's replaces the local one.
class LocalCallRecorder : public QObject
{
    Q_OBJECT

public:
    // Installs itself as the controller's record hook; writes to the client's store of the
    // account signed in. No pointer is owned.
    LocalCallRecorder(call::CallController *calls, im::ImClient *im, QObject *parent = nullptr);
    ~LocalCallRecorder() override;

    std::optional<im::StoredMessage> record(const call::EndedCall &ended);

signals:
    void recordStored(const softphone::im::StoredMessage &message);
    void recordRemoved(qint64 localId);

private:
    void onMessageStored(const im::StoredMessage &message);
    static protocol::Message messageFor(const call::EndedCall &ended, const QString &account);

    call::CallController *m_calls;
    im::ImClient *m_im;
};

}  // namespace softphone::records
