#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QRect>
#include <QString>

class QFontMetrics;
class QPainter;
class QPalette;

// The inside of a voice message bubble: a play/pause button, the waveform (played part in the
// accent colour; click or drag to seek), elapsed and remaining time, the speed, an unheard dot,
// and a line that says "Loading…" or why the clip cannot play. Geometry and painting only;
// VoiceInteraction turns clicks into playback.
class VoiceBubble
{
    Q_DECLARE_TR_FUNCTIONS(VoiceBubble)
public:
    struct State
    {
        qint64 durationMs = 0;
        QByteArray waveform; // 5-bit packed; empty: a flat line until it is known
        bool heard = true;
        bool playing = false;
        bool current = false; // the clip the player holds (playing or paused)
        bool loading = false;
        qint64 positionMs = 0;
        double speed = 1.0;
        QString error;
        bool playable = true; // false for a recording still in the outbox
    };

    enum class Part
    {
        None,
        Play,
        Waveform,
        Speed
    };
    struct Hit
    {
        Part part = Part::None;
        double fraction = 0; // along the waveform
    };

    static QSize size(const QFontMetrics &fm, int maxWidth);
    static void paint(QPainter *painter, const QRect &rect, const State &state,
                      const QPalette &palette, const QFontMetrics &fm, const QColor &text);
    static Hit hit(const QRect &rect, const QFontMetrics &fm, const QPoint &pos);
    static QString clock(qint64 ms);
    static QString speedText(double speed);
};
