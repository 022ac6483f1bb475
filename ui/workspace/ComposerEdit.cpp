#include "ComposerEdit.h"

#include <QKeyEvent>
#include <QTextBlock>

ComposerEdit::ComposerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    if (isScriptSlash(event)) {
        Q_EMIT scriptsRequestedBySlash();
        return;
    }
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

// Only where a word would begin, so that dates (2026/11/25), paths and links are typed as ever.
bool ComposerEdit::isScriptSlash(const QKeyEvent *event) const
{
    if (!m_slashOpensScripts || isReadOnly() || event->text() != QLatin1String("/") ||
        (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false; // the "/" replaces what is selected, as typing does
    const int column = cursor.positionInBlock();
    return column == 0 || cursor.block().text().at(column - 1).isSpace();
}
