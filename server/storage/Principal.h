#pragma once

#include <QJsonObject>
#include <QString>

// Who is behind a connection once it has signed in.
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
    QString kindName() const
    {
        return kind == Kind::Responder ? QStringLiteral("responder")
                                       : QStringLiteral("representative");
    }

    QJsonObject toJson() const
    {
        QJsonObject json{{QStringLiteral("kind"), kindName()},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("name"), name}};
        if (isResponder()) {
            json.insert(QStringLiteral("departmentId"), departmentId);
            json.insert(QStringLiteral("role"),
                        lead ? QStringLiteral("lead") : QStringLiteral("responder"));
            json.insert(QStringLiteral("scriptEditor"), scriptEditor);
        }
        return json;
    }
};
