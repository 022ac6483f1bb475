#pragma once

#include <QPlainTextEdit>

// The reply box: Enter sends and Shift+Enter starts a new line, or the other way round when
// the officer prefers (settings). Input methods keep their Enter while composing.
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);
    void setEnterSends(bool enterSends) { m_enterSends = enterSends; }
    bool enterSends() const { return m_enterSends; }

Q_SIGNALS:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_enterSends = true;
};
