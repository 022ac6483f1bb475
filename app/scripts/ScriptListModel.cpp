#include "ScriptListModel.h"

#include "PinyinInitials.h"
#include "ScriptLibrary.h"

#include <QtConcurrent>

#include <algorithm>

namespace {

bool hasLatinLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() < 128 && c.isLetter(); });
}

} // namespace

ScriptListModel::ScriptListModel(ScriptLibrary &library, Order order, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(library)
    , m_order(order)
{
    connect(&library, &ScriptLibrary::changed, this, &ScriptListModel::refresh);
    refresh();
}

ScriptListModel::~ScriptListModel() = default;

int ScriptListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ScriptListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReplyScript &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return s.title;
    case Qt::ToolTipRole:
        return s.body.left(400);
    case ClientIdRole:
        return s.clientId;
    case BodyRole:
        return s.body;
    case CategoryRole:
        return s.category;
    case TagsRole:
        return s.tags;
    case DepartmentRole:
        return s.isDepartment();
    case ValidUntilRole:
        return s.validUntil;
    case OutdatedRole:
        return s.isOutdated(QDate::currentDate());
    case UsesRole:
        return m_library.usage(s.clientId).count;
    case LastUsedRole:
        return m_library.usage(s.clientId).lastUsedAt;
    case PendingRole:
        return m_library.isPending(s.clientId);
    case EditableRole:
        return m_library.canEdit(s);
    default:
        return {};
    }
}

QHash<int, QByteArray> ScriptListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ClientIdRole, "clientId");
    names.insert(TitleRole, "title");
    names.insert(BodyRole, "body");
    names.insert(CategoryRole, "category");
    names.insert(TagsRole, "tags");
    names.insert(DepartmentRole, "department");
    names.insert(ValidUntilRole, "validUntil");
    names.insert(OutdatedRole, "outdated");
    names.insert(UsesRole, "uses");
    names.insert(LastUsedRole, "lastUsed");
    names.insert(PendingRole, "pending");
    names.insert(EditableRole, "editable");
    return names;
}

void ScriptListModel::setCategory(const QString &category)
{
    m_allCategories = category.isNull();
    m_category = category;
    refresh();
}

void ScriptListModel::setFilter(const QString &text)
{
    m_filter = text.simplified();
    if (!m_pinyin && hasLatinLetter(m_filter)) {
        prepareSearch();
        m_pinyin = m_pinyinReady.result();
    }
    refresh();
}

void ScriptListModel::prepareSearch()
{
    if (std::exchange(m_pinyinStarted, true))
        return;
    m_pinyinReady = QtConcurrent::run([] { return std::make_shared<PinyinInitials>(); });
}

ReplyScript ScriptListModel::scriptAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : ReplyScript{};
}

int ScriptListModel::rowOf(const QString &clientId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

// Every word of the search has to be found somewhere in the script; a Latin word may also be
// the start of the title's pinyin initials.
bool ScriptListModel::matches(const ReplyScript &s) const
{
    if (!m_allCategories && s.category != m_category)
        return false;
    if (m_filter.isEmpty())
        return true;
    const QString haystack =
        s.title + u'\n' + s.body + u'\n' + s.category + u'\n' + s.tags.join(u'\n');
    const QString initials = m_pinyin ? m_pinyin->initials(s.title) : QString();
    const QStringList words = m_filter.split(u' ', Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
        return haystack.contains(word, Qt::CaseInsensitive) ||
               (!initials.isEmpty() && initials.contains(word.toLower()));
    });
}

void ScriptListModel::refresh()
{
    QList<ReplyScript> rows;
    for (const ReplyScript &script : m_library.scripts()) {
        if (matches(script))
            rows << script;
    }
    if (m_order == Order::ByUse) {
        std::stable_sort(rows.begin(), rows.end(),
                         [this](const ReplyScript &a, const ReplyScript &b) {
                             const ScriptUsage ua = m_library.usage(a.clientId);
                             const ScriptUsage ub = m_library.usage(b.clientId);
                             if (ua.count != ub.count)
                                 return ua.count > ub.count;
                             return ua.lastUsedAt > ub.lastUsedAt;
                         });
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}
