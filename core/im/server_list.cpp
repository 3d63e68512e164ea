#include "im/server_list.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace softphone::im {

std::optional<QList<QUrl>> parseServerList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QList<QUrl> servers;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QUrl url(part, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
            return std::nullopt;
        servers.append(url);
    }
    if (servers.isEmpty())
        return std::nullopt;
    return servers;
}

QString serverListUsage()
{
    return QCoreApplication::translate("main",
                                       "--server takes ws:// or wss:// URLs, separated by commas");
}

QString serverListText(const QList<QUrl> &servers)
{
    QStringList texts;
    for (const QUrl &server : servers)
        texts << server.toString();
    return texts.join(QLatin1String(", "));
}

}  // namespace softphone::im
