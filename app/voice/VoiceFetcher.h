#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class ProtocolClient;
class VoiceClipStore;
struct Frame;

// Downloads voice clips on demand (voice.fetch, then the clip in binary frames) into the clip
// store. Each clip is asked for once however often it is requested while on its way; a clip
// that arrives damaged or incomplete is not stored.
class VoiceFetcher : public QObject
{
    Q_OBJECT
public:
    VoiceFetcher(ProtocolClient &client, VoiceClipStore &store, QObject *parent = nullptr);

    void fetch(qint64 messageId);
    bool isFetching(qint64 messageId) const { return m_requested.contains(messageId); }

Q_SIGNALS:
    void fetched(qint64 messageId);
    void failed(qint64 messageId, const QString &reason);

private:
    struct Download
    {
        qint64 messageId = 0;
        qint64 bytes = 0;
        QByteArray data;
    };
    void onReply(qint64 messageId, const Frame &reply);
    void onBinary(const QByteArray &frame);
    void finish(quint32 transferId);
    void fail(qint64 messageId, const QString &reason);

    ProtocolClient &m_client;
    VoiceClipStore &m_store;
    QSet<qint64> m_requested;
    QHash<quint32, Download> m_downloads; // by transfer id
};
