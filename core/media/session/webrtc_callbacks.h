#pragma once

#include <QString>
#include <gst/gst.h>
#include <memory>

namespace softphone::media {

class SessionBridge;

// The GStreamer callbacks of a MediaSession's pipeline. Each runs on some GStreamer thread and
// only posts to the session, through the pipeline's SessionBridge (its user data).
struct MediaSessionCallbacks
{
    // Connects webrtcbin's signals and the pipeline's bus to the callbacks below, each holding
    // a reference to `bridge`.
    static void connect(GstElement *pipeline, GstElement *webrtc,
                        const std::shared_ptr<SessionBridge> &bridge);

    // The replies to webrtcbin's actions (GstPromise change functions).
    static void offerCreated(GstPromise *promise, gpointer data);
    static void answerCreated(GstPromise *promise, gpointer data);
    static void remoteOfferSet(GstPromise *promise, gpointer data);
    static void remoteAnswerSet(GstPromise *promise, gpointer data);
    static void candidatesFlushed(GstPromise *promise, gpointer data);
    static void statsReady(GstPromise *promise, gpointer data);

    static void negotiationNeeded(GstElement *, gpointer data);
    static void iceCandidate(GstElement *, guint mlineIndex, gchar *candidate, gpointer data);
    static void gatheringNotify(GstElement *, GParamSpec *, gpointer data);
    static void connectionNotify(GstElement *, GParamSpec *, gpointer data);
    // Must link at once, on this thread, or the first packets find an unlinked pad.
    static void padAdded(GstElement *webrtc, GstPad *pad, gpointer data);
    // Simulated loss on the wire: netsim between webrtcbin's RTP session (after the
    // retransmission buffer, so NACKs can repair what it drops) and the DTLS transport.
    static GstElement *requestAuxSender(GstElement *, GObject *, gpointer data);
    static GstBusSyncReply busMessage(GstBus *, GstMessage *message, gpointer data);

private:
    static void remoteSet(GstPromise *promise, gpointer data, const QString &type);
};

}  // namespace softphone::media
