#pragma once

#include "app/workspace/Directory.h"

#include <QTextBrowser>

struct Proposal;

// A proposal's record in full, in the console's language: number and kind, category, status,
// lead and co-handling departments, the reply's summary. Shown in the dossier and by an opened
// search hit.
class ProposalRecord : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ProposalRecord(QWidget *parent = nullptr);

    void setDirectory(const Directory &directory) { m_directory = directory; }
    void showProposal(const Proposal &proposal);

private:
    Directory m_directory;
};
