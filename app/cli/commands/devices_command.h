#pragma once

#include "commands/cli_command.h"
#include "commands/event_printer.h"

namespace softphone::cli {

// `devices`: the microphones, speakers and cameras a call can use (the system's, then the
// synthetic ones), one JSON line each. Needs no server.
class DevicesCommand : public CliCommand
{
    Q_OBJECT

public:
    explicit DevicesCommand(EventPrinter &printer, QObject *parent = nullptr)
        : CliCommand(parent)
        , m_printer(printer)
    {}

    void run() override;

private:
    EventPrinter &m_printer;
};

}  // namespace softphone::cli
