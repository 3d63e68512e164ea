#include "media/session/webrtc_callbacks.h"

#include "media/session/media_log.h"
#include "media/session/media_session.h"
#include "media/session/receive_branch.h"
#include "media/session/sdp.h"
#include "media/session/session_bridge.h"
#include "media/session/stats_collector.h"

#include <gst/webrtc/webrtc.h>

namespace softphone::media {

namespace {

using Description = std::shared_ptr<GstWebRTCSessionDescription>;

Description takeDescription(GstPromise *promise, const char *field)
{
    GstWebRTCSessionDescription *description = nullptr;
    if (gst_promise_wait(promise) == GST_PROMISE_RESULT_REPLIED) {
        const GstStructure *reply = gst_promise_get_reply(promise);
        if (reply)
            gst_structure_get(reply, field, GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description,
                              nullptr);
    }
    return Description(description, [](GstWebRTCSessionDescription *d) {
        if (d)
            gst_webrtc_session_description_free(d);
    });
}

QString promiseError(GstPromise *promise)
{
    if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED)
        return QStringLiteral("interrupted");
    const GstStructure *reply = gst_promise_get_reply(promise);
    GError *error = nullptr;
    if (reply && gst_structure_get(reply, "error", G_TYPE_ERROR, &error, nullptr) && error) {
        const QString message = QString::fromUtf8(error->message);
        g_error_free(error);
        return message.isEmpty() ? QStringLiteral("error") : message;
    }
    return {};
}

void unrefClosure(gpointer data, GClosure *)
{
    SessionBridge::unref(data);
}

template<class Callback>
void connectBridge(GstElement *element, const char *signal, Callback callback,
                   const std::shared_ptr<SessionBridge> &bridge)
{
    g_signal_connect_data(element, signal, G_CALLBACK(callback), SessionBridge::ref(bridge),
                          unrefClosure, GConnectFlags(0));
}

}  // namespace

void MediaSessionCallbacks::connect(GstElement *pipeline, GstElement *webrtc,
                                    const std::shared_ptr<SessionBridge> &bridge)
{
    using C = MediaSessionCallbacks;
    connectBridge(webrtc, "on-negotiation-needed", C::negotiationNeeded, bridge);
    connectBridge(webrtc, "on-ice-candidate", C::iceCandidate, bridge);
    connectBridge(webrtc, "notify::ice-gathering-state", C::gatheringNotify, bridge);
    connectBridge(webrtc, "notify::ice-connection-state", C::connectionNotify, bridge);
    connectBridge(webrtc, "notify::connection-state", C::connectionNotify, bridge);
    connectBridge(webrtc, "pad-added", C::padAdded, bridge);
    if (bridge->config().sendLoss > 0)
        connectBridge(webrtc, "request-aux-sender", C::requestAuxSender, bridge);
    GstBus *bus = gst_pipeline_get_bus(GST_PIPELINE(pipeline));
    gst_bus_set_sync_handler(bus, C::busMessage, SessionBridge::ref(bridge), SessionBridge::unref);
    gst_object_unref(bus);
}

void MediaSessionCallbacks::negotiationNeeded(GstElement *, gpointer data)
{
    SessionBridge::from(data)->post([](MediaSession &session) { session.createOffer(); });
}

void MediaSessionCallbacks::iceCandidate(GstElement *, guint mlineIndex, gchar *candidate,
                                         gpointer data)
{
    SessionBridge::from(data)->post(
        [mlineIndex, text = QString::fromUtf8(candidate)](MediaSession &session) {
            session.iceCandidateGathered(int(mlineIndex), text);
        });
}

void MediaSessionCallbacks::gatheringNotify(GstElement *, GParamSpec *, gpointer data)
{
    SessionBridge::from(data)->post([](MediaSession &session) { session.gatheringStateChanged(); });
}

void MediaSessionCallbacks::connectionNotify(GstElement *, GParamSpec *, gpointer data)
{
    SessionBridge::from(data)->post(
        [](MediaSession &session) { session.connectionStateChanged(); });
}

void MediaSessionCallbacks::padAdded(GstElement *webrtc, GstPad *pad, gpointer data)
{
    auto *bridge = static_cast<std::shared_ptr<SessionBridge> *>(data);
    GstObject *pipeline = gst_element_get_parent(webrtc);
    if (!pipeline)
        return;
    ReceiveBranch::attach(GST_ELEMENT(pipeline), pad, *bridge);
    gst_object_unref(pipeline);
}

