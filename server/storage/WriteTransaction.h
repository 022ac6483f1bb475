#pragma once

class Database;

// One change of the server's database that is stored whole or not at all. Rolls back unless
// committed, so an early return can never leave half a change behind.
//
// When the database has a CommitGroup, the change is a savepoint in the group's transaction:
// commit() keeps it in the group (stored when the group commits), a rollback undoes only this
// change. Without one (tools, the demo seeder, store tests) it is a transaction of its own.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &database);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit();

private:
    Database &m_database;
    bool m_open = false;
    bool m_grouped = false;
};
