#include "shell/app_settings.h"

#include "im/server_list.h"

#include <QStandardPaths>
#include <QUuid>

namespace softphone::ui {

namespace {
const QString kRingTimeout = QStringLiteral("calls/ringTimeoutSeconds");
const QString kRingtone = QStringLiteral("calls/ringtone");
// Not "general/...": QSettings writes a group of that name (in any case) as [%General] and
// reads it back as "General", so another process would never find the value.
const QString kLanguage = QStringLiteral("interface/language");
const QString kLegacyLanguage = QStringLiteral("General/language");
const QString kRecords = QStringLiteral("calls/records");
const QString kDnd = QStringLiteral("calls/doNotDisturb");
const QString kAcceptCalls = QStringLiteral("calls/acceptOnThisDevice");
const QString kServer = QStringLiteral("signIn/server");
const QString kAccount = QStringLiteral("signIn/account");
const QString kRemember = QStringLiteral("signIn/remember");

QString deviceKey(media::DeviceKind kind)
{
    switch (kind) {
    case media::DeviceKind::Microphone:
        return QStringLiteral("media/microphone");
    case media::DeviceKind::Speaker:
        return QStringLiteral("media/speaker");
    case media::DeviceKind::Camera:
        return QStringLiteral("media/camera");
    }
    return {};
}

QString deviceNameKey(media::DeviceKind kind)
{
    return deviceKey(kind) + QStringLiteral("Name");
}
}  // namespace

AppSettings::AppSettings(QString profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_settings(std::make_unique<QSettings>(
          QSettings::IniFormat, QSettings::UserScope, QStringLiteral("softphone"),
          m_profile.isEmpty() ? QStringLiteral("softphone")
                              : QStringLiteral("softphone-%1").arg(m_profile)))
{}

QString AppSettings::dataDirectory() const
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                   QStringLiteral("/softphone");
    return m_profile.isEmpty() ? base : base + QStringLiteral("/profiles/") + m_profile;
}

QVariant AppSettings::value(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(key, fallback);
}

void AppSettings::setValue(const QString &key, const QVariant &value)
{
    if (m_settings->value(key) == value)
        return;
    m_settings->setValue(key, value);
    emit changed();
}

int AppSettings::ringTimeoutSeconds() const
{
    return std::clamp(value(kRingTimeout, 30).toInt(), 5, 300);
}

void AppSettings::setRingTimeoutSeconds(int seconds)
{
    setValue(kRingTimeout, std::clamp(seconds, 5, 300));
}

QString AppSettings::ringtone() const
{
    return value(kRingtone, QString()).toString();
}

void AppSettings::setRingtone(const QString &id)
{
    setValue(kRingtone, id);
}

QString AppSettings::language() const
{
    return value(kLanguage, value(kLegacyLanguage, QString())).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    setValue(kLanguage, language);
}

bool AppSettings::callRecords() const
{
    return value(kRecords, true).toBool();
}

void AppSettings::setCallRecords(bool on)
{
    setValue(kRecords, on);
}

bool AppSettings::doNotDisturb() const
{
    return value(kDnd, false).toBool();
}

void AppSettings::setDoNotDisturb(bool on)
{
    setValue(kDnd, on);
}

bool AppSettings::acceptCalls() const
{
    return value(kAcceptCalls, true).toBool();
}

void AppSettings::setAcceptCalls(bool on)
{
    setValue(kAcceptCalls, on);
}

QByteArray AppSettings::deviceId(media::DeviceKind kind) const
{
    return value(deviceKey(kind), QString()).toString().toUtf8();
}

media::DeviceSelection AppSettings::devices() const
{
    return {deviceId(media::DeviceKind::Microphone), deviceId(media::DeviceKind::Speaker),
            deviceId(media::DeviceKind::Camera)};
}

void AppSettings::setDevices(const media::DeviceSelection &devices)
{
    const auto set = [this](media::DeviceKind kind, const QByteArray &id) {
        if (deviceId(kind) != id)
            rememberDevice(kind, id, {});
    };
    set(media::DeviceKind::Microphone, devices.microphone);
    set(media::DeviceKind::Speaker, devices.speaker);
    set(media::DeviceKind::Camera, devices.camera);
}

void AppSettings::rememberDevice(media::DeviceKind kind, const QByteArray &id, const QString &name)
{
    // Ids are stored as text, which keeps the file readable; Qt's device ids are ASCII.
    setValue(deviceKey(kind), QString::fromUtf8(id));
    setValue(deviceNameKey(kind), id.isEmpty() ? QString() : name);
}

QString AppSettings::deviceName(media::DeviceKind kind) const
{
    return value(deviceNameKey(kind), QString()).toString();
}

QByteArray AppSettings::windowGeometry(const QString &window) const
{
    return m_settings->value(QStringLiteral("windows/%1").arg(window)).toByteArray();
}

void AppSettings::setWindowGeometry(const QString &window, const QByteArray &geometry)
{
    // Not a preference the user set: no changed() for it.
    m_settings->setValue(QStringLiteral("windows/%1").arg(window), geometry);
}

QList<QUrl> AppSettings::lastServers() const
{
    // A single URL (as earlier versions kept it) reads as a list of one.
    const QList<QUrl> fallback{QUrl(QStringLiteral("ws://127.0.0.1:8600"))};
    return im::parseServerList(value(kServer, QString()).toString()).value_or(fallback);
}

QString AppSettings::lastAccount() const
{
    return value(kAccount, QString()).toString();
}

bool AppSettings::rememberSignIn() const
{
    return value(kRemember, false).toBool();
}

void AppSettings::setLastSignIn(const QList<QUrl> &servers, const QString &account, bool remember)
{
    setValue(kServer, im::serverListText(servers));
    setValue(kAccount, account);
    setValue(kRemember, remember);
}

QString AppSettings::deviceId(const QString &account)
{
    const QString key = QStringLiteral("devices/%1").arg(account);
    QString id = m_settings->value(key).toString();
    if (id.isEmpty()) {
        id = QStringLiteral("desktop-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        m_settings->setValue(key, id);
    }
    return id;
}

}  // namespace softphone::ui
