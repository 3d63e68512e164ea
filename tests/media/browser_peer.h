#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <nlohmann/json.hpp>
#include <vector>

// Headless Chromium running tests/media/browser/peer.html: a browser's WebRTC peer that
// speaks our WebSocket protocol from docs/protocol.md, with fake devices (its microphone plays
// a WAV file, its camera Chromium's moving test picture). What the page reports ("PEER <json>"
// on its console) is read from Chromium's log.
class BrowserPeer
{
public:
    struct Options
    {
        QUrl server;
        QString account;
        QString password;
        QString role;  // "call" or "answer"
        QString peer;  // the callee, for "call"
        int type = 1;  // 1 audio, 2 video
        QString microphoneWav;
        // The page asks for no device (a Web Audio tone of this frequency, a drawn picture),
        // and is granted none: Chromium then names its host candidates by mDNS (".local").
        double syntheticTone = 0;
        // Chromium runs under this command, e.g. NatLab::inPeer's, in another network.
        QStringList commandPrefix;
    };

    BrowserPeer() = default;
    ~BrowserPeer();

    // Empty when Chromium can run here, else why not.
    static QString unavailableReason();

    bool start(const Options &options);
    void stop();

    // Reports with this "event", in order of arrival.
    std::vector<nlohmann::json> reports(const char *event);
    bool waitFor(const char *event, int timeoutMs);
    // The newest report with this event (null if none).
    nlohmann::json last(const char *event);
    // A figure of the page's stats, report["<kind>"]["<field>"]; 0 where the report (or the
    // newest one, which may not have arrived yet) lacks it.
    static double statOf(const nlohmann::json &report, const char *kind, const char *field);
    double lastStat(const char *kind, const char *field)
    {
        return statOf(last("stats"), kind, field);
    }
    QString transcript() const { return m_transcript; }

private:
    void readLog();

    QProcess m_process;
    QTemporaryDir m_profile;
    QByteArray m_pending;
    QString m_transcript;  // the page's reports, for failure messages
    std::vector<nlohmann::json> m_reports;
};
