#pragma once

#include "VoiceClipStore.h"
#include "VoiceFetcher.h"
#include "VoicePlayer.h"

#include <QHash>
#include <QObject>

class CacheWorker;
class ProtocolClient;

// The voice messages of one signed-in account: plays a message's clip (fetching it first when
// this workstation does not have it yet, and keeping it for offline replay), remembers which
// clips were heard and the waveforms computed here (in the cache), and says what to show on
// each bubble: loading, playing or paused at a position, or why it cannot play.
class VoiceMessages : public QObject
{
    Q_OBJECT
public:
    VoiceMessages(ProtocolClient &client, CacheWorker *cacheWorker, QString clipFolder,
                  QObject *parent = nullptr);

    VoicePlayer &player() { return m_player; }
    const VoicePlayer &player() const { return m_player; }
    VoiceClipStore &clips() { return m_clips; }
    VoiceFetcher &fetcher() { return m_fetcher; }

    // Play or pause; another message's clip stops.
    void toggle(qint64 messageId);
    // From `fraction` of its length: within the clip that plays, or starting this one there.
    void seek(qint64 messageId, double fraction);
    bool isLoading(qint64 messageId) const;
    // Why the clip cannot be played, until it is tried again; empty when it can.
    QString errorFor(qint64 messageId) const { return m_errors.value(messageId); }

Q_SIGNALS:
    void changed(qint64 messageId); // anything the bubble shows
    void heard(qint64 messageId);   // first played on this workstation
    void waveformComputed(qint64 messageId, const QByteArray &packed);
    void finished(qint64 messageId);

private:
    void play(qint64 messageId, double fraction);
    void onFetched(qint64 messageId);
    void onFailed(qint64 messageId, const QString &reason);

    VoiceClipStore m_clips;
    VoiceFetcher m_fetcher;
    VoicePlayer m_player;
    CacheWorker *m_cacheWorker;
    QHash<qint64, double> m_awaiting; // fetching, to play from this fraction when it arrives
    QHash<qint64, QString> m_errors;
};
