#include "VoiceInteraction.h"

#include "app/voice/Transcriber.h"

#include "MessageDelegate.h"
#include "app/voice/VoiceMessages.h"
#include "app/workspace/MessageListModel.h"
#include "ui/common/KeyboardHelp.h"

#include <QKeyEvent>
#include <QListView>
#include <QMouseEvent>

namespace {
constexpr double Speeds[] = {1.0, 1.5, 2.0};
} // namespace

VoiceInteraction::VoiceInteraction(QListView *list, MessageDelegate *delegate, QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_delegate(delegate)
    , m_viewport(list->viewport())
{
    m_list->viewport()->installEventFilter(this);
    m_list->installEventFilter(this);
    m_list->viewport()->setMouseTracking(true);
    // For the shortcuts window: Space is handled here, not by an action.
    KeyboardHelp::declare(m_list, tr("Play or pause the voice message"),
                          QKeySequence(Qt::Key_Space).toString(QKeySequence::NativeText));
}

void VoiceInteraction::setVoice(VoiceMessages *voice)
{
    if (m_voice)
        m_voice->disconnect(this);
    m_voice = voice;
    m_delegate->setVoice(voice);
    if (!voice)
        return;
    connect(voice, &VoiceMessages::changed, this, &VoiceInteraction::repaint);
    connect(voice, &VoiceMessages::heard, this, [this](qint64 id) {
        if (auto *messages = model())
            messages->setVoiceHeard(id);
    });
    connect(voice, &VoiceMessages::waveformComputed, this,
            [this](qint64 id, const QByteArray &packed) {
                if (auto *messages = model())
                    messages->setVoiceWaveform(id, packed);
            });
    connect(voice, &VoiceMessages::finished, this, &VoiceInteraction::playNextUnheard);
    connect(voice, &QObject::destroyed, this, [this] { m_delegate->setVoice(nullptr); });
}

void VoiceInteraction::setTranscriber(Transcriber *transcriber)
{
    if (m_transcriber)
        m_transcriber->disconnect(this);
    m_transcriber = transcriber;
    m_delegate->setTranscriber(transcriber);
    if (!transcriber)
        return;
    connect(transcriber, &Transcriber::progressed, this,
            [this](qint64 id, double) { repaint(id); });
    connect(transcriber, &Transcriber::transcribed, this, [this](qint64 id) { repaint(id); });
    connect(transcriber, &Transcriber::tryFailed, this, [this](qint64 id) { repaint(id); });
    connect(transcriber, &QObject::destroyed, this,
            [this] { m_delegate->setTranscriber(nullptr); });
}

MessageListModel *VoiceInteraction::model() const
{
    return qobject_cast<MessageListModel *>(m_list->model());
}

bool VoiceInteraction::toggle(const QModelIndex &index)
{
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    if (!m_voice || id <= 0 || !MessageDelegate::isVoice(index))
        return false;
    m_voice->toggle(id);
    return true;
}

bool VoiceInteraction::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier)
        return toggle(m_list->currentIndex());
    // By the stored pointer: while the list is being destroyed its viewport still sends events
    // here, and the list must not be asked for anything then.
    if (watched == m_viewport)
        return onMouse(event);
    return false;
}

bool VoiceInteraction::onMouse(QEvent *event)
{
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove &&
        type != QEvent::MouseButtonRelease && type != QEvent::MouseButtonDblClick)
        return false;
    const auto *mouse = static_cast<QMouseEvent *>(event);
    if (type == QEvent::MouseButtonRelease && m_dragging) {
        m_dragging = 0;
        return true;
    }
    const QModelIndex index = m_list->indexAt(mouse->position().toPoint());
    if (!m_voice || !index.isValid() || !MessageDelegate::isVoice(index))
        return false;
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    if (id <= 0)
        return false;
    QStyleOptionViewItem option;
    option.initFrom(m_list->viewport());
    option.rect = m_list->visualRect(index);
    const QRect inside = m_delegate->voiceRect(option, index);
    const VoiceBubble::Hit hit =
        VoiceBubble::hit(inside, m_list->fontMetrics(), mouse->position().toPoint());
    // A word of the transcript plays the clip from there.
    const qint64 wordMs = hit.part == VoiceBubble::Part::None
                              ? m_delegate->wordTimeAt(option, index, mouse->position().toPoint())
                              : -1;
    const qint64 durationMs = index.data(MessageListModel::VoiceDurationRole).toLongLong();
    if (wordMs >= 0 && durationMs > 0) {
        if (type == QEvent::MouseMove) {
            m_list->viewport()->setCursor(Qt::PointingHandCursor);
            return false;
        }
        if (type == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton) {
            m_list->setCurrentIndex(index);
            m_voice->seek(id, double(wordMs) / double(durationMs));
            return true;
        }
    }
    if (type == QEvent::MouseMove) {
        if (m_dragging == id && (mouse->buttons() & Qt::LeftButton))
            m_voice->seek(id, hit.part == VoiceBubble::Part::Waveform
                                  ? hit.fraction
                                  : (mouse->position().x() < inside.center().x() ? 0.0 : 1.0));
        const bool overControl = hit.part != VoiceBubble::Part::None;
        m_list->viewport()->setCursor(overControl ? Qt::PointingHandCursor : Qt::ArrowCursor);
        return m_dragging != 0;
    }
    if (type != QEvent::MouseButtonPress || mouse->button() != Qt::LeftButton)
        return hit.part != VoiceBubble::Part::None;
    m_list->setCurrentIndex(index);
    switch (hit.part) {
    case VoiceBubble::Part::Play:
        m_voice->toggle(id);
        return true;
    case VoiceBubble::Part::Waveform:
        m_dragging = id;
        m_voice->seek(id, hit.fraction);
        return true;
    case VoiceBubble::Part::Speed:
        cycleSpeed();
        return true;
    case VoiceBubble::Part::None:
        break;
    }
    return false;
}

void VoiceInteraction::cycleSpeed()
{
    const double now = m_voice->player().speed();
    double next = Speeds[0];
    for (size_t i = 0; i + 1 < std::size(Speeds); ++i) {
        if (now == Speeds[i])
            next = Speeds[i + 1];
    }
    m_voice->player().setSpeed(next);
    m_list->viewport()->update();
    Q_EMIT speedChosen(next);
}

void VoiceInteraction::repaint(qint64 messageId)
{
    const MessageListModel *messages = model();
    const int row = messages ? messages->rowOfMessage(messageId) : -1;
    if (row >= 0)
        m_list->viewport()->update(m_list->visualRect(messages->index(row)));
}

void VoiceInteraction::playNextUnheard(qint64 finishedId)
{
    const MessageListModel *messages = model();
    if (!m_playNext || !messages || !m_voice)
        return;
    for (int row = messages->rowOfMessage(finishedId) + 1; row > 0 && row < messages->rowCount();
         ++row) {
        const QModelIndex index = messages->index(row);
        if (MessageDelegate::isVoice(index) &&
            !index.data(MessageListModel::VoiceHeardRole).toBool()) {
            m_list->scrollTo(index);
            m_voice->toggle(index.data(MessageListModel::IdRole).toLongLong());
            return;
        }
    }
}
