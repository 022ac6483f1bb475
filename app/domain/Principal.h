#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

// Who is behind a connection once it has signed in: the "principal" of auth.login,
// auth.repLogin and auth.resume (docs/protocol.md section 4).
struct Principal
{
    enum class Kind
    {
        None,
        Responder,
        Representative
    };

    Kind kind = Kind::None;
    qint64 id = 0;
    QString name;
    qint64 departmentId = 0;   // responders only
    bool lead = false;         // responders only
    bool scriptEditor = false; // responders only: may change the department's reply scripts

    bool isResponder() const { return kind == Kind::Responder; }
    bool isRepresentative() const { return kind == Kind::Representative; }
    bool isSignedIn() const { return kind != Kind::None; }
    // "responder" or "representative": also the sender kind of what this principal writes.
    QString kindName() const;

    QJsonObject toJson() const;
    // Nothing for an object that names no known kind or no id.
    static std::optional<Principal> fromJson(const QJsonObject &json);
};
