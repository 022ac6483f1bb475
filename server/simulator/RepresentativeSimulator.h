#pragma once

#include "SpeechSynthesizer.h"
#include "app/sync/ProtocolClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <random>

// Plays representatives: signs them in, opens a consultation for each with a department, and
// sends text and voice messages at a chosen rate, bounded in count and time. A representative
// whose connection drops (the server restarted) signs in again after a growing wait and goes
// on with the same consultation.
class RepresentativeSimulator : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl url;
        int firstRepresentative = 1; // rep0001 …
        int representatives = 10;
        QString password;
        double messagesPerSecond = 1.0; // all representatives together
        int maxMessages = 100;
        int maxSeconds = 60;
        double voiceShare = 0.2;   // of messages, when voice clips are available
        QList<qint64> departments; // empty: every department
        quint32 seed = 1;
    };
    struct Stats
    {
        int signedIn = 0;
        int consultations = 0;
        int textsAcknowledged = 0;
        int voicesAcknowledged = 0;
        int failures = 0;
        int interrupted = 0; // unanswered because the connection dropped (stored or not)
    };

    RepresentativeSimulator(Options options, QList<SpeechSynthesizer::Clip> voiceClips,
                            QObject *parent = nullptr);
    void start();
    const Stats &stats() const { return m_stats; }

Q_SIGNALS:
    void progress(const QString &line);
    void finished();

private:
    static constexpr int MaxInFlightPerRep = 8;
    struct Rep
    {
        ProtocolClient *client = nullptr;
        QString login;
        qint64 consultationId = 0;
        int sent = 0;
        bool online = false; // signed in on the current connection
        int reconnects = 0;  // attempts since it was last signed in
        QString lastClose;   // the code and reason the connection last ended with
    };

    void connectRep(Rep &rep);
    void signIn(int index);
    void signInOnly(int index); // the login request alone, on a greeted connection
    void reconnectLater(int index);
    void openConsultation(Rep &rep);
    void tick();
    bool sendOne();
    void sendText(Rep &rep);
    void sendVoice(Rep &rep, const SpeechSynthesizer::Clip &clip);
    void finishIfDone();
    void fail(const QString &what, const Frame &reply);
    // A request that failed: a failure, or an interruption if its connection is gone.
    void failOrInterrupted(const ProtocolClient *client, const QString &what, const Frame &reply);

    Options m_options;
    QList<SpeechSynthesizer::Clip> m_clips;
    QList<Rep> m_reps;
    QList<qint64> m_departmentIds;
    Stats m_stats;
    QTimer m_ticker;
    QElapsedTimer m_clock;
    int m_issued = 0;
    double m_owed = 0;
    qint64 m_lastTickMs = 0;
    int m_inFlight = 0;
    std::mt19937 m_random;
    bool m_done = false;
};
