#pragma once

#include "app/domain/Vocabulary.h"
#include "app/workspace/Directory.h"
#include "ui/voice/TranscriptText.h"
#include "ui/voice/VoiceBubble.h"

#include <QPointer>
#include <QSet>

#include <QStyledItemDelegate>

class VoiceMessages;
class Transcriber;

// A conversation entry: the representative's messages on the left, responders' on the right
// (the officer's own with their delivery state), system entries (claimed, transferred, closed,
// rated) centred in small type, voice messages as a voice bubble (VoiceBubble), and a day
// separator above the first entry of each day. Times are exact (to the second).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void setDirectory(const Directory &directory) { m_directory = directory; }
    // The width entries are laid out for (the view's viewport).
    void setWidth(int width) { m_width = width; }
    // Where voice bubbles learn what plays; none: they show their length only.
    void setVoice(const VoiceMessages *voice) { m_voice = voice; }
    void setTranscriber(const Transcriber *transcriber) { m_transcriber = transcriber; }
    // Voice: "turning into text… 40%" while the transcriber has it; "" otherwise.
    QString transcribingText(const QModelIndex &index) const;
    // A message to draw out (a search hit jumped to); 0: none.
    void setHighlighted(qint64 messageId) { m_highlighted = messageId; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What a system entry says, in the interface language.
    QString systemText(const QJsonObject &payload) const;
    static QString deliveryText(int delivery, const QString &error);
    // The line under one's own reply: its delivery, and when it went out if that was a minute
    // or more after it was written.
    static QString deliveryLine(const QModelIndex &index);
    static MessageKind kindOf(const QModelIndex &index);
    static bool isVoice(const QModelIndex &index);
    VoiceBubble::State voiceState(const QModelIndex &index) const;
    // The inside of a voice bubble, in the view's coordinates.
    QRect voiceRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The time of the transcript's word under `point` (view coordinates); -1: none there.
    qint64 wordTimeAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                      const QPoint &point) const;
    // A corrected transcript: show what the engine heard instead, or the correction again.
    void toggleOriginal(qint64 messageId);
    bool showsOriginal(qint64 messageId) const { return m_showOriginal.contains(messageId); }

private:
    struct Layout
    {
        QRect separator; // empty: no day separator
        QRect header;    // sender and time
        QRect bubble;
        QRect text;
        QRect footer;     // delivery state
        QRect transcript; // voice: the text heard in it, under the waveform; empty: none yet
    };
    // Voice: the line under the waveform (what was heard, or why nothing was); "" for none.
    QString transcriptLine(const QModelIndex &index) const;
    // Voice: the engine's words with their times, when they are what is shown.
    TranscriptText transcriptWords(const QModelIndex &index) const;
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    bool startsDay(const QModelIndex &index) const;
    QString bodyText(const QModelIndex &index) const;

    Directory m_directory;
    const VoiceMessages *m_voice = nullptr;
    const Transcriber *m_transcriber = nullptr;
    int m_width = 600;
    qint64 m_highlighted = 0;
    QSet<qint64> m_showOriginal;
};
