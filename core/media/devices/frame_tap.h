#pragma once

#include <atomic>
#include <memory>

typedef struct _GstElement GstElement;

namespace softphone::media {

class FrameMailbox;

// Hands the I420 frames an appsink receives to `mailbox`, while anyone wants them and, when
// `open` is given, while it is true (read on the appsink's streaming thread).
void tapFrames(GstElement *appsink, std::shared_ptr<FrameMailbox> mailbox,
               std::shared_ptr<const std::atomic<bool>> open = nullptr);

}  // namespace softphone::media
