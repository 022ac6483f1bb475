#pragma once

#include <QPlainTextEdit>

// The reply box: Enter sends and Shift+Enter starts a new line, or the other way round when
// the officer prefers (settings). Input methods keep their Enter while composing. A "/" typed
// where a word would begin asks for a reply script instead of being typed (when scripts are on);
// so does "、", which is what the "/" key gives under a Chinese input method's Chinese
// punctuation, and which never begins a word.
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);
    void setEnterSends(bool enterSends) { m_enterSends = enterSends; }
    bool enterSends() const { return m_enterSends; }
    void setSlashOpensScripts(bool enabled) { m_slashOpensScripts = enabled; }

Q_SIGNALS:
    void submitted();
    // A "/" (or "、") that was not typed: the receiver types it if no script is chosen.
    void scriptsRequestedBySlash(const QString &typed);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;

private:
    bool isScriptSlash(const QString &typed) const;

    bool m_enterSends = true;
    bool m_slashOpensScripts = false;
};
