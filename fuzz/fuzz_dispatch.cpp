// The server's request dispatch, in this process: every frame gets exactly one answer with its
// id, every answer and event the server sends is a readable frame of the protocol, no
// exception escapes, and nothing trips AddressSanitizer or UndefinedBehaviorSanitizer.
//
// Input: lines; the first byte of a line picks the connection (alice, bob, or one that is not
// logged in), the rest is the frame. "$CID" stands for the last call id the server gave out.

#include "dispatch_harness.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdint>
#include <cstdlib>

namespace {

softphone::fuzz::DispatchHarness *harness = nullptr;

void stopHarness()
{
    delete harness;
    harness = nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    new QCoreApplication(*argc, *argv);  // lives as long as the process
    harness = new softphone::fuzz::DispatchHarness();
    std::atexit(stopHarness);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    harness->run(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
