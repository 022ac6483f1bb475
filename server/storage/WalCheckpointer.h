#pragma once

#include <QString>
#include <QThread>

// Copies the WAL back into the database from a thread of its own, with its own connection, in
// PASSIVE mode: it never blocks the writer. SQLite's automatic checkpoint would otherwise run
// inside whichever commit crosses the threshold, and its fsync would stall every connection
// waiting behind that request.
class WalCheckpointer : public QThread
{
    Q_OBJECT
public:
    explicit WalCheckpointer(QString databasePath, int intervalMs = 500, QObject *parent = nullptr);
    ~WalCheckpointer() override;

protected:
    void run() override;

private:
    QString m_path;
    int m_intervalMs;
};
