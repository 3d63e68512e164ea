#pragma once

#include <utility>

namespace softphone::media {

// What a capture hub's input-selector passes: its synthetic input (sink_0: a tone, the test
// pattern) or the device's feed (sink_1). A newly chosen device takes over only at its first
// buffer, so that the call never waits on a device that has yet to deliver. Plain state: the
// hub holds its mutex around every call.
class CaptureChoice
{
public:
    void chooseSynthetic()
    {
        m_device = false;
        m_deviceFlowing = false;
    }
    void chooseDevice()
    {
        m_device = true;
        m_deviceFlowing = false;
    }
    bool deviceChosen() const { return m_device; }
    // A buffer of the chosen device arrived. True for its first: the selector must switch.
    bool deviceDelivered() { return !std::exchange(m_deviceFlowing, true); }
    const char *selectorPad() const { return m_device && m_deviceFlowing ? "sink_1" : "sink_0"; }

private:
    bool m_device = false;         // the device input is chosen
    bool m_deviceFlowing = false;  // and has delivered: it is what the selector passes
};

}  // namespace softphone::media
