#pragma once

#include "app/domain/Vocabulary.h"
#include "app/protocol/Limits.h"

#include <QDate>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

// A reply script as the client keeps it: the server's record (docs/protocol.md, "Reply
// scripts"), or one written here that has not reached the server yet.
struct ReplyScript
{
    using Scope = ScriptScope;

    // How long each part may be (the protocol's limits), for editors to show and enforce.
    static constexpr int maxTitleChars = Limits::maxScriptTitleChars;
    static constexpr int maxBodyChars = Limits::maxScriptBodyChars;
    static constexpr int maxCategoryChars = Limits::maxScriptCategoryChars;

    // The script's name for its whole life: made when it is written (here or on the server),
    // before it has a server id, and the key that makes its creation idempotent.
    QString clientId;
    qint64 id = 0; // the server's id; 0 until the server stored it
    Scope scope = Scope::Personal;
    QString title;
    QString body;
    QString category; // the folder; empty = uncategorised
    QStringList tags;
    QDate validUntil;    // invalid: no end date
    double position = 0; // order within the category, ascending
    qint64 revision = 0; // the server's revision this copy is at; 0: never stored
    qint64 seq = 0;

    bool isDepartment() const { return scope == Scope::Department; }
    // Past its "valid until" date: the policy it quotes may have changed.
    bool isOutdated(const QDate &today) const { return validUntil.isValid() && today > validUntil; }

    static QString scopeName(Scope scope);
    static std::optional<Scope> scopeFromName(const QString &name);

    // The protocol's Script record (what sync, events and scripts.save carry).
    QJsonObject toJson() const;
    static ReplyScript fromJson(const QJsonObject &json);
};

Q_DECLARE_METATYPE(ReplyScript)
