#include "VoiceMessages.h"

#include "app/storage/CacheWorker.h"

VoiceMessages::VoiceMessages(ProtocolClient &client, CacheWorker *cacheWorker, QString clipFolder,
                             QObject *parent)
    : QObject(parent)
    , m_clips(std::move(clipFolder))
    , m_fetcher(client, m_clips)
    , m_cacheWorker(cacheWorker)
{
    connect(&m_fetcher, &VoiceFetcher::fetched, this, &VoiceMessages::onFetched);
    connect(&m_fetcher, &VoiceFetcher::failed, this, &VoiceMessages::onFailed);
    connect(&m_player, &VoicePlayer::failed, this, &VoiceMessages::onFailed);
    connect(&m_player, &VoicePlayer::positionChanged, this,
            [this](qint64 key) { Q_EMIT changed(key); });
    connect(&m_player, &VoicePlayer::finished, this, [this](qint64 key) {
        Q_EMIT changed(key);
        Q_EMIT finished(key);
    });
    connect(&m_player, &VoicePlayer::stateChanged, this,
            [this](qint64 key) { Q_EMIT changed(key); });
    // Heard once sound starts (not again on every resume). Only messages are remembered: the
    // recorder's preview has a key of its own.
    connect(&m_player, &VoicePlayer::audible, this, [this](qint64 key) {
        if (key <= 0)
            return;
        QMetaObject::invokeMethod(m_cacheWorker,
                                  [w = m_cacheWorker, key] { w->markVoiceHeard(key); });
        Q_EMIT heard(key);
    });
    connect(&m_player, &VoicePlayer::waveformComputed, this,
            [this](qint64 key, const QByteArray &packed) {
                if (key <= 0)
                    return;
                QMetaObject::invokeMethod(m_cacheWorker, [w = m_cacheWorker, key, packed] {
                    w->storeVoiceWaveform(key, packed);
                });
                Q_EMIT waveformComputed(key, packed);
            });
}

void VoiceMessages::toggle(qint64 messageId)
{
    if (m_player.currentKey() == messageId) {
        switch (m_player.state()) {
        case VoicePlayer::State::Playing:
            return m_player.pause();
        case VoicePlayer::State::Paused:
            return m_player.resume();
        case VoicePlayer::State::Loading:
            return m_player.stop();
        case VoicePlayer::State::Idle:
            break;
        }
    }
    play(messageId, 0.0);
}

void VoiceMessages::seek(qint64 messageId, double fraction)
{
    if (m_player.currentKey() == messageId && m_player.state() != VoicePlayer::State::Idle)
        return m_player.seek(fraction);
    play(messageId, fraction);
}

bool VoiceMessages::isLoading(qint64 messageId) const
{
    return m_awaiting.contains(messageId) ||
           (m_player.currentKey() == messageId && m_player.state() == VoicePlayer::State::Loading);
}

// Only the latest request plays: a clip still on its way when the officer clicks another one is
// kept when it arrives, but not played.
void VoiceMessages::play(qint64 messageId, double fraction)
{
    m_errors.remove(messageId);
    for (qint64 abandoned : std::exchange(m_awaiting, {}).keys())
        Q_EMIT changed(abandoned);
    if (m_clips.contains(messageId)) {
        m_player.play(messageId, m_clips.path(messageId), fraction);
        return;
    }
    m_player.stop(); // whatever played; this one starts once it is here
    m_awaiting.insert(messageId, fraction);
    m_fetcher.fetch(messageId);
    Q_EMIT changed(messageId);
}

void VoiceMessages::onFetched(qint64 messageId)
{
    if (!m_awaiting.contains(messageId))
        return;
    m_player.play(messageId, m_clips.path(messageId), m_awaiting.take(messageId));
    Q_EMIT changed(messageId);
}

void VoiceMessages::onFailed(qint64 messageId, const QString &reason)
{
    m_awaiting.remove(messageId);
    m_errors.insert(messageId, reason);
    Q_EMIT changed(messageId);
}
