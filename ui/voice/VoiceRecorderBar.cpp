#include "VoiceRecorderBar.h"

#include "VoiceBubble.h"
#include "app/voice/VoicePlayer.h"
#include "ui/common/StatusColours.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

// The microphone level, drawn as a bar that fills with the loudest sample of the last moment
// (on a decibel scale, so speech at a normal distance fills about two thirds).
class LevelMeter : public QWidget
{
public:
    explicit LevelMeter(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumWidth(fontMetrics().height() * 6);
        setFixedHeight(fontMetrics().height() / 2 + 2);
        setAccessibleName(VoiceRecorderBar::tr("Microphone level"));
    }
    void setPeak(float peak)
    {
        const double db = 20.0 * std::log10(std::max(peak, 1e-4f));
        m_fill = std::clamp((db + 50.0) / 50.0, 0.0, 1.0);
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(Qt::NoPen);
        p.setBrush(m_fill > 0.92 ? StatusColours::of(StatusColours::Meaning::Error, palette())
                                 : palette().color(QPalette::Highlight));
        p.drawRoundedRect(QRectF(r.left(), r.top(), r.width() * m_fill, r.height()), r.height() / 2,
                          r.height() / 2);
    }

private:
    double m_fill = 0;
};

VoiceRecorderBar::VoiceRecorderBar(QWidget *parent)
    : QWidget(parent)
    , m_meter(new LevelMeter(this))
    , m_status(new QLabel(this))
    , m_time(new QLabel(this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_preview(new QPushButton(tr("&Listen"), this))
    , m_send(new QPushButton(tr("Send &voice"), this))
    , m_cancel(new QPushButton(tr("Cance&l"), this))
{
    m_stop->setAccessibleName(tr("Stop recording"));
    m_preview->setAccessibleName(tr("Listen to the recording"));
    m_send->setAccessibleName(tr("Send the voice reply"));
    m_cancel->setAccessibleName(tr("Discard the recording"));
    m_time->setAccessibleName(tr("Recording time"));
    m_status->setWordWrap(true);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_status, 1);
    row->addWidget(m_meter, 1);
    row->addWidget(m_time);
    row->addWidget(m_stop);
    row->addWidget(m_preview);
    row->addWidget(m_send);
    row->addWidget(m_cancel);
    hide();

    connect(&m_recorder, &VoiceRecorder::levelChanged, m_meter, &LevelMeter::setPeak);
    connect(&m_recorder, &VoiceRecorder::elapsedChanged, this, [this](qint64 ms) {
        m_time->setText(VoiceBubble::clock(ms) + QStringLiteral(" / ") +
                        VoiceBubble::clock(m_recorder.maxDurationMs()));
    });
    connect(&m_recorder, &VoiceRecorder::finished, this, &VoiceRecorderBar::showPreview);
    connect(&m_recorder, &VoiceRecorder::failed, this, &VoiceRecorderBar::showProblem);
    connect(m_stop, &QPushButton::clicked, &m_recorder, &VoiceRecorder::stop);
    connect(m_cancel, &QPushButton::clicked, this, &VoiceRecorderBar::close);
    connect(m_preview, &QPushButton::clicked, this, [this] {
        if (!m_player)
            return;
        if (m_player->currentKey() == PreviewKey &&
            m_player->state() == VoicePlayer::State::Playing)
            m_player->pause();
        else if (m_player->currentKey() == PreviewKey &&
                 m_player->state() == VoicePlayer::State::Paused)
            m_player->resume();
        else
            m_player->playBytes(PreviewKey, m_clip.oggOpus);
    });
    connect(m_send, &QPushButton::clicked, this, [this] {
        const RecordedClip clip = m_clip;
        close();
        Q_EMIT sendRequested(clip);
    });
}

void VoiceRecorderBar::setPlayer(VoicePlayer *player)
{
    m_player = player;
}

void VoiceRecorderBar::start(const QAudioDevice &input)
{
    if (m_recorder.isRecording())
        return;
    if (m_player && m_player->state() != VoicePlayer::State::Idle)
        m_player->stop(); // nobody records over their own playback
    show();
    if (m_recorder.start(input))
        showRecording();
}

void VoiceRecorderBar::showRecording()
{
    m_status->setText(tr("● Recording"));
    StatusColours::colourText(m_status, StatusColours::Meaning::Error);
    m_meter->show();
    m_meter->setPeak(0);
    m_time->show();
    m_stop->show();
    m_preview->hide();
    m_send->hide();
    m_cancel->setText(tr("Cance&l"));
    m_stop->setFocus();
}

void VoiceRecorderBar::showPreview(const RecordedClip &clip)
{
    m_clip = clip;
    m_status->setText(tr("Voice reply, %1").arg(VoiceBubble::clock(clip.durationMs)));
    m_status->setStyleSheet({});
    m_meter->hide();
    m_time->hide();
    m_stop->hide();
    m_preview->show();
    m_send->show();
    m_cancel->setText(tr("&Discard"));
    m_send->setFocus();
}

void VoiceRecorderBar::showProblem(const QString &reason)
{
    m_status->setText(reason);
    StatusColours::colourText(m_status, StatusColours::Meaning::Error);
    m_meter->hide();
    m_time->hide();
    m_stop->hide();
    m_preview->hide();
    m_send->hide();
    m_cancel->setText(tr("&Dismiss")); // not "Close": the consultation has a Close…
    show();
}

void VoiceRecorderBar::close()
{
    m_recorder.cancel();
    if (m_player && m_player->currentKey() == PreviewKey)
        m_player->stop();
    m_clip = {};
    hide();
}
