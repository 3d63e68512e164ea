#pragma once

#include <QVideoFrame>

typedef struct _GstBuffer GstBuffer;
typedef struct _GstCaps GstCaps;

namespace softphone::media {

// Copies between Qt's video frames and GStreamer's raw video buffers. Plain memory work: safe
// on any thread.
namespace video_frames {

// The frame as a GStreamer buffer and the caps that describe it (framerate 0/1: frames come
// when they come). Formats GStreamer knows are copied plane by plane; any other is converted
// through QImage. False when the frame cannot be read.
bool toGst(const QVideoFrame &frame, GstBuffer **buffer, GstCaps **caps);

// A frame from an I420 buffer described by `caps`; an invalid frame if it is not I420.
QVideoFrame fromI420(GstBuffer *buffer, GstCaps *caps);

}  // namespace video_frames

}  // namespace softphone::media
