#pragma once

#include <QColor>
#include <QStyleOptionViewItem>

class QPainter;

// The colours a custom-painted list row writes in, after its background is drawn.
struct ItemPanel
{
    bool selected = false;
    QColor text;  // for what the row is about
    QColor muted; // for times and details

    // Draws the row's background (selection, hover) the way the style does, for an option
    // already filled by the delegate's initStyleOption().
    static ItemPanel draw(QPainter *painter, QStyleOptionViewItem option);
};
