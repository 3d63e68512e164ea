#pragma once

#include <mutex>
#include <utility>
#include <vector>

typedef struct _GstPad GstPad;

namespace softphone::media {

// Holds the peer's decrypted streams back until the peer is known to be who its description
// says (its DTLS certificate matches the a=fingerprint we were given): nothing of an impostor's
// is decoded or played. Pads arrive on streaming threads; the gate opens on the session's.
class MediaGate
{
public:
    MediaGate() = default;
    MediaGate(const MediaGate &) = delete;
    MediaGate &operator=(const MediaGate &) = delete;
    ~MediaGate();

    // Streaming thread: blocks `pad`'s data until open() (at once if already open).
    void hold(GstPad *pad);
    // Session thread: lets every held stream flow, and the later ones through.
    void open();
    bool isOpen() const;

private:
    mutable std::mutex m_mutex;
    bool m_open = false;
    std::vector<std::pair<GstPad *, unsigned long>> m_held;  // pad (a reference), probe id
};

}  // namespace softphone::media
