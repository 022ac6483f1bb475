#include "MessageDelegate.h"

#include "app/voice/Transcriber.h"

#include "app/voice/VoiceMessages.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/SystemEntryText.h"
#include "ui/common/StatusColours.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>

namespace {
constexpr int margin = 12;
constexpr int bubblePadding = 8;
constexpr int gap = 4;

QDate dayOf(const QModelIndex &index)
{
    return QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::CreatedAtRole).toLongLong())
        .date();
}

bool english()
{
    return QLocale().language() != QLocale::Chinese;
}
} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

bool MessageDelegate::startsDay(const QModelIndex &index) const
{
    if (index.row() == 0)
        return true;
    return dayOf(index) != dayOf(index.sibling(index.row() - 1, 0));
}

QString MessageDelegate::systemText(const QJsonObject &payload) const
{
    return systemEntryText(payload, m_directory, english());
}

QString MessageDelegate::deliveryText(int delivery, const QString &error)
{
    switch (static_cast<MessageListModel::Delivery>(delivery)) {
    case MessageListModel::Delivery::Queued:
        return tr("Queued: goes out when online");
    case MessageListModel::Delivery::Sending:
        return tr("Sending…");
    case MessageListModel::Delivery::Sent:
        return tr("Sent");
    case MessageListModel::Delivery::Failed:
        return tr("Not sent: %1. Click to try again.").arg(error);
    case MessageListModel::Delivery::None:
        break;
    }
    return {};
}

