#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

// The few colours that carry meaning (an error, a warning such as an overdue wait, a healthy
// connection, a pending one, the message a search hit points at), in one place and chosen for
// the palette they are drawn on: on a dark theme the same meaning gets a lighter shade, so it
// stays readable. Everything else is drawn in the palette's own roles.
namespace StatusColours {

enum class Meaning
{
    Error,     // a failure the officer must act on
    Warning,   // needs attention soon: overdue, outdated
    Ok,        // connected, delivered
    Pending,   // connecting, waiting to be sent
    Inactive,  // offline by choice, no state
    Highlight, // where a search hit or a jump landed
};

QColor of(Meaning meaning, const QPalette &palette);
// A label's text in that colour (its palette, not a style sheet, so themes still apply).
void colourText(QWidget *label, Meaning meaning);

} // namespace StatusColours
