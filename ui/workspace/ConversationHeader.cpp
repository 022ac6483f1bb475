#include "ConversationHeader.h"

#include "ConsultationDelegate.h"
#include "ui/common/StatusColours.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

ConversationHeader::ConversationHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_claim(new QPushButton(tr("&Claim"), this))
    , m_transfer(new QPushButton(tr("&Transfer…"), this))
    , m_close(new QPushButton(tr("Clos&e…"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true); // a subject may be long: it wraps rather than push the actions
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    m_notice->setWordWrap(true);
    m_notice->hide();
    StatusColours::colourText(m_notice, StatusColours::Meaning::Error);
    m_claim->setToolTip(tr("Take this consultation (Ctrl+Shift+C)"));
    m_transfer->setToolTip(tr("Hand it to a colleague or another department (Ctrl+Shift+T)"));
    m_close->setToolTip(tr("Close with a summary (Ctrl+Shift+E)"));

    // Name and actions on one row; the details below get the whole width.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_title, 1);
    actions->addWidget(m_claim);
    actions->addWidget(m_transfer);
    actions->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(actions);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_notice);

    connect(m_claim, &QPushButton::clicked, this, &ConversationHeader::claimRequested);
    connect(m_transfer, &QPushButton::clicked, this, &ConversationHeader::transferRequested);
    connect(m_close, &QPushButton::clicked, this, &ConversationHeader::closeRequested);
}

void ConversationHeader::showConsultation(const ConsultationRow &row, qint64 ownId)
{
    m_title->setText(row.subject);
    QStringList parts{row.representativeName,
                      ConsultationDelegate::titleOf(row.representativeKind)};
    if (!row.representativeGroup.isEmpty())
        parts << row.representativeGroup;
    parts << QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.createdAt),
                                QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    switch (row.state) {
    case ConsultationState::Waiting:
        parts << tr("waiting");
        break;
    case ConsultationState::Claimed:
        parts << (row.assigneeId == ownId
                      ? tr("yours")
                      : tr("with %1").arg(m_directory.responderName(row.assigneeId)));
        break;
    case ConsultationState::Closed:
        parts << tr("closed");
        break;
    }
    if (row.rating > 0)
        parts << tr("rated %1 of 5").arg(row.rating);
    m_subtitle->setText(parts.join(QStringLiteral(" · ")));
}

void ConversationHeader::showActions(const AvailableActions &can)
{
    m_claim->setEnabled(can.claim);
    m_transfer->setEnabled(can.transfer);
    m_close->setEnabled(can.close);
    const QString needsServer =
        can.waitsForConnection ? tr("Needs a connection to the server") : QString();
    for (QPushButton *button : {m_claim, m_transfer, m_close})
        button->setStatusTip(needsServer);
}

bool ConversationHeader::canClaim() const
{
    return m_claim->isEnabled();
}

bool ConversationHeader::canTransfer() const
{
    return m_transfer->isEnabled();
}

bool ConversationHeader::canClose() const
{
    return m_close->isEnabled();
}

void ConversationHeader::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
}

void ConversationHeader::hideNotice()
{
    m_notice->hide();
}

QString ConversationHeader::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

QList<QWidget *> ConversationHeader::focusOrder() const
{
    return {m_claim, m_transfer, m_close};
}
