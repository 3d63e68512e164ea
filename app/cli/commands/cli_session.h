#pragma once

#include "commands/cli_options.h"
#include "commands/event_printer.h"
#include "im/im_client.h"

#include <QObject>
#include <QTimer>

namespace softphone::cli {

// The account's connection for one command: logs in, waits until caught up, and reports a
// server that cannot be reached or a refused login as a failure with an exit code.
class CliSession : public QObject
{
    Q_OBJECT

public:
    CliSession(CliOptions options, EventPrinter &printer, QObject *parent = nullptr);

    void start();
    im::WsImClient &im() { return m_im; }
    const CliOptions &options() const { return m_options; }

signals:
    void ready();  // online and synced, the first time
    void failed(int exitCode, const QString &message);

private:
    QString deviceId() const;

    CliOptions m_options;
    EventPrinter &m_printer;
    im::WsImClient m_im;
    QTimer m_connectTimeout;
    bool m_ready = false;
};

}  // namespace softphone::cli
