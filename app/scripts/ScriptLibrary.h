#pragma once

#include "ReplyScript.h"
#include "ScriptTransfer.h"
#include "app/core/Expected.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <optional>

class ScriptLocalStore;
struct ScriptEdit;

// How often and how lately the officer inserted a script (kept on this workstation).
struct ScriptUsage
{
    int count = 0;
    qint64 lastUsedAt = 0;
};

// The reply scripts the officer can use: the department's and their own, as the cache last had
// them from the server, with the edits made here and not yet delivered laid over them. Every
// change is written to the local store first (so it survives going offline, quitting, a rebuilt
// cache) and shows at once; ScriptDelivery takes it to the server.
class ScriptLibrary : public QObject
{
    Q_OBJECT
public:
    explicit ScriptLibrary(ScriptLocalStore &local, QObject *parent = nullptr);

    // What the cache holds (Script records, docs/protocol.md section 13).
    void setSynced(const QJsonArray &records);
    // Whether the signed-in responder may change department scripts (the server decides; this
    // only keeps the interface from offering what would be refused).
    void setEditor(bool editor);
    bool isEditor() const { return m_editor; }

    // Live scripts, by category then position.
    QList<ReplyScript> scripts() const;
    std::optional<ReplyScript> find(const QString &clientId) const;
    QStringList categories() const;
    bool canEdit(const ReplyScript &script) const;
    // Written here and not yet stored by the server.
    bool isPending(const QString &clientId) const;
    ScriptUsage usage(const QString &clientId) const;

    // A new script when clientId is empty, otherwise a change to that one. Refused (with the
    // reason, for the officer) when a limit is exceeded or the scope is not the officer's to
    // change.
    Expected<ReplyScript, QString> save(ReplyScript script);
    // A copy under a new title ("… (copy)"): a department script an officer may not edit
    // becomes their personal copy.
    Expected<ReplyScript, QString> duplicate(const QString &clientId);
    Expected<ReplyScript, QString> remove(const QString &clientId);
    // Undo of a delete: the script comes back as it was (as a new script if the delete had
    // already reached the server).
    Expected<ReplyScript, QString> restore(const ReplyScript &removed);
    // Moves a script to just before another of its category (empty: to the end).
    Expected<ReplyScript, QString> moveBefore(const QString &clientId,
                                              const QString &beforeClientId);
    void recordUse(const QString &clientId);
    // Creates every script of an import. `rejected`: the rows refused here (a department
    // script from an officer who is not an editor, say) together with those the file reader
    // refused, in row order.
    struct ImportOutcome
    {
        int imported = 0;
        QList<ScriptTransfer::Rejection> rejected;
    };
    ImportOutcome importAll(const ScriptTransfer::ImportResult &result);

    // From ScriptDelivery: the server's record after it stored a change (shown at once; the
    // cache gets it from the server's script.changed event), and the local store changed
    // behind the library's back.
    void adopt(const QJsonObject &record);
    void reloadLocal();
    // Tells the officer something that happened out of sight.
    void tell(const QString &message) { Q_EMIT notice(message); }

Q_SIGNALS:
    void changed();
    // A change was written to the local store: ScriptDelivery takes it from there.
    void editQueued();
    // Something the officer should know that happened out of sight (a conflict settled, an
    // edit the server refused); translated.
    void notice(const QString &message);

private:
    Expected<ReplyScript, QString> queue(const ScriptEdit &edit);
    double positionAtEnd(const QString &category) const;
    std::optional<QString> validate(const ReplyScript &script) const;
    void rebuild();

    ScriptLocalStore &m_local;
    QHash<QString, ReplyScript> m_synced; // by clientId
    QList<ReplyScript> m_live;            // synced ⊕ pending edits, sorted
    QHash<QString, int> m_index;          // clientId → row in m_live
    QHash<QString, ScriptUsage> m_usage;
    QSet<QString> m_pending; // clientIds with undelivered changes
    bool m_editor = false;
};
