#pragma once

#include "media/devices/device_catalog.h"

#include <QObject>
#include <QSettings>
#include <QUrl>
#include <memory>

namespace softphone::ui {

// The app's preferences, in QSettings at the platform's standard location. A profile keeps a
// second set apart (two accounts side by side on one machine, as the demo does).
class AppSettings : public QObject
{
    Q_OBJECT

public:
    explicit AppSettings(QString profile = {}, QObject *parent = nullptr);

    const QString &profile() const { return m_profile; }
    // Where the local message stores of this profile live.
    QString dataDirectory() const;

    int ringTimeoutSeconds() const;
    void setRingTimeoutSeconds(int seconds);
    QString ringtone() const;  // a CallSounds::ringtones() id; "" is the default
    void setRingtone(const QString &id);
    QString language() const;  // "" follows the system; else "en", "zh_CN"
    void setLanguage(const QString &language);
    bool callRecords() const;
    void setCallRecords(bool on);
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);
    bool acceptCalls() const;
    void setAcceptCalls(bool on);
    // The microphone, speaker and camera the user chose; an empty id follows the system.
    media::DeviceSelection devices() const;
    void setDevices(const media::DeviceSelection &devices);
    // Remembers one choice with its name, so that it can be shown while it is unplugged.
    void rememberDevice(media::DeviceKind kind, const QByteArray &id, const QString &name);
    QString deviceName(media::DeviceKind kind) const;

    // A window's size and place (QWidget::saveGeometry), kept by name; empty if none yet.
    QByteArray windowGeometry(const QString &window) const;
    void setWindowGeometry(const QString &window, const QByteArray &geometry);

    QList<QUrl> lastServers() const;
    QString lastAccount() const;
    bool rememberSignIn() const;
    void setLastSignIn(const QList<QUrl> &servers, const QString &account, bool remember);
    // A stable id for this device and account, made on first use.
    QString deviceId(const QString &account);

    void sync() { m_settings->sync(); }

signals:
    void changed();

private:
    QVariant value(const QString &key, const QVariant &fallback) const;
    void setValue(const QString &key, const QVariant &value);
    QByteArray deviceId(media::DeviceKind kind) const;

    QString m_profile;
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace softphone::ui
