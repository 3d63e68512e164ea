#pragma once

#include <QString>

typedef struct _GObject GObject;
typedef struct _GstElement GstElement;

namespace softphone::media {

// GStreamer set-up shared by every session: initialisation once per process and a check
// that the elements a call needs are installed.
class GstRuntime
{
public:
    // Initialises GStreamer (once). Returns an empty string when ready, else what is missing,
    // e.g. "missing GStreamer elements: webrtcbin (gstreamer1.0-plugins-bad)".
    static QString ensure();

    // Counts `object` as live until it is finalised. Tests use liveObjects() to prove that a
    // stopped session released its pipeline.
    // A bin built from a gst-launch description, its unlinked pads ghosted; nullptr and
    // `error` set when it does not parse.
    static GstElement *parseBin(const QString &description, QString *error);

    static void track(GObject *object);
    static int liveObjects();
};

}  // namespace softphone::media
