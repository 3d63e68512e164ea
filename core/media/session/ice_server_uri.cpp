#include "media/session/ice_server_uri.h"

#include <QUrl>

namespace softphone::media {

namespace {

// Splits "scheme:host[:port][?query]" (with or without "//") into scheme and the rest.
bool splitUri(const QString &uri, QString *scheme, QString *rest)
{
    const qsizetype colon = uri.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    *scheme = uri.left(colon).toLower();
    *rest = uri.mid(colon + 1);
    if (rest->startsWith(QLatin1String("//")))
        *rest = rest->mid(2);
    const qsizetype at = rest->lastIndexOf(QLatin1Char('@'));
    if (at >= 0)  // credentials in the URI itself are replaced by the configured ones
        *rest = rest->mid(at + 1);
    return !rest->isEmpty() && !rest->startsWith(QLatin1Char(':')) &&
           !rest->startsWith(QLatin1Char('?'));
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

}  // namespace

QString webrtcbinStunUri(const QString &uri)
{
    QString scheme;
    QString rest;
    if (!splitUri(uri.trimmed(), &scheme, &rest) || scheme != QLatin1String("stun"))
        return {};
    return QStringLiteral("stun://") + rest;
}

QString webrtcbinTurnUri(const TurnServer &server)
{
    QString scheme;
    QString rest;
    if (!splitUri(server.uri.trimmed(), &scheme, &rest))
        return {};
    if (scheme != QLatin1String("turn") && scheme != QLatin1String("turns"))
        return {};
    if (server.username.isEmpty())
        return {};
    return scheme + QStringLiteral("://") + encoded(server.username) + QLatin1Char(':') +
           encoded(server.password) + QLatin1Char('@') + rest;
}

}  // namespace softphone::media
