#include "ComposerEdit.h"

#include <QKeyEvent>

ComposerEdit::ComposerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (!enter) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (shift == m_enterSends) { // a new line
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    Q_EMIT submitted();
}
