#include "ItemPanel.h"

#include <QApplication>
#include <QStyle>

ItemPanel ItemPanel::draw(QPainter *painter, QStyleOptionViewItem option)
{
    option.text.clear(); // the delegate paints the text itself
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, option.widget);
    ItemPanel panel;
    panel.selected = option.state & QStyle::State_Selected;
    panel.text = option.palette.color(panel.selected ? QPalette::HighlightedText : QPalette::Text);
    panel.muted = panel.text;
    panel.muted.setAlphaF(0.65f);
    return panel;
}