QString MessageDelegate::deliveryLine(const QModelIndex &index)
{
    const int delivery = index.data(MessageListModel::DeliveryRole).toInt();
    const QString text = deliveryText(delivery, index.data(MessageListModel::ErrorRole).toString());
    if (delivery != static_cast<int>(MessageListModel::Delivery::Sent))
        return text;
    // Delivered well after it was written (queued offline): when it went out, too.
    const QDateTime written =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::WrittenAtRole).toLongLong());
    const QDateTime stored =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::CreatedAtRole).toLongLong());
    if (written.msecsTo(stored) < 60 * 1000)
        return text;
    return tr("Sent at %1")
        .arg(stored.toString(written.date() == stored.date()
                                 ? QStringLiteral("HH:mm:ss")
                                 : QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString MessageDelegate::transcribingText(const QModelIndex &index) const
{
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    if (isVoice(index) && index.data(MessageListModel::TranscriptQueuedRole).toBool() &&
        !(m_transcriber && m_transcriber->isPending(id)))
        return tr("the server is turning it into text…");
    if (!m_transcriber || !isVoice(index) || !m_transcriber->isPending(id))
        return {};
    return tr("turning into text… %1%").arg(qRound(m_transcriber->progressOf(id) * 100));
}

TranscriptText MessageDelegate::transcriptWords(const QModelIndex &index) const
{
    const bool corrected = index.data(MessageListModel::TranscriptCorrectedRole).toBool();
    if (corrected && !showsOriginal(index.data(MessageListModel::IdRole).toLongLong()))
        return TranscriptText({});
    return TranscriptText(index.data(MessageListModel::TranscriptWordsRole).toList());
}

void MessageDelegate::toggleOriginal(qint64 messageId)
{
    if (!m_showOriginal.remove(messageId))
        m_showOriginal.insert(messageId);
}

QString MessageDelegate::transcriptLine(const QModelIndex &index) const
{
    if (const TranscriptText words = transcriptWords(index); !words.isEmpty())
        return words.text();
    const bool corrected = index.data(MessageListModel::TranscriptCorrectedRole).toBool();
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    if (corrected && showsOriginal(id))
        return tr("Original: %1")
            .arg(index.data(MessageListModel::TranscriptOriginalRole).toString());
    const QString text = index.data(MessageListModel::TranscriptRole).toString();
    if (!text.isEmpty())
        return corrected ? tr("%1 (corrected)").arg(text) : text;
    const QString failure = index.data(MessageListModel::TranscriptFailureRole).toString();
    return failure.isEmpty() ? QString() : tr("No text: %1").arg(failure);
}

QString MessageDelegate::bodyText(const QModelIndex &index) const
{
    if (kindOf(index) == MessageKind::System) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(
            index.data(MessageListModel::CreatedAtRole).toLongLong());
        return QLocale().toString(at.time(), QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") +
               systemText(index.data(MessageListModel::PayloadRole).toJsonObject());
    }
    return index.data(MessageListModel::TextRole).toString();
}

MessageKind MessageDelegate::kindOf(const QModelIndex &index)
{
    return index.data(MessageListModel::KindRole).value<MessageKind>();
}

bool MessageDelegate::isVoice(const QModelIndex &index)
{
    return kindOf(index) == MessageKind::Voice;
}

VoiceBubble::State MessageDelegate::voiceState(const QModelIndex &index) const
{
    VoiceBubble::State s;
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    s.durationMs = index.data(MessageListModel::VoiceDurationRole).toLongLong();
    s.waveform = index.data(MessageListModel::VoiceWaveformRole).toByteArray();
    s.heard = index.data(MessageListModel::VoiceHeardRole).toBool();
    s.playable = id > 0 && m_voice;
    if (!s.playable)
        return s;
    const VoicePlayer &player = m_voice->player();
    s.speed = player.speed();
    s.current = player.currentKey() == id && player.state() != VoicePlayer::State::Idle;
    s.playing = s.current && player.state() == VoicePlayer::State::Playing;
    s.loading = m_voice->isLoading(id);
    if (s.current) {
        s.positionMs = player.positionMs();
        s.durationMs = std::max(s.durationMs, player.durationMs());
    }
    s.error = m_voice->errorFor(id);
    return s;
}

QRect MessageDelegate::voiceRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return layout(option, index).text.translated(option.rect.topLeft());
}

qint64 MessageDelegate::wordTimeAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                   const QPoint &point) const
{
    const TranscriptText words = transcriptWords(index);
    if (words.isEmpty())
        return -1;
    const QRect rect = layout(option, index).transcript.translated(option.rect.topLeft());
    const TranscriptText::Word *word = words.wordAt(rect, option.font, point);
    return word ? word->startMs : -1;
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const
{
    Layout l;
    const QFontMetrics fm = option.fontMetrics;
    const int line = fm.height();
    int y = 0;
    if (startsDay(index)) {
        l.separator = QRect(0, y, m_width, line + 2 * gap);
        y += l.separator.height();
    }
    y += gap;
    if (kindOf(index) == MessageKind::System) {
        const int width = m_width - 4 * margin;
        const QRect text = fm.boundingRect(QRect(0, 0, width, 100000),
                                           Qt::TextWordWrap | Qt::AlignHCenter, bodyText(index));
        l.text = QRect((m_width - text.width()) / 2, y, text.width(), text.height());
        l.bubble = l.text;
        return l;
    }
    l.header = QRect(margin, y, m_width - 2 * margin, line);
    y += line + gap / 2;
    const int maxText = std::max(120, m_width * 7 / 10 - 2 * bubblePadding);
    const QRect text = isVoice(index) ? QRect(QPoint(0, 0), VoiceBubble::size(fm, maxText))
                                      : fm.boundingRect(QRect(0, 0, maxText, 100000),
                                                        Qt::TextWordWrap, bodyText(index));
    const bool right =
        index.data(MessageListModel::SenderKindRole).value<SenderKind>() == SenderKind::Responder;
    const QString heard = isVoice(index) ? transcriptLine(index) : QString();
    const TranscriptText words = isVoice(index) ? transcriptWords(index) : TranscriptText({});
    const QRect transcript =
        heard.isEmpty() ? QRect()
        : !words.isEmpty()
            ? QRect(0, 0, text.width(), words.height(option.font, text.width()))
            : fm.boundingRect(QRect(0, 0, text.width(), 100000), Qt::TextWordWrap, heard);
    const int bubbleWidth = text.width() + 2 * bubblePadding;
    const int x = right ? m_width - margin - bubbleWidth : margin;
    const int inner = text.height() + (heard.isEmpty() ? 0 : gap + transcript.height());
    l.bubble = QRect(x, y, bubbleWidth, inner + 2 * bubblePadding);
    l.text = QRect(x + bubblePadding, y + bubblePadding, text.width(), text.height());
    if (!heard.isEmpty())
        l.transcript =
            QRect(l.text.left(), l.text.bottom() + 1 + gap, text.width(), transcript.height());
    y = l.bubble.bottom() + 1;
    const int delivery = index.data(MessageListModel::DeliveryRole).toInt();
    if (delivery != static_cast<int>(MessageListModel::Delivery::None))
        l.footer = QRect(margin, y + gap / 2, m_width - 2 * margin, line);
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout l = layout(option, index);
    const int bottom = std::max(l.bubble.bottom(), l.footer.isNull() ? 0 : l.footer.bottom());
    return {m_width, bottom + 1 + gap * 2};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout l = layout(option, index);
    const QPalette &palette = option.palette;
    QColor muted = palette.color(QPalette::Text);
    muted.setAlphaF(0.6f);
    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setRenderHint(QPainter::Antialiasing);

    const QDateTime at =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::CreatedAtRole).toLongLong());
    if (!l.separator.isNull()) {
        painter->setPen(muted);
        painter->drawText(l.separator, Qt::AlignCenter,
                          QLocale().toString(at.date(), QLocale::LongFormat));
    }
    if (kindOf(index) == MessageKind::System) {
        painter->setPen(muted);
        painter->drawText(l.text, Qt::TextWordWrap | Qt::AlignHCenter, bodyText(index));
        painter->restore();
        return;
    }
    const bool right =
        index.data(MessageListModel::SenderKindRole).value<SenderKind>() == SenderKind::Responder;
    const bool own = index.data(MessageListModel::OwnRole).toBool();
    QString sender = index.data(MessageListModel::SenderNameRole).toString();
    if (own)
        sender = tr("Me");
    // The time it was written: a reply queued offline keeps the time its officer wrote it.
    const QDateTime written =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::WrittenAtRole).toLongLong());
    QString header = sender + QStringLiteral("  ") +
                     QLocale().toString(written.time(), QStringLiteral("HH:mm:ss"));
    // On the header line, which is there anyway: the bubble keeps its size until the text comes.
    if (const QString busy = transcribingText(index); !busy.isEmpty())
        header += QStringLiteral("  · ") + busy;
    painter->setPen(muted);
    painter->drawText(l.header, (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                      header);

    const QColor bubble = right ? palette.color(QPalette::Highlight).lighter(own ? 170 : 185)
                                : palette.color(QPalette::AlternateBase);
    const bool highlighted =
        m_highlighted > 0 && index.data(MessageListModel::IdRole).toLongLong() == m_highlighted;
    painter->setPen(highlighted
                        ? QPen(StatusColours::of(StatusColours::Meaning::Highlight, palette), 2.5)
                        : QPen(palette.color(QPalette::Mid), 0.5));
    painter->setBrush(bubble);
    painter->drawRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    const QColor ink = right ? QColor(Qt::black) : palette.color(QPalette::Text);
    painter->setPen(ink);
    if (isVoice(index)) {
        VoiceBubble::paint(painter, l.text, voiceState(index), palette, option.fontMetrics, ink);
        if (!l.transcript.isNull()) {
            // A failure reads as a note, a transcript as the message's text.
            const bool failed = index.data(MessageListModel::TranscriptRole).toString().isEmpty();
            QColor pen = ink;
            if (failed)
                pen.setAlphaF(0.6f);
            painter->setPen(pen);
            if (const TranscriptText words = transcriptWords(index); !words.isEmpty()) {
                const VoiceBubble::State voice = voiceState(index);
                words.paint(
                    painter, l.transcript, option.font, voice.current ? voice.positionMs : -1,
                    StatusColours::of(StatusColours::Meaning::Highlight, palette).lighter(160));
            } else {
                painter->drawText(l.transcript, Qt::TextWordWrap, transcriptLine(index));
            }
        }
    } else
        painter->drawText(l.text, Qt::TextWordWrap, bodyText(index));

    if (!l.footer.isNull()) {
        const int delivery = index.data(MessageListModel::DeliveryRole).toInt();
        const bool failed = delivery == static_cast<int>(MessageListModel::Delivery::Failed);
        painter->setPen(failed ? StatusColours::of(StatusColours::Meaning::Error, palette) : muted);
        const QString footer = deliveryLine(index);
        painter->drawText(l.footer, Qt::AlignRight | Qt::AlignVCenter, footer);
    }
    painter->restore();
}
