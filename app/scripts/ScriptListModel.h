#pragma once

#include "ReplyScript.h"

#include <QAbstractListModel>
#include <QDate>
#include <QFuture>
#include <memory>

class ScriptLibrary;
class PinyinInitials;

// The scripts of a library as a list, filtered by category and by a search (words of the
// title, body, tags or category, or the pinyin initials of the title: "ybyd" finds 医保异地).
// Manual order is the manager's (category, then position); ByUse is the quick-insert popup's
// (most used first, then most recently used, then title).
class ScriptListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        ClientIdRole = Qt::UserRole + 1,
        TitleRole,
        BodyRole,
        CategoryRole,
        TagsRole,       // QStringList
        DepartmentRole, // bool: a department script
        ValidUntilRole, // QDate, invalid when none
        OutdatedRole,   // bool: past its valid-until date
        UsesRole,       // int
        LastUsedRole,   // qint64 ms since epoch, 0 when never
        PendingRole,    // bool: not yet on the server
        EditableRole    // bool: this officer may change it
    };
    enum class Order
    {
        Manual,
        ByUse
    };

    ScriptListModel(ScriptLibrary &library, Order order, QObject *parent = nullptr);
    ~ScriptListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCategory(const QString &category); // null QString: all categories
    void setFilter(const QString &text);
    // Starts making the pinyin transliterator (ICU takes ~100 ms) on a pool thread, so that it
    // is ready by the first Latin-letter search: call when a search field appears.
    void prepareSearch();
    QString filter() const { return m_filter; }

    ReplyScript scriptAt(int row) const;
    int rowOf(const QString &clientId) const;

private:
    void refresh();
    bool matches(const ReplyScript &script) const;

    ScriptLibrary &m_library;
    Order m_order;
    QString m_category;
    bool m_allCategories = true;
    QString m_filter;
    QList<ReplyScript> m_rows;
    // Being made since prepareSearch(); the first Latin-letter search takes it over (and waits
    // only if it comes early).
    QFuture<std::shared_ptr<PinyinInitials>> m_pinyinReady;
    bool m_pinyinStarted = false;
    std::shared_ptr<PinyinInitials> m_pinyin;
};
