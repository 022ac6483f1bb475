#include "StatusColours.h"

#include <QWidget>

namespace StatusColours {

namespace {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

QColor of(Meaning meaning, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (meaning) {
    case Meaning::Error:
        return dark ? QColor(0xef, 0x6c, 0x6c) : QColor(0xb0, 0x1c, 0x1c);
    case Meaning::Warning:
        return dark ? QColor(0xf0, 0x8a, 0x5d) : QColor(0xc2, 0x41, 0x0c);
    case Meaning::Ok:
        return dark ? QColor(0x5f, 0xc8, 0x72) : QColor(0x2e, 0xa0, 0x43);
    case Meaning::Pending:
        return dark ? QColor(0xf2, 0xb1, 0x3c) : QColor(0xd9, 0x8c, 0x0a);
    case Meaning::Inactive:
        return palette.color(QPalette::Disabled, QPalette::Text);
    case Meaning::Highlight:
        return dark ? QColor(0xff, 0xb3, 0x3b) : QColor(0xe0, 0x8a, 0x00);
    }
    return palette.color(QPalette::Text);
}

void colourText(QWidget *label, Meaning meaning)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, of(meaning, palette));
    label->setPalette(palette);
}

} // namespace StatusColours
