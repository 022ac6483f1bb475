#pragma once

#include <QByteArray>
#include <QString>

// The voice clips this workstation has fetched or sent, one Ogg Opus file per server message
// in a folder beside the cache. Files rather than cache rows: a clip's bytes never change, the
// cache may be rebuilt from the server at any time (the clips survive that), and a player reads
// a file without touching the cache thread. Safe to use from any thread.
class VoiceClipStore
{
public:
    explicit VoiceClipStore(QString folder);

    QString folder() const { return m_folder; }
    QString path(qint64 messageId) const;
    bool contains(qint64 messageId) const;
    // Written to a temporary file and renamed, so a clip is either whole or absent.
    bool save(qint64 messageId, const QByteArray &oggOpus);
    // A copy of a file made elsewhere (a recording the outbox delivered).
    bool adopt(qint64 messageId, const QString &file);

private:
    QString m_folder;
};
