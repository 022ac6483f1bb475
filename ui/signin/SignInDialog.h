#pragma once

#include "app/session/PasswordSignIn.h"

#include <QDialog>
#include <QList>
#include <QUrl>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// What the officer typed into the sign-in dialog.
struct SignInRequest
{
    QList<QUrl> servers;
    QString user;
    QString password;
    bool remember = false;
};

// Server address, user name, password and "remember me". It only collects and shows: the
// composition root runs the sign-in and reports back through showFailure() or accept().
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServers(const QList<QUrl> &servers);
    void setUser(const QString &user);
    void setPassword(const QString &password, bool remembered);
    // A one-line note above the fields (e.g. why the officer has to sign in again).
    // Empties the password (and "remember"): nothing of a signed-out officer stays here.
    void forgetPassword();
    void setNotice(const QString &notice);
    // Without a system keychain nothing can be remembered: the box is off and unavailable,
    // and a line under it says why (instead of a tick that silently does nothing).
    void setKeychainAvailable(bool available);
    // A help-desk kiosk: the server is the administrator's, nothing is remembered, and there
    // is no way out of the console (no Quit).
    void setSharedDesk();

    void showFailure(const SignInFailure &failure);
    // Fields locked while a sign-in is under way.
    void setBusy(bool busy);

    static QString describe(const SignInFailure &failure);

    // Escape and closing do nothing at a shared desk.
    void reject() override;

protected:
    // At a shared desk the dialog fills the screen: its fields stay a readable column in the
    // middle of it.
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void signInRequested(const SignInRequest &request);

private:
    void submit();
    void showError(const QString &text, QLineEdit *focus);

    QLabel *m_notice;
    QLineEdit *m_servers;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_noKeychain;
    bool m_keychainAvailable = true;
    bool m_sharedDesk = false;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_quit = nullptr;
};

Q_DECLARE_METATYPE(SignInRequest)
