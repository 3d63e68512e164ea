#include "media/session/media_gate.h"

#include <gst/gst.h>

namespace softphone::media {

namespace {

GstPadProbeReturn keepBlocking(GstPad *, GstPadProbeInfo *, gpointer)
{
    return GST_PAD_PROBE_OK;  // a blocking probe that says OK stays blocked
}

}  // namespace

MediaGate::~MediaGate()
{
    for (const auto &[pad, probe] : m_held)
        gst_object_unref(pad);
}

void MediaGate::hold(GstPad *pad)
{
    std::lock_guard lock(m_mutex);
    if (m_open)
        return;
    const gulong probe = gst_pad_add_probe(
        pad, GstPadProbeType(GST_PAD_PROBE_TYPE_BLOCK | GST_PAD_PROBE_TYPE_DATA_DOWNSTREAM),
        keepBlocking, nullptr, nullptr);
    m_held.emplace_back(GST_PAD(gst_object_ref(pad)), probe);
}

void MediaGate::open()
{
    std::vector<std::pair<GstPad *, unsigned long>> held;
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        held.swap(m_held);
    }
    for (const auto &[pad, probe] : held) {
        gst_pad_remove_probe(pad, probe);
        gst_object_unref(pad);
    }
}

bool MediaGate::isOpen() const
{
    std::lock_guard lock(m_mutex);
    return m_open;
}

}  // namespace softphone::media
