#pragma once

#include "Principal.h"
#include "SyncPage.h"

#include <QSqlDatabase>
#include <optional>

// Departments, responders, representatives and their proposals: read-mostly reference data.
class DirectoryStore
{
public:
    explicit DirectoryStore(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    struct Credentials
    {
        Principal principal;
        QString passwordHash;
    };
    std::optional<Credentials> responderCredentials(const QString &login) const;
    std::optional<Credentials> representativeCredentials(const QString &login) const;
    std::optional<Principal> responder(qint64 id) const;
    std::optional<Principal> representative(qint64 id) const;
    bool departmentExists(qint64 id) const;

    SyncPage departments(qint64 afterSeq, int limit) const;
    SyncPage responders(qint64 afterSeq, int limit) const;
    SyncPage representatives(qint64 afterSeq, int limit) const;
    SyncPage proposals(qint64 afterSeq, int limit) const;

private:
    QJsonArray coDepartments(qint64 proposalId) const;

    QSqlDatabase m_db;
};
