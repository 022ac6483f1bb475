#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <functional>

class CacheReader;

// What the cache-backed lists share: rows read a page at a time from the CacheReader as the
// view asks for more (fetchMore), one page in flight at a time, matched by ticket. A subclass
// holds its rows, says how to ask for the page after its last row, and hands each page it
// receives to appendPage().
class PagedListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    bool isLoading() const { return m_ticket != 0; }
    void setPageSize(int rows) { m_pageSize = rows; }

Q_SIGNALS:
    void pageLoaded(); // a page has arrived (the first after a restart, or one more)

protected:
    PagedListModel(CacheReader *reader, QObject *parent);

    virtual int count() const = 0;
    // Ask the reader for `pageSize` rows after the last one held, answering with `ticket`.
    virtual void requestPage(CacheReader *reader, quint64 ticket, int pageSize) = 0;

    // Empties the list (through `clear`, between the reset signals) and reads it again.
    void restart(const std::function<void()> &clear);
    bool expects(quint64 ticket) const { return ticket != 0 && ticket == m_ticket; }
    bool hasMore() const { return m_more; }
    // Adds a page of `rows` rows at the end (through `append`, between the insert signals).
    void appendPage(int rows, const std::function<void()> &append, bool more);
    CacheReader *reader() const;

private:
    QPointer<CacheReader> m_reader;
    int m_pageSize = 200;
    bool m_more = false;
    quint64 m_ticket = 0;
};
