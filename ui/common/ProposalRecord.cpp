#include "ProposalRecord.h"

#include "app/workspace/ProposalWording.h"

#include <QLocale>

ProposalRecord::ProposalRecord(QWidget *parent)
    : QTextBrowser(parent)
{
    setAccessibleName(tr("Proposal details"));
    setOpenLinks(false);
}

void ProposalRecord::showProposal(const Proposal &row)
{
    const bool english = QLocale().language() != QLocale::Chinese;
    QStringList co;
    for (qint64 id : row.coDepartmentIds)
        co << m_directory.departmentName(id, english);
    const QString kind =
        row.kind == ProposalKind::Suggestion ? tr("NPC suggestion") : tr("CPPCC proposal");
    QString html = QStringLiteral("<h3>%1</h3>").arg(row.title.toHtmlEscaped());
    auto line = [&html](const QString &label, const QString &value) {
        html +=
            QStringLiteral("<p><b>%1</b> %2</p>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    line(tr("Number:"), QStringLiteral("%1 (%2, %3)").arg(row.number, kind).arg(row.year));
    line(tr("Category:"), ProposalWording::category(row, english));
    line(tr("Status:"), ProposalWording::status(row.status));
    line(tr("Lead department:"), row.leadDepartmentId > 0
                                     ? m_directory.departmentName(row.leadDepartmentId, english)
                                     : tr("not yet assigned"));
    if (!co.isEmpty())
        line(tr("Co-handling:"), co.join(QStringLiteral("、")));
    line(tr("Reply summary:"), row.replySummary.isEmpty() ? tr("none yet") : row.replySummary);
    setHtml(html);
}
