#pragma once

#include <QString>
#include <gst/gst.h>
#include <memory>

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

// GLib reference helpers for code that keeps hold of elements of a call's pipeline.

// A weak reference to an element of a call's pipeline: null once the pipeline has gone.
class WeakElement
{
public:
    explicit WeakElement(GstElement *element) { g_weak_ref_init(&m_ref, element); }
    ~WeakElement() { g_weak_ref_clear(&m_ref); }
    WeakElement(const WeakElement &) = delete;
    WeakElement &operator=(const WeakElement &) = delete;

    // A new reference, or null.
    GstElement *get() { return static_cast<GstElement *>(g_weak_ref_get(&m_ref)); }

private:
    GWeakRef m_ref;
};

// Owns one reference to an element (from WeakElement::get()), dropped at the end of scope.
struct ElementRef
{
    explicit ElementRef(GstElement *e)
        : element(e)
    {}
    ~ElementRef()
    {
        if (element)
            gst_object_unref(element);
    }
    ElementRef(const ElementRef &) = delete;
    ElementRef &operator=(const ElementRef &) = delete;
    explicit operator bool() const { return element != nullptr; }
    GstElement *element;
};

// The child of `bin` called `name`, or null; borrowed: the bin keeps it alive.
GstElement *byName(GstElement *bin, const char *name);
// Makes an input-selector pass its pad `padName`.
void selectPad(GstElement *selector, const char *padName);
void setCapsString(GstElement *element, const char *caps);

// GLib user data holding a std::shared_ptr<T>: new std::shared_ptr<T>(...) as the data,
// deleteShared<T> as its destroy notify, sharedFrom<T> to read it in the callback.
template<class T>
void deleteShared(gpointer data)
{
    delete static_cast<std::shared_ptr<T> *>(data);
}

template<class T>
T *sharedFrom(gpointer data)
{
    return static_cast<std::shared_ptr<T> *>(data)->get();
}

}  // namespace softphone::media
