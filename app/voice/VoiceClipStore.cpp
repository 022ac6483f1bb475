#include "VoiceClipStore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

VoiceClipStore::VoiceClipStore(QString folder)
    : m_folder(std::move(folder))
{}

QString VoiceClipStore::path(qint64 messageId) const
{
    return m_folder + QStringLiteral("/%1.opus").arg(messageId);
}

bool VoiceClipStore::contains(qint64 messageId) const
{
    return QFile::exists(path(messageId));
}

bool VoiceClipStore::save(qint64 messageId, const QByteArray &oggOpus)
{
    if (!QDir().mkpath(m_folder))
        return false;
    QSaveFile file(path(messageId));
    return file.open(QIODevice::WriteOnly) && file.write(oggOpus) == oggOpus.size() &&
           file.commit();
}

bool VoiceClipStore::adopt(qint64 messageId, const QString &file)
{
    QFile source(file);
    return source.open(QIODevice::ReadOnly) && save(messageId, source.readAll());
}
