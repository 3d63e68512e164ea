#include "media/session/gst_runtime.h"

#include <QStringList>
#include <atomic>
#include <gst/gst.h>
#include <mutex>

namespace softphone::media {

namespace {

struct Requirement
{
    const char *element;
    const char *package;
};

constexpr Requirement kRequired[] = {
    {"webrtcbin", "gstreamer1.0-plugins-bad"},      {"dtlssrtpenc", "gstreamer1.0-plugins-bad"},
    {"srtpenc", "gstreamer1.0-plugins-bad"},        {"nicesrc", "gstreamer1.0-nice"},
    {"rtpbin", "gstreamer1.0-plugins-good"},        {"opusenc", "gstreamer1.0-plugins-base"},
    {"opusdec", "gstreamer1.0-plugins-base"},       {"rtpopuspay", "gstreamer1.0-plugins-good"},
    {"rtpopusdepay", "gstreamer1.0-plugins-good"},  {"vp8enc", "gstreamer1.0-plugins-good"},
    {"vp8dec", "gstreamer1.0-plugins-good"},        {"rtpvp8pay", "gstreamer1.0-plugins-good"},
    {"rtpvp8depay", "gstreamer1.0-plugins-good"},   {"audiotestsrc", "gstreamer1.0-plugins-base"},
    {"videotestsrc", "gstreamer1.0-plugins-base"},  {"audioconvert", "gstreamer1.0-plugins-base"},
    {"audioresample", "gstreamer1.0-plugins-base"}, {"videoconvert", "gstreamer1.0-plugins-base"},
    {"volume", "gstreamer1.0-plugins-base"},        {"valve", "gstreamer1.0-plugins-bad"},
    {"appsink", "gstreamer1.0-plugins-base"},       {"fakesink", "libgstreamer1.0-0"},
    {"netsim", "gstreamer1.0-plugins-bad"},
};

std::atomic<int> g_live{0};

void onFinalized(gpointer, GObject *)
{
    g_live.fetch_sub(1);
}

}  // namespace

QString GstRuntime::ensure()
{
    static std::once_flag once;
    static QString result;
    std::call_once(once, [] {
        GError *error = nullptr;
        if (!gst_init_check(nullptr, nullptr, &error)) {
            result = QStringLiteral("GStreamer failed to initialise: %1")
                         .arg(QString::fromUtf8(error ? error->message : "unknown error"));
            g_clear_error(&error);
            return;
        }
        QStringList missing;
        for (const auto &requirement : kRequired) {
            GstElementFactory *factory = gst_element_factory_find(requirement.element);
            if (!factory)
                missing << QStringLiteral("%1 (%2)").arg(QLatin1String(requirement.element),
                                                         QLatin1String(requirement.package));
            else
                gst_object_unref(factory);
        }
        if (!missing.isEmpty())
            result =
                QStringLiteral("missing GStreamer elements: ") + missing.join(QStringLiteral(", "));
    });
    return result;
}

GstElement *GstRuntime::parseBin(const QString &description, QString *error)
{
    GError *gerror = nullptr;
    GstElement *bin =
        gst_parse_bin_from_description(description.toUtf8().constData(), TRUE, &gerror);
    if (!bin || gerror) {
        if (error)
            *error = QStringLiteral("cannot build \"%1\": %2")
                         .arg(description, QString::fromUtf8(gerror ? gerror->message : "?"));
        g_clear_error(&gerror);
        if (bin)
            gst_object_unref(bin);
        return nullptr;
    }
    return bin;
}

void GstRuntime::track(GObject *object)
{
    g_live.fetch_add(1);
    g_object_weak_ref(object, onFinalized, nullptr);
}

int GstRuntime::liveObjects()
{
    return g_live.load();
}

GstElement *byName(GstElement *bin, const char *name)
{
    GstElement *element = gst_bin_get_by_name(GST_BIN(bin), name);
    if (element)
        gst_object_unref(element);  // the bin keeps it alive
    return element;
}

void selectPad(GstElement *selector, const char *padName)
{
    GstPad *pad = gst_element_get_static_pad(selector, padName);
    if (!pad)
        return;
    g_object_set(selector, "active-pad", pad, nullptr);
    gst_object_unref(pad);
}

void setCapsString(GstElement *element, const char *caps)
{
    GstCaps *parsed = gst_caps_from_string(caps);
    g_object_set(element, "caps", parsed, nullptr);
    gst_caps_unref(parsed);
}

}  // namespace softphone::media
