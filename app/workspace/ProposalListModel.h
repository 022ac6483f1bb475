#pragma once

#include "PagedListModel.h"
#include "app/domain/Directory.h"

// A representative's past proposals, newest first, read page by page; a search narrows them
// (any part of the title or the reply, Chinese or not, or the number).
class ProposalListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        YearRole,
        KindRole,
        TitleRole,
        CategoryRole,
        StatusRole,
    };

    explicit ProposalListModel(CacheReader *reader, QObject *parent = nullptr);

    void setRepresentative(qint64 representativeId, const QString &search = {});
    qint64 representativeId() const { return m_representativeId; }
    const Proposal &rowAt(int row) const { return m_rows.at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override { return static_cast<int>(m_rows.size()); }
    void requestPage(CacheReader *reader, quint64 ticket, int pageSize) override;

    qint64 m_representativeId = 0;
    QString m_search;
    QList<Proposal> m_rows;
};
