#include "services/turn_service.h"

#include <QMessageAuthenticationCode>

namespace softphone::server {

protocol::TurnCredentials TurnService::credentialsFor(const std::string &account,
                                                      std::int64_t nowMs) const
{
    protocol::TurnCredentials credentials;
    for (const QString &url : m_settings.urls)
        credentials.urls.push_back(url.toStdString());
    if (m_settings.secret.isEmpty()) {
        credentials.ttl = 0;  // STUN only, or nothing configured
        return credentials;
    }
    const std::int64_t expiry = nowMs / 1000 + m_settings.ttlSeconds;
    credentials.username = std::to_string(expiry) + ":" + account;
    credentials.credential =
        QMessageAuthenticationCode::hash(QByteArray::fromStdString(credentials.username),
                                         m_settings.secret.toUtf8(), QCryptographicHash::Sha1)
            .toBase64()
            .toStdString();
    credentials.ttl = m_settings.ttlSeconds;
    return credentials;
}

}  // namespace softphone::server
