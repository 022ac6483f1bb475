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
    if (!(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) &&
        isScriptSlash(event->text())) {
        Q_EMIT scriptsRequestedBySlash(event->text());
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

void ComposerEdit::inputMethodEvent(QInputMethodEvent *event)
{
    if (event->preeditString().isEmpty() && event->replacementLength() == 0 &&
        isScriptSlash(event->commitString())) {
        event->accept();
        Q_EMIT scriptsRequestedBySlash(event->commitString());
        return;
    }
    QPlainTextEdit::inputMethodEvent(event);
}

// Only where a word would begin, so that dates (2026/11/25), paths and links are typed as ever.
bool ComposerEdit::isScriptSlash(const QString &typed) const
{
    if (!m_slashOpensScripts || isReadOnly() ||
        (typed != QLatin1String("/") && typed != QStringLiteral("、")))
        return false;
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false; // the "/" replaces what is selected, as typing does
    const int column = cursor.positionInBlock();
    return column == 0 || cursor.block().text().at(column - 1).isSpace();
}
