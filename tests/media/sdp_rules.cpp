#include "sdp_rules.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace {

struct MediaSection
{
    QString kind;  // audio, video
    int port = 0;
    QString proto;
    QStringList formats;
    QStringList attributes;  // "key:value" or "key", in order
};

struct Description
{
    QStringList lines;
    QStringList sessionAttributes;
    QList<MediaSection> media;
};

QStringList valuesOf(const QStringList &attributes, const QString &key)
{
    QStringList values;
    const QString prefix = key + QLatin1Char(':');
    for (const QString &attribute : attributes) {
        if (attribute == key)
            values << QString();
        else if (attribute.startsWith(prefix))
            values << attribute.mid(prefix.size());
    }
    return values;
}

// A media attribute, or the session's when the section has none (RFC 8866 §5).
QStringList effective(const Description &d, const MediaSection &m, const QString &key)
{
    const QStringList own = valuesOf(m.attributes, key);
    return own.isEmpty() ? valuesOf(d.sessionAttributes, key) : own;
}

bool parse(const QString &sdp, Description *d, QStringList *problems)
{
    if (!sdp.endsWith(QLatin1String("\r\n")))
        *problems << QStringLiteral("the description does not end with CRLF");
    QStringList lines = sdp.split(QLatin1String("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    static const QRegularExpression shape(QStringLiteral("^[a-z]=[^\r\n]*$"));
    for (const QString &line : lines) {
        if (!shape.match(line).hasMatch()) {
            *problems << QStringLiteral("malformed line \"%1\"").arg(line);
            continue;
        }
        d->lines << line;
        const QString value = line.mid(2);
        if (line.startsWith(QLatin1String("m="))) {
            const QStringList parts = value.split(QLatin1Char(' '));
            MediaSection m;
            if (parts.size() < 4) {
                *problems << QStringLiteral("short m-line \"%1\"").arg(line);
                return false;
            }
            m.kind = parts[0];
            m.port = parts[1].toInt();
            m.proto = parts[2];
            m.formats = parts.mid(3);
            d->media << m;
        } else if (line.startsWith(QLatin1String("a="))) {
            (d->media.isEmpty() ? d->sessionAttributes : d->media.last().attributes) << value;
        }
    }
    return true;
}

void checkSessionLines(const Description &d, QStringList *problems)
{
    // v, o, s first, in this order; t before the first m-line (RFC 8866 §5)
    if (d.lines.size() < 4 || !d.lines[0].startsWith(QLatin1String("v=0")) ||
        !d.lines[1].startsWith(QLatin1String("o=")) ||
        !d.lines[2].startsWith(QLatin1String("s="))) {
        *problems << QStringLiteral("the description does not start with v=0, o=, s=");
        return;
    }
    if (d.lines[1].mid(2).split(QLatin1Char(' ')).size() != 6)
        *problems << QStringLiteral("o= does not have six fields");
    bool timing = false;
    for (const QString &line : d.lines) {
        if (line.startsWith(QLatin1String("t=")))
            timing = true;
        if (line.startsWith(QLatin1String("m=")))
            break;
    }
    if (!timing)
        *problems << QStringLiteral("no t= line before the first m-line");
}

// a=ice-options:trickle at session level or in every section (Chromium writes it per section).
void checkTrickle(const Description &d, QStringList *problems)
{
    for (const MediaSection &m : d.media) {
        const QStringList options = effective(d, m, QStringLiteral("ice-options"));
        if (!options.join(QLatin1Char(' '))
                 .split(QLatin1Char(' '))
                 .contains(QStringLiteral("trickle"))) {
            *problems << QStringLiteral("no a=ice-options:trickle (RFC 8829 §5.2.1)");
            return;
        }
    }
}

void checkBundle(const Description &d, QStringList *problems)
{
    QStringList mids;
    for (const MediaSection &m : d.media) {
        const QStringList mid = valuesOf(m.attributes, QStringLiteral("mid"));
        if (mid.size() != 1 || mid[0].isEmpty())
            *problems << QStringLiteral("an %1 m-line without exactly one a=mid").arg(m.kind);
        else if (mids.contains(mid[0]))
            *problems << QStringLiteral("a=mid:%1 appears twice").arg(mid[0]);
        else
            mids << mid.value(0);
    }
    const QStringList groups = valuesOf(d.sessionAttributes, QStringLiteral("group"));
    QStringList bundled;
    for (const QString &group : groups) {
        if (group.startsWith(QLatin1String("BUNDLE ")))
            bundled = group.mid(7).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (bundled.isEmpty()) {
        *problems << QStringLiteral("no a=group:BUNDLE (RFC 8843)");
        return;
    }
    for (int i = 0; i < d.media.size(); ++i) {
        if (d.media[i].port != 0 && !bundled.contains(mids.value(i)))
            *problems << QStringLiteral("m-line %1 is neither bundled nor rejected").arg(i);
    }
    for (const QString &mid : bundled) {
        if (!mids.contains(mid))
            *problems << QStringLiteral("BUNDLE names mid %1, which no m-line has").arg(mid);
    }
}

void checkTransport(const Description &d, const MediaSection &m, int index, SdpKind kind,
                    QStringList *problems)
{
    const QString where = QStringLiteral("m-line %1 (%2)").arg(index).arg(m.kind);
    if (m.proto != QLatin1String("UDP/TLS/RTP/SAVPF"))
        *problems << where + QStringLiteral(": protocol %1, not UDP/TLS/RTP/SAVPF").arg(m.proto);
    static const QRegularExpression iceChars(QStringLiteral("^[A-Za-z0-9+/]+$"));
    const QStringList ufrag = effective(d, m, QStringLiteral("ice-ufrag"));
    const QStringList pwd = effective(d, m, QStringLiteral("ice-pwd"));
    if (ufrag.size() != 1 || ufrag[0].size() < 4 || ufrag[0].size() > 256 ||
        !iceChars.match(ufrag[0]).hasMatch())
        *problems << where + QStringLiteral(": a=ice-ufrag missing or malformed (RFC 8839)");
    if (pwd.size() != 1 || pwd[0].size() < 22 || pwd[0].size() > 256 ||
        !iceChars.match(pwd[0]).hasMatch())
        *problems << where + QStringLiteral(": a=ice-pwd missing or malformed (RFC 8839)");
    static const QRegularExpression fingerprint(
        QStringLiteral("^sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    const QStringList fingerprints = effective(d, m, QStringLiteral("fingerprint"));
    if (fingerprints.isEmpty() || !fingerprint.match(fingerprints[0]).hasMatch())
        *problems << where + QStringLiteral(": no sha-256 a=fingerprint (RFC 8827)");
    const QStringList setup = effective(d, m, QStringLiteral("setup"));
    const QStringList allowed =
        kind == SdpKind::Offer ? QStringList{QStringLiteral("actpass")}
                               : QStringList{QStringLiteral("active"), QStringLiteral("passive")};
    if (setup.size() != 1 || !allowed.contains(setup[0]))
        *problems << where + QStringLiteral(": a=setup is %1, must be %2 (RFC 8842)")
                                 .arg(setup.join(QLatin1Char(',')), allowed.join(QLatin1Char('|')));
    if (valuesOf(m.attributes, QStringLiteral("rtcp-mux")).isEmpty())
        *problems << where + QStringLiteral(": no a=rtcp-mux (RFC 8829 §5.2.1)");
}

QString direction(const MediaSection &m, QStringList *problems, const QString &where)
{
    QStringList found;
    for (const char *d : {"sendrecv", "sendonly", "recvonly", "inactive"}) {
        if (m.attributes.contains(QLatin1String(d)))
            found << QLatin1String(d);
    }
    if (found.size() != 1)
        *problems << where + QStringLiteral(": %1 direction attributes").arg(found.size());
    return found.value(0);
}

// rtpmap, fmtp and rtcp-fb name a format of the m-line; every dynamic format has an rtpmap.
QHash<QString, QString> checkPayloads(const MediaSection &m, const QString &where,
                                      QStringList *problems)
{
    QHash<QString, QString> rtpmap;
    for (const QString &value : valuesOf(m.attributes, QStringLiteral("rtpmap"))) {
        const QString payload = value.section(QLatin1Char(' '), 0, 0);
        rtpmap.insert(payload, value.section(QLatin1Char(' '), 1));
    }
    for (const QString &format : m.formats) {
        bool ok = false;
        const int payload = format.toInt(&ok);
        if (!ok || payload < 0 || payload > 127)
            *problems << where +
                             QStringLiteral(": format %1 is not an RTP payload type").arg(format);
        else if (payload >= 96 && !rtpmap.contains(format))
            *problems << where + QStringLiteral(": dynamic payload %1 has no rtpmap").arg(format);
    }
    for (const char *key : {"rtpmap", "fmtp", "rtcp-fb"}) {
        for (const QString &value : valuesOf(m.attributes, QLatin1String(key))) {
            const QString payload = value.section(QLatin1Char(' '), 0, 0);
            if (payload != QLatin1String("*") && !m.formats.contains(payload))
                *problems << where + QStringLiteral(": a=%1 for payload %2, not on the m-line")
                                         .arg(QLatin1String(key), payload);
        }
    }
    return rtpmap;
}

QStringList formatParameters(const MediaSection &m, const QString &payload)
{
    for (const QString &value : valuesOf(m.attributes, QStringLiteral("fmtp"))) {
        if (value.section(QLatin1Char(' '), 0, 0) == payload)
            return value.section(QLatin1Char(' '), 1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    }
    return {};
}

void checkAudio(const MediaSection &m, const QHash<QString, QString> &rtpmap, const QString &where,
                QStringList *problems)
{
    bool opus = false;
    for (auto it = rtpmap.begin(); it != rtpmap.end(); ++it) {
        if (!it.value().startsWith(QLatin1String("opus/"), Qt::CaseInsensitive))
            continue;
        opus = true;
        if (it.value().compare(QLatin1String("opus/48000/2"), Qt::CaseInsensitive) != 0)
            *problems << where + QStringLiteral(": a=rtpmap:%1 %2, must be opus/48000/2 "
                                                "(RFC 7587 §7)")
                                     .arg(it.key(), it.value());
        const QStringList parameters = formatParameters(m, it.key());
        if (!parameters.contains(QStringLiteral("minptime=10")))
            *problems << where + QStringLiteral(": Opus fmtp without minptime=10");
        if (!parameters.contains(QStringLiteral("useinbandfec=0")) &&
            !parameters.contains(QStringLiteral("useinbandfec=1")))
            *problems << where + QStringLiteral(": Opus fmtp without useinbandfec");
    }
    if (!opus)
        *problems << where + QStringLiteral(": no Opus");
}

void checkVideo(const MediaSection &m, const QHash<QString, QString> &rtpmap, const QString &where,
                QStringList *problems)
{
    const QString vp8 = rtpmap.key(QStringLiteral("VP8/90000"));
    if (vp8.isEmpty()) {
        *problems << where + QStringLiteral(": no VP8/90000");
        return;
    }
    const QStringList feedback = valuesOf(m.attributes, QStringLiteral("rtcp-fb"));
    for (const char *wanted : {"nack", "nack pli", "ccm fir"}) {
        if (!feedback.contains(vp8 + QLatin1Char(' ') + QLatin1String(wanted)))
            *problems << where +
                             QStringLiteral(": no a=rtcp-fb:%1 %2").arg(vp8, QLatin1String(wanted));
    }
}

// A section that sends carries its track's a=msid and its SSRC with a CNAME (RFC 8829 §5.2.1,
// RFC 8830); every a=ssrc line is "<32-bit ssrc> <attribute>[:<value>]".
void checkSources(const MediaSection &m, const QString &dir, const QString &where,
                  QStringList *problems)
{
    static const QRegularExpression ssrcLine(QStringLiteral("^(\\d{1,10}) ([a-z-]+)(:(.+))?$"));
    static const QRegularExpression msid(QStringLiteral("^[!-~]{1,64}( [!-~]{1,64})?$"));
    QSet<quint64> withCname;
    QSet<quint64> ssrcs;
    for (const QString &value : valuesOf(m.attributes, QStringLiteral("ssrc"))) {
        const auto match = ssrcLine.match(value);
        if (!match.hasMatch() || match.captured(1).toULongLong() > 0xffffffffULL) {
            *problems << where + QStringLiteral(": malformed a=ssrc:%1").arg(value);
            continue;
        }
        ssrcs.insert(match.captured(1).toULongLong());
        if (match.captured(2) == QLatin1String("cname") && !match.captured(4).isEmpty())
            withCname.insert(match.captured(1).toULongLong());
    }
    for (quint64 ssrc : std::as_const(ssrcs)) {
        if (!withCname.contains(ssrc))
            *problems << where + QStringLiteral(": SSRC %1 has no cname").arg(ssrc);
    }
    const QStringList msids = valuesOf(m.attributes, QStringLiteral("msid"));
    for (const QString &value : msids) {
        if (!msid.match(value).hasMatch())
            *problems << where + QStringLiteral(": malformed a=msid:%1").arg(value);
    }
    if (dir == QLatin1String("sendrecv") || dir == QLatin1String("sendonly")) {
        if (msids.isEmpty())
            *problems << where + QStringLiteral(": sends, but has no a=msid (RFC 8829 §5.2.1)");
        if (ssrcs.isEmpty())
            *problems << where + QStringLiteral(": sends, but has no a=ssrc with a cname");
    }
}

}  // namespace

QStringList sdpViolations(const QString &sdp, SdpKind kind)
{
    QStringList problems;
    Description d;
    if (!parse(sdp, &d, &problems))
        return problems;
    checkSessionLines(d, &problems);
    if (d.media.isEmpty()) {
        problems << QStringLiteral("no m-line");
        return problems;
    }
    checkBundle(d, &problems);
    checkTrickle(d, &problems);
    for (int i = 0; i < d.media.size(); ++i) {
        const MediaSection &m = d.media[i];
        const QString where = QStringLiteral("m-line %1 (%2)").arg(i).arg(m.kind);
        if (m.port == 0 && valuesOf(m.attributes, QStringLiteral("bundle-only")).isEmpty()) {
            problems << where + QStringLiteral(": rejected (port 0)");
            continue;
        }
        checkTransport(d, m, i, kind, &problems);
        const QString dir = direction(m, &problems, where);
        const QHash<QString, QString> rtpmap = checkPayloads(m, where, &problems);
        if (m.kind == QLatin1String("audio"))
            checkAudio(m, rtpmap, where, &problems);
        else if (m.kind == QLatin1String("video"))
            checkVideo(m, rtpmap, where, &problems);
        else
            problems << where + QStringLiteral(": unexpected media kind");
        checkSources(m, dir, where, &problems);
    }
    return problems;
}
