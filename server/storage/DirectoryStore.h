#pragma once

#include "SyncPage.h"
#include "app/domain/Principal.h"

#include <QSqlDatabase>

class Database;
#include <optional>

// Departments, responders, representatives and their proposals: read-mostly reference data.
class DirectoryStore
{
public:
    explicit DirectoryStore(Database &database)
        : m_database(database)
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
    Database &m_database;
};
