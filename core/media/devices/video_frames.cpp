#include "media/devices/video_frames.h"

#include <QImage>
#include <QVideoFrameFormat>
#include <algorithm>
#include <cstring>
#include <gst/video/video.h>

namespace softphone::media::video_frames {

namespace {

GstVideoFormat gstFormat(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied:
        return GST_VIDEO_FORMAT_ARGB;
    case QVideoFrameFormat::Format_XRGB8888:
        return GST_VIDEO_FORMAT_xRGB;
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
        return GST_VIDEO_FORMAT_BGRA;
    case QVideoFrameFormat::Format_BGRX8888:
        return GST_VIDEO_FORMAT_BGRx;
    case QVideoFrameFormat::Format_ABGR8888:
        return GST_VIDEO_FORMAT_ABGR;
    case QVideoFrameFormat::Format_XBGR8888:
        return GST_VIDEO_FORMAT_xBGR;
    case QVideoFrameFormat::Format_RGBA8888:
        return GST_VIDEO_FORMAT_RGBA;
    case QVideoFrameFormat::Format_RGBX8888:
        return GST_VIDEO_FORMAT_RGBx;
    case QVideoFrameFormat::Format_AYUV:
        return GST_VIDEO_FORMAT_AYUV;
    case QVideoFrameFormat::Format_YUV420P:
        return GST_VIDEO_FORMAT_I420;
    case QVideoFrameFormat::Format_YUV422P:
        return GST_VIDEO_FORMAT_Y42B;
    case QVideoFrameFormat::Format_YV12:
        return GST_VIDEO_FORMAT_YV12;
    case QVideoFrameFormat::Format_UYVY:
        return GST_VIDEO_FORMAT_UYVY;
    case QVideoFrameFormat::Format_YUYV:
        return GST_VIDEO_FORMAT_YUY2;
    case QVideoFrameFormat::Format_NV12:
        return GST_VIDEO_FORMAT_NV12;
    case QVideoFrameFormat::Format_NV21:
        return GST_VIDEO_FORMAT_NV21;
    case QVideoFrameFormat::Format_Y8:
        return GST_VIDEO_FORMAT_GRAY8;
    case QVideoFrameFormat::Format_Y16:
        return GST_VIDEO_FORMAT_GRAY16_LE;
    case QVideoFrameFormat::Format_P010:
        return GST_VIDEO_FORMAT_P010_10LE;
    case QVideoFrameFormat::Format_P016:
        return GST_VIDEO_FORMAT_P016_LE;
    default:
        return GST_VIDEO_FORMAT_UNKNOWN;
    }
}

// Rows of `plane`: the first plane is full height; the chroma planes of the formats above are
// as high as their first chroma component.
int planeRows(const GstVideoInfo &info, int plane)
{
    return GST_VIDEO_INFO_COMP_HEIGHT(&info, plane == 0 ? 0 : 1);
}

// Copies `planes` planes of `rows(plane)` rows, each row as long as the shorter stride.
template<class SrcBits, class SrcStride, class DstBits, class DstStride, class Rows>
void copyPlanes(int planes, SrcBits srcBits, SrcStride srcStride, DstBits dstBits,
                DstStride dstStride, Rows rows)
{
    for (int plane = 0; plane < planes; ++plane) {
        const auto *src = srcBits(plane);
        auto *dst = dstBits(plane);
        const int from = srcStride(plane);
        const int to = dstStride(plane);
        const int length = std::min(from, to);
        if (!src || !dst || length <= 0)
            continue;
        for (int row = 0; row < rows(plane); ++row)
            std::memcpy(dst + qsizetype(row) * to, src + qsizetype(row) * from, size_t(length));
    }
}

}  // namespace

bool toGst(const QVideoFrame &input, GstBuffer **buffer, GstCaps **caps)
{
    QVideoFrame frame = input;
    if (!frame.isValid() || frame.width() <= 0 || frame.height() <= 0)
        return false;
    GstVideoFormat format = gstFormat(frame.pixelFormat());
    QImage image;
    if (format == GST_VIDEO_FORMAT_UNKNOWN) {
        image = frame.toImage().convertToFormat(QImage::Format_RGBA8888);
        if (image.isNull())
            return false;
        format = GST_VIDEO_FORMAT_RGBA;
    }
    GstVideoInfo info;
    if (!gst_video_info_set_format(&info, format, guint(frame.width()), guint(frame.height())))
        return false;
    GstBuffer *out = gst_buffer_new_allocate(nullptr, info.size, nullptr);
    GstVideoFrame target;
    if (!out || !gst_video_frame_map(&target, &info, out, GST_MAP_WRITE)) {
        if (out)
            gst_buffer_unref(out);
        return false;
    }
    auto dstBits = [&](int plane) { return static_cast<uchar *>(target.data[plane]); };
    auto dstStride = [&](int plane) { return GST_VIDEO_FRAME_PLANE_STRIDE(&target, plane); };
    auto rows = [&](int plane) { return planeRows(info, plane); };
    bool copied = true;
    if (!image.isNull()) {
        copyPlanes(
            1, [&](int) { return image.constBits(); },
            [&](int) { return int(image.bytesPerLine()); }, dstBits, dstStride, rows);
    } else if (frame.map(QVideoFrame::ReadOnly)) {
        const int planes = std::min(frame.planeCount(), int(GST_VIDEO_INFO_N_PLANES(&info)));
        copyPlanes(
            planes, [&](int plane) { return static_cast<const uchar *>(frame.bits(plane)); },
            [&](int plane) { return frame.bytesPerLine(plane); }, dstBits, dstStride, rows);
        frame.unmap();
    } else {
        copied = false;
    }
    gst_video_frame_unmap(&target);
    if (!copied) {
        gst_buffer_unref(out);
        return false;
    }
    GstCaps *described = gst_video_info_to_caps(&info);
    gst_caps_set_simple(described, "framerate", GST_TYPE_FRACTION, 0, 1, nullptr);
    *buffer = out;
    *caps = described;
    return true;
}

QVideoFrame fromI420(GstBuffer *buffer, GstCaps *caps)
{
    GstVideoInfo info;
    if (!buffer || !caps || !gst_video_info_from_caps(&info, caps) ||
        GST_VIDEO_INFO_FORMAT(&info) != GST_VIDEO_FORMAT_I420)
        return {};
    GstVideoFrame source;
    if (!gst_video_frame_map(&source, &info, buffer, GST_MAP_READ))
        return {};
    QVideoFrame frame(
        QVideoFrameFormat(QSize(GST_VIDEO_INFO_WIDTH(&info), GST_VIDEO_INFO_HEIGHT(&info)),
                          QVideoFrameFormat::Format_YUV420P));
    if (frame.map(QVideoFrame::WriteOnly)) {
        copyPlanes(
            std::min(3, frame.planeCount()),
            [&](int plane) { return static_cast<const uchar *>(source.data[plane]); },
            [&](int plane) { return GST_VIDEO_FRAME_PLANE_STRIDE(&source, plane); },
            [&](int plane) { return frame.bits(plane); },
            [&](int plane) { return frame.bytesPerLine(plane); },
            [&](int plane) { return planeRows(info, plane); });
        frame.unmap();
    } else {
        frame = {};
    }
    gst_video_frame_unmap(&source);
    if (frame.isValid() && GST_BUFFER_PTS_IS_VALID(buffer))
        frame.setStartTime(qint64(GST_BUFFER_PTS(buffer) / 1000));
    return frame;
}

}  // namespace softphone::media::video_frames