void MediaSessionCallbacks::offerCreated(GstPromise *promise, gpointer data)
{
    Description offer = takeDescription(promise, "offer");
    const QString error = offer ? QString() : promiseError(promise);
    gst_promise_unref(promise);
    SessionBridge::from(data)->post([offer, error](MediaSession &session) {
        if (offer)
            session.applyLocalDescription(kOffer, offer.get());
        else
            session.fail(QStringLiteral("cannot create an offer: %1").arg(error));
    });
}

void MediaSessionCallbacks::answerCreated(GstPromise *promise, gpointer data)
{
    Description answer = takeDescription(promise, "answer");
    const QString error = answer ? QString() : promiseError(promise);
    gst_promise_unref(promise);
    SessionBridge::from(data)->post([answer, error](MediaSession &session) {
        if (answer)
            session.applyLocalDescription(kAnswer, answer.get());
        else
            session.fail(QStringLiteral("cannot answer the offer: %1").arg(error));
    });
}

void MediaSessionCallbacks::remoteOfferSet(GstPromise *promise, gpointer data)
{
    remoteSet(promise, data, kOffer);
}

void MediaSessionCallbacks::remoteAnswerSet(GstPromise *promise, gpointer data)
{
    remoteSet(promise, data, kAnswer);
}

void MediaSessionCallbacks::remoteSet(GstPromise *promise, gpointer data, const QString &type)
{
    const QString error = promiseError(promise);
    gst_promise_unref(promise);
    SessionBridge::from(data)->post([type, error](MediaSession &session) {
        if (error.isEmpty())
            session.remoteDescriptionApplied(type);
        else
            session.fail(QStringLiteral("the remote %1 was refused: %2").arg(type, error));
    });
}

void MediaSessionCallbacks::candidatesFlushed(GstPromise *promise, gpointer data)
{
    const bool replied = gst_promise_wait(promise) == GST_PROMISE_RESULT_REPLIED;
    gst_promise_unref(promise);
    if (replied)
        SessionBridge::from(data)->post([](MediaSession &session) { session.endOfCandidates(); });
}

void MediaSessionCallbacks::statsReady(GstPromise *promise, gpointer data)
{
    RawStats raw;
    const bool replied = gst_promise_wait(promise) == GST_PROMISE_RESULT_REPLIED;
    if (replied)
        raw = StatsCollector::parse(gst_promise_get_reply(promise));
    gst_promise_unref(promise);
    if (replied)
        SessionBridge::from(data)->post(
            [raw](MediaSession &session) { session.statsArrived(raw); });
}

GstElement *MediaSessionCallbacks::requestAuxSender(GstElement *, GObject *, gpointer data)
{
    const double loss = SessionBridge::from(data)->config().sendLoss;
    GstElement *netsim = gst_element_factory_make("netsim", nullptr);
    if (netsim)
        g_object_set(netsim, "drop-probability", loss, nullptr);
    return netsim;
}

GstBusSyncReply MediaSessionCallbacks::busMessage(GstBus *, GstMessage *message, gpointer data)
{
    SessionBridge *bridge = SessionBridge::from(data);
    switch (GST_MESSAGE_TYPE(message)) {
    case GST_MESSAGE_ERROR: {
        GError *error = nullptr;
        gchar *debug = nullptr;
        gst_message_parse_error(message, &error, &debug);
        const QString detail = QStringLiteral("%1: %2").arg(
            QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))),
            QString::fromUtf8(error ? error->message : "error"));
        // The DTLS elements fail when the handshake does (e.g. both ends act as its
        // client): that is the peer's handshake, not our pipeline breaking.
        if (g_str_has_prefix(G_OBJECT_TYPE_NAME(GST_MESSAGE_SRC(message)), "GstDtls"))
            bridge->pipelineError(QStringLiteral("DTLS failed: the encrypted handshake with "
                                                 "the peer did not complete (%1)")
                                      .arg(detail),
                                  call::FailureCause::DtlsFailed);
        else
            bridge->pipelineError(detail);
        g_clear_error(&error);
        g_free(debug);
        break;
    }
    case GST_MESSAGE_WARNING: {
        GError *error = nullptr;
        gst_message_parse_warning(message, &error, nullptr);
        qCWarning(lcMedia) << "GStreamer warning from" << GST_OBJECT_NAME(GST_MESSAGE_SRC(message))
                           << ":" << (error ? error->message : "?");
        g_clear_error(&error);
        break;
    }
    case GST_MESSAGE_LATENCY:
        // a receiver was added: the pipeline's latency must be worked out again
        bridge->post([](MediaSession &session) { session.recalculateLatency(); });
        break;
    default:
        break;
    }
    // nobody pops this bus: handled here and dropped (a dropping handler owns the message)
    gst_message_unref(message);
    return GST_BUS_DROP;
}

}  // namespace softphone::media
