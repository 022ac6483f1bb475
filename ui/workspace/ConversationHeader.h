#pragma once

#include "app/session/AvailableActions.h"
#include "app/workspace/ConsultationRow.h"
#include "app/workspace/Directory.h"

#include <QWidget>

class QLabel;
class QPushButton;

// The top of an open consultation: who asked and where it stands, the actions its state allows
// (claim, transfer, close) and the one notice line (a refused action, a script to check).
class ConversationHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationHeader(QWidget *parent = nullptr);

    void setDirectory(const Directory &directory) { m_directory = directory; }
    // `ownId`: the signed-in officer, for "yours".
    void showConsultation(const ConsultationRow &row, qint64 ownId);
    void showActions(const AvailableActions &can);
    bool canClaim() const;
    bool canTransfer() const;
    bool canClose() const;

    void showNotice(const QString &text);
    void hideNotice();
    QString notice() const; // empty when none is shown

    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void claimRequested();
    void transferRequested();
    void closeRequested();

private:
    Directory m_directory;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_notice;
    QPushButton *m_claim;
    QPushButton *m_transfer;
    QPushButton *m_close;
};
