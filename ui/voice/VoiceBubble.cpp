#include "VoiceBubble.h"

#include "app/audio/Waveform.h"
#include "app/core/ClockText.h"
#include "ui/common/StatusColours.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <cmath>

namespace {
constexpr int Bars = DefaultWaveformPoints;

struct Geometry
{
    QRect play;
    QRect wave;
    QRect times;
    QRect speed;
};

Geometry geometry(const QRect &rect, const QFontMetrics &fm)
{
    Geometry g;
    const int button = fm.height() * 2;
    g.play = QRect(rect.left(), rect.top(), button, button);
    const int speedWidth = fm.horizontalAdvance(QStringLiteral("1.5×")) + fm.height();
    const int left = g.play.right() + fm.height() / 2;
    g.speed = QRect(rect.right() - speedWidth + 1, rect.top() + (button - fm.height()) / 2 - 2,
                    speedWidth, fm.height() + 4);
    g.wave = QRect(left, rect.top(), g.speed.left() - left - fm.height() / 2, button);
    g.times = QRect(left, rect.top() + button + 2, rect.right() - left + 1, fm.height());
    return g;
}

// The waveform as bars with a one-pixel-ish gap, in device-independent units; QPainter scales
// the rectangles crisply at any device pixel ratio.
void paintWaveform(QPainter *p, const QRect &r, const QByteArray &packed, double played,
                   const QColor &done, const QColor &todo)
{
    const QVector<quint8> levels = unpackWaveform5bit(packed, Bars);
    const int count = std::max(1, std::min(Bars, r.width() / 3));
    const double step = double(r.width()) / count;
    const double barWidth = std::max(1.0, step - 1.0);
    p->setPen(Qt::NoPen);
    for (int i = 0; i < count; ++i) {
        // Several points per bar on a narrow bubble: the loudest of them.
        int level = 0;
        for (int k = i * Bars / count; k < (i + 1) * Bars / count && k < levels.size(); ++k)
            level = std::max(level, int(levels.at(k)));
        const double height = std::max(2.0, r.height() * 0.8 * level / MaxWaveformLevel);
        const QRectF bar(r.left() + i * step, r.center().y() - height / 2, barWidth, height);
        p->setBrush((i + 0.5) / count <= played ? done : todo);
        p->drawRoundedRect(bar, barWidth / 2, barWidth / 2);
    }
}

void paintPlayButton(QPainter *p, const QRect &r, bool playing, bool loading, const QColor &fill,
                     const QColor &glyph)
{
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawEllipse(QRectF(r).adjusted(1, 1, -1, -1));
    p->setBrush(glyph);
    const QPointF c = QRectF(r).center();
    const double s = r.width() / 5.0;
    if (loading) {
        for (int i = -1; i <= 1; ++i)
            p->drawEllipse(QPointF(c.x() + i * s, c.y()), s / 3, s / 3);
    } else if (playing) {
        p->drawRect(QRectF(c.x() - s, c.y() - s, s * 0.7, 2 * s));
        p->drawRect(QRectF(c.x() + s * 0.3, c.y() - s, s * 0.7, 2 * s));
    } else {
        QPainterPath triangle;
        triangle.moveTo(c.x() - s * 0.7, c.y() - s);
        triangle.lineTo(c.x() + s * 1.1, c.y());
        triangle.lineTo(c.x() - s * 0.7, c.y() + s);
        triangle.closeSubpath();
        p->drawPath(triangle);
    }
}
} // namespace

QSize VoiceBubble::size(const QFontMetrics &fm, int maxWidth)
{
    return {std::min(maxWidth, fm.height() * 18), fm.height() * 3 + 2};
}

QString VoiceBubble::clock(qint64 ms)
{
    return clockText(ms);
}

QString VoiceBubble::speedText(double speed)
{
    return speed == 1.0 ? QStringLiteral("1×") : QString::number(speed) + QStringLiteral("×");
}

void VoiceBubble::paint(QPainter *p, const QRect &rect, const State &s, const QPalette &palette,
                        const QFontMetrics &fm, const QColor &text)
{
    const Geometry g = geometry(rect, fm);
    const QColor accent = palette.color(QPalette::Highlight);
    QColor muted = text;
    muted.setAlphaF(0.55f);
    QColor todo = text;
    todo.setAlphaF(0.35f);

    paintPlayButton(p, g.play, s.current && s.playing, s.loading,
                    s.playable ? accent : palette.color(QPalette::Mid),
                    palette.color(QPalette::HighlightedText));
    const double played =
        s.current && s.durationMs > 0 ? double(s.positionMs) / double(s.durationMs) : 0.0;
    paintWaveform(p, g.wave, s.waveform, played, accent, todo);

    p->setPen(QPen(muted, 1));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(QRectF(g.speed).adjusted(0.5, 0.5, -0.5, -0.5), g.speed.height() / 2.0,
                       g.speed.height() / 2.0);
    p->setPen(text);
    p->drawText(g.speed, Qt::AlignCenter, speedText(s.speed));

    if (!s.error.isEmpty() || s.loading) {
        p->setPen(s.error.isEmpty() ? muted
                                    : StatusColours::of(StatusColours::Meaning::Error, palette));
        p->drawText(g.times, Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(s.error.isEmpty() ? tr("Loading…") : s.error, Qt::ElideRight,
                                  g.times.width()));
        return;
    }
    p->setPen(muted);
    if (s.current)
        p->drawText(g.times, Qt::AlignLeft | Qt::AlignVCenter, clock(s.positionMs));
    const QString right =
        s.current ? QStringLiteral("−") + clock(s.durationMs - s.positionMs) : clock(s.durationMs);
    p->drawText(g.times.adjusted(0, 0, -(rect.right() - g.wave.right()), 0),
                Qt::AlignRight | Qt::AlignVCenter, right);
    if (!s.heard) {
        const int d = fm.height() / 3;
        p->setPen(Qt::NoPen);
        p->setBrush(accent);
        p->drawEllipse(
            QRect(g.times.left() + (s.current ? fm.horizontalAdvance(clock(s.positionMs)) + d : 0),
                  g.times.center().y() - d / 2, d, d));
    }
}

VoiceBubble::Hit VoiceBubble::hit(const QRect &rect, const QFontMetrics &fm, const QPoint &pos)
{
    const Geometry g = geometry(rect, fm);
    if (g.play.contains(pos))
        return {Part::Play, 0};
    if (g.speed.contains(pos))
        return {Part::Speed, 0};
    if (g.wave.adjusted(0, -4, 0, 4).contains(pos))
        return {
            Part::Waveform,
            std::clamp(double(pos.x() - g.wave.left()) / std::max(1, g.wave.width()), 0.0, 1.0)};
    return {};
}
