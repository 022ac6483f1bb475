#pragma once

#include "ConsultationQuery.h"
#include "Directory.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

// Electronic records of consultations: a CSV table (one row per consultation, UTF-8 with a
// byte order mark so that spreadsheet programs read Chinese) or one PDF per consultation
// with exact times and the whole dialogue. Runs on a pool thread with a read connection of its
// own; reports progress and can be cancelled (a cancelled CSV leaves no file; PDFs already
// written stay, each complete).
class ConsultationExport : public QObject
{
    Q_OBJECT
public:
    enum class Format
    {
        Csv,
        Pdf,
    };
    struct Request
    {
        QString cachePath;
        ConsultationQuery query; // which consultations (a queue filter, or onlyId)
        Format format = Format::Csv;
        QString target; // CSV: the file; PDF: the folder
        Directory directory;
        bool english = false; // the language of headings and system entries
    };
    struct Result
    {
        int exported = 0;
        bool cancelled = false;
        QString error;     // empty on success
        QStringList files; // what was written
    };

    explicit ConsultationExport(QObject *parent = nullptr);
    ~ConsultationExport() override;

    // Where the file dialogs start: the folder last exported to if it still exists, else the
    // Documents folder if there is one, else home (never the program's working folder).
    static QString suggestedFolder(const QString &lastUsed);

    void start(const Request &request);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const ConsultationExport::Result &result);

private:
    QFutureWatcher<Result> m_watcher;
};

Q_DECLARE_METATYPE(ConsultationExport::Result)
