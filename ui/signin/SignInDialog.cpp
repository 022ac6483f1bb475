#include "SignInDialog.h"

#include "app/account/ServerAddress.h"
#include "ui/common/StatusColours.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_notice(new QLabel(this))
    , m_servers(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember my password on this computer"), this))
    , m_noKeychain(new QLabel(
          tr("This computer has no system keychain: the password cannot be remembered, and "
             "you will be asked to sign in at every start."),
          this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Sign in · Responder Console"));
    setMinimumWidth(520);

    auto *heading = new QLabel(tr("Online consultation with deputies and CPPCC members"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);

    m_notice->setWordWrap(true);
    m_notice->hide();

    m_servers->setPlaceholderText(tr("e.g. ws://10.0.0.5:8765 (several: separate with commas)"));
    m_servers->setAccessibleName(tr("Server address"));
    m_user->setAccessibleName(tr("User name"));
    m_user->setPlaceholderText(tr("e.g. jw.2"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_remember->setAccessibleName(tr("Remember my password on this computer"));
    m_remember->setToolTip(
        tr("The password is kept in the system keychain, never in a file. Leave this off on a "
           "shared computer."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Server:"), m_servers);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    m_noKeychain->setWordWrap(true);
    m_noKeychain->setAccessibleName(tr("Keychain notice"));
    StatusColours::colourText(m_noKeychain, StatusColours::Meaning::Warning);
    m_noKeychain->hide();
    form->addRow(QString(), m_noKeychain);

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusColours::colourText(m_error, StatusColours::Meaning::Error);
    m_error->hide();

    QPushButton *signIn = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    signIn->setDefault(true);
    m_signIn = signIn;
    m_quit = m_buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setTabOrder(m_servers, m_user);
    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_remember);
    setTabOrder(m_remember, signIn);
}

void SignInDialog::setServers(const QList<QUrl> &servers)
{
    m_servers->setText(ServerAddress::formatList(servers));
}

void SignInDialog::setUser(const QString &user)
{
    m_user->setText(user);
    if (!user.isEmpty())
        m_password->setFocus();
}

void SignInDialog::setPassword(const QString &password, bool remembered)
{
    m_password->setText(password);
    m_remember->setChecked(remembered);
}

void SignInDialog::forgetPassword()
{
    m_password->clear();
    m_remember->setChecked(false);
}

void SignInDialog::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void SignInDialog::setSharedDesk()
{
    m_sharedDesk = true;
    m_remember->setChecked(false);
    m_remember->hide();
    m_noKeychain->hide();
    m_servers->setReadOnly(true);
    m_quit->hide();
}

void SignInDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (!m_sharedDesk)
        return;
    const int column = 640;
    const int sides = std::max(24, (width() - column) / 2);
    const QMargins margins = layout()->contentsMargins();
    const int content = layout()->sizeHint().height() - margins.top() - margins.bottom();
    const int above = std::max(24, (height() - content) / 2);
    layout()->setContentsMargins(sides, above, sides, above);
}

void SignInDialog::reject()
{
    if (!m_sharedDesk)
        QDialog::reject();
}

void SignInDialog::setKeychainAvailable(bool available)
{
    if (m_sharedDesk)
        return;
    m_keychainAvailable = available;
    if (!available)
        m_remember->setChecked(false);
    m_remember->setEnabled(available && m_password->isEnabled());
    m_noKeychain->setVisible(!available);
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget *field : {static_cast<QWidget *>(m_servers), static_cast<QWidget *>(m_user),
                           static_cast<QWidget *>(m_password)})
        field->setEnabled(!busy);
    m_remember->setEnabled(!busy && m_keychainAvailable);
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
    if (busy)
        m_error->hide();
}

void SignInDialog::submit()
{
    const auto servers = ServerAddress::parseList(m_servers->text());
    if (!servers) {
        showError(servers.error().isEmpty()
                      ? tr("Enter the server address, for example ws://10.0.0.5:8765.")
                      : tr("“%1” is not a server address. Use ws://host:port or wss://host:port.")
                            .arg(servers.error()),
                  m_servers);
        return;
    }
    if (m_user->text().trimmed().isEmpty())
        return showError(tr("Enter your user name."), m_user);
    if (m_password->text().isEmpty())
        return showError(tr("Enter your password."), m_password);
    setBusy(true);
    Q_EMIT signInRequested(
        {*servers, m_user->text().trimmed(), m_password->text(), m_remember->isChecked()});
}

void SignInDialog::showError(const QString &text, QLineEdit *focus)
{
    m_error->setText(text);
    m_error->show();
    if (focus) {
        focus->setFocus();
        focus->selectAll();
    }
}

void SignInDialog::showFailure(const SignInFailure &failure)
{
    setBusy(false);
    QLineEdit *focus = nullptr;
    if (failure.kind == SignInFailure::Kind::WrongPassword)
        focus = m_password;
    else if (failure.kind == SignInFailure::Kind::Unreachable)
        focus = m_servers;
    showError(describe(failure), focus);
    m_error->setToolTip(failure.detail);
}

QString SignInDialog::describe(const SignInFailure &failure)
{
    switch (failure.kind) {
    case SignInFailure::Kind::WrongPassword:
        return tr("The user name or the password is wrong.");
    case SignInFailure::Kind::Unreachable:
        return tr("The server cannot be reached. Check the address and the network connection, "
                  "then try again.");
    case SignInFailure::Kind::UnsupportedVersion:
        return tr("This console and the server use different protocol versions. Ask your "
                  "administrator to update the console.");
    case SignInFailure::Kind::Throttled:
        return tr("Too many failed attempts for this account. Try again in %1 s.")
            .arg(std::max(1, static_cast<int>(std::ceil(failure.retryAfterMs / 1000.0))));
    case SignInFailure::Kind::ServerError:
        break;
    }
    return tr("The server could not sign you in (%1). Try again shortly.").arg(failure.detail);
}
