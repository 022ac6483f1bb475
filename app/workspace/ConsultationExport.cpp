#include "ConsultationExport.h"

#include "CacheRows.h"
#include "PdfTextMap.h"
#include "SystemEntryText.h"
#include "app/core/ClockText.h"
#include "app/core/CsvCell.h"
#include "app/sql/SqlBinding.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QPdfWriter>
#include <QPromise>
#include <QRawFont>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextDocument>
#include <QUuid>
#include <QtConcurrent>

namespace {
constexpr int pageRows = 500;

QString timeText(qint64 ms)
{
    return ms > 0
               ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
               : QString();
}

QString stateText(ConsultationState state)
{
    switch (state) {
    case ConsultationState::Waiting:
        return QCoreApplication::translate("ConsultationExport", "waiting");
    case ConsultationState::Claimed:
        return QCoreApplication::translate("ConsultationExport", "being answered");
    case ConsultationState::Closed:
        break;
    }
    return QCoreApplication::translate("ConsultationExport", "closed");
}

QString titleText(RepresentativeKind kind)
{
    return kind == RepresentativeKind::Npc
               ? QCoreApplication::translate("ConsultationExport", "NPC deputy")
               : QCoreApplication::translate("ConsultationExport", "CPPCC member");
}

// A read connection for this thread, closed with it.
class ReadConnection
{
public:
    explicit ReadConnection(const QString &path)
        : m_name(QStringLiteral("export-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        m_open = db.open();
    }
    ~ReadConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

QList<ConsultationRow> selected(const QSqlDatabase &db, const ConsultationQuery &query)
{
    QList<ConsultationRow> rows;
    qint64 afterKey = 0;
    qint64 afterId = 0;
    for (;;) {
        QVariantList values;
        QSqlQuery page(db);
        page.setForwardOnly(true);
        if (!execBound(page, query.pageSql(values, afterKey, afterId, pageRows), values))
            return rows;
        int n = 0;
        while (page.next()) {
            rows.append(CacheRows::consultation(page));
            ++n;
        }
        if (n < pageRows)
            return rows;
        afterKey = rows.constLast().sortKey;
        afterId = rows.constLast().id;
    }
}

QList<MessageRow> dialogue(const QSqlDatabase &db, qint64 consultationId)
{
    QList<MessageRow> messages;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    QVariantList values;
    const QString select = CacheRows::messageSelect(values);
    values << consultationId;
    if (execBound(query, select + QStringLiteral(" ORDER BY m.id"), values)) {
        while (query.next())
            messages.append(CacheRows::message(query, consultationId));
    }
    return messages;
}

// The consultation's voice messages as text (corrections where made), one per line, in order.
QString voiceText(const QSqlDatabase &db, qint64 consultationId)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    QStringList lines;
    if (execBound(query,
                  QStringLiteral("SELECT t.text FROM messages m"
                                 " JOIN transcripts t ON t.message_id = m.id"
                                 " WHERE m.consultation_id = ? AND m.kind = ? AND t.text <> ''"
                                 " ORDER BY m.id"),
                  {consultationId, wireName(MessageKind::Voice)})) {
        while (query.next())
            lines << query.value(0).toString();
    }
    return lines.join(u'\n');
}

QString recordHtml(const ConsultationRow &c, const QList<MessageRow> &messages,
                   const ConsultationExport::Request &request)
{
    const Directory &dir = request.directory;
    auto esc = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    QString html = QStringLiteral("<h2>%1</h2>")
                       .arg(esc(QCoreApplication::translate("ConsultationExport",
                                                            "Online consultation record No. %1")
                                    .arg(c.id)));
    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    auto row = [&](const QString &label, const QString &value) {
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    row(QCoreApplication::translate("ConsultationExport", "Representative"),
        QStringLiteral("%1 (%2 · %3)")
            .arg(c.representativeName, titleText(c.representativeKind), c.representativeGroup));
    row(QCoreApplication::translate("ConsultationExport", "Subject"), c.subject);
    row(QCoreApplication::translate("ConsultationExport", "Department"),
        dir.departmentName(c.departmentId, request.english));
    row(QCoreApplication::translate("ConsultationExport", "Responder"),
        dir.responderName(c.assigneeId));
    row(QCoreApplication::translate("ConsultationExport", "State"), stateText(c.state));
    row(QCoreApplication::translate("ConsultationExport", "Opened at"), timeText(c.createdAt));
    row(QCoreApplication::translate("ConsultationExport", "Claimed at"), timeText(c.claimedAt));
    row(QCoreApplication::translate("ConsultationExport", "Closed at"), timeText(c.closedAt));
    row(QCoreApplication::translate("ConsultationExport", "Summary"), c.closeSummary);
    row(QCoreApplication::translate("ConsultationExport", "Rating"),
        c.rating > 0 ? QCoreApplication::translate("ConsultationExport", "%1 of 5").arg(c.rating)
                     : QCoreApplication::translate("ConsultationExport", "not rated"));
    html += QStringLiteral("</table><h3>%1</h3>")
                .arg(esc(QCoreApplication::translate("ConsultationExport", "Dialogue")));
    for (const MessageRow &m : messages) {
        QString who;
        QString text;
        if (m.kind == MessageKind::System) {
            who = QCoreApplication::translate("ConsultationExport", "Record");
            text = systemEntryText(m.payload, dir, request.english);
        } else {
            who = m.senderName;
            text =
                m.kind == MessageKind::Voice
                    ? QCoreApplication::translate("ConsultationExport", "[voice message, %1]")
                          .arg(clockText(m.payload.value(QLatin1String("durationMs")).toInteger()))
                    : m.text;
            // What was heard in it, where this workstation has turned it into text.
            if (m.kind == MessageKind::Voice && !m.transcript.isEmpty())
                text += u'\n' + QCoreApplication::translate("ConsultationExport", "Transcript: %1")
                                    .arg(m.transcript);
        }
        html += QStringLiteral("<p><b>%1</b> &nbsp; %2<br/>%3</p>")
                    .arg(esc(who), esc(timeText(m.createdAt)),
                         esc(text).replace(u'\n', QStringLiteral("<br/>")));
    }
    return html;
}

QFont recordFont()
{
    // A CJK face first (fonts-noto-cjk); fontconfig falls back per glyph for anything else.
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(10.5);
    // Without shaping of Latin text: the font's contextual digits and ligatures are glyphs
    // that Qt's PDF writer cannot map back to characters, so "No. 12" extracted as "No." and
    // "Office" as "Oce".
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// Written to memory first: the text map is corrected (PdfTextMap) before the file appears,
// and a failed or cancelled record leaves no half-written file.
bool writePdf(const QString &path, const QString &html, const QString &title,
              const QHash<char16_t, char16_t> &ideographs)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Responder Console"));
        QTextDocument document;
        document.setDefaultFont(recordFont());
        document.setHtml(html);
        document.print(&writer);
    }
    if (buffer.data().isEmpty())
        return false;
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(PdfTextMap::withIdeographs(buffer.data(), ideographs)) == buffer.size() &&
           file.commit();
}

void run(QPromise<ConsultationExport::Result> &promise, const ConsultationExport::Request &request)
{
    ConsultationExport::Result result;
    ReadConnection connection(request.cachePath);
    if (!connection.isOpen()) {
        result.error =
            QCoreApplication::translate("ConsultationExport", "The cache cannot be read.");
        promise.addResult(result);
        return;
    }
    const QList<ConsultationRow> rows = selected(connection.db(), request.query);
    promise.setProgressRange(0, static_cast<int>(rows.size()));

    if (request.format == ConsultationExport::Format::Csv) {
        QSaveFile file(request.target);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error = file.errorString();
            promise.addResult(result);
            return;
        }
        auto line = [&file](const QStringList &cells) {
            QStringList quoted;
            for (const QString &cell : cells)
                quoted << Csv::csvCell(cell);
            file.write(quoted.join(u',').toUtf8() + "\r\n");
        };
        file.write("\xEF\xBB\xBF");
        line({QCoreApplication::translate("ConsultationExport", "No."),
              QCoreApplication::translate("ConsultationExport", "Opened at"),
              QCoreApplication::translate("ConsultationExport", "Claimed at"),
              QCoreApplication::translate("ConsultationExport", "Closed at"),
              QCoreApplication::translate("ConsultationExport", "Representative"),
              QCoreApplication::translate("ConsultationExport", "Title"),
              QCoreApplication::translate("ConsultationExport", "Delegation or sector"),
              QCoreApplication::translate("ConsultationExport", "Department"),
              QCoreApplication::translate("ConsultationExport", "Responder"),
              QCoreApplication::translate("ConsultationExport", "State"),
              QCoreApplication::translate("ConsultationExport", "Rating"),
              QCoreApplication::translate("ConsultationExport", "Subject"),
              QCoreApplication::translate("ConsultationExport", "Summary"),
              QCoreApplication::translate("ConsultationExport", "Voice messages as text")});
        for (const ConsultationRow &c : rows) {
            if (promise.isCanceled()) {
                file.cancelWriting();
                return;
            }
            line({QString::number(c.id), timeText(c.createdAt), timeText(c.claimedAt),
                  timeText(c.closedAt), c.representativeName, titleText(c.representativeKind),
                  c.representativeGroup,
                  request.directory.departmentName(c.departmentId, request.english),
                  request.directory.responderName(c.assigneeId), stateText(c.state),
                  c.rating > 0 ? QString::number(c.rating) : QString(), c.subject, c.closeSummary,
                  voiceText(connection.db(), c.id)});
            promise.setProgressValue(++result.exported);
        }
        if (!file.commit()) {
            result.error = file.errorString();
            promise.addResult(result);
            return;
        }
        result.files << request.target;
        promise.addResult(result);
        return;
    }

    QDir().mkpath(request.target);
    const auto ideographs = PdfTextMap::ideographsForRadicals(QRawFont::fromFont(recordFont()));
    for (const ConsultationRow &c : rows) {
        if (promise.isCanceled())
            return;
        const QString path =
            QDir(request.target).filePath(QStringLiteral("consultation-%1.pdf").arg(c.id));
        const QString title =
            QCoreApplication::translate("ConsultationExport", "Online consultation record No. %1")
                .arg(c.id);
        if (!writePdf(path, recordHtml(c, dialogue(connection.db(), c.id), request), title,
                      ideographs)) {
            result.error =
                QCoreApplication::translate("ConsultationExport", "%1 could not be written.")
                    .arg(path);
            promise.addResult(result);
            return;
        }
        result.files << path;
        promise.setProgressValue(++result.exported);
    }
    promise.addResult(result);
}
} // namespace

ConsultationExport::ConsultationExport(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(value, m_watcher.progressMaximum()); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        Result result;
        if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
            result.cancelled = true;
            result.exported = m_watcher.progressValue();
        } else {
            result = m_watcher.result();
        }
        Q_EMIT finished(result);
    });
}

ConsultationExport::~ConsultationExport()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

QString ConsultationExport::suggestedFolder(const QString &lastUsed)
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    for (const QString &folder : {lastUsed, documents}) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

void ConsultationExport::start(const Request &request)
{
    if (m_watcher.isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run(&run, request));
}

void ConsultationExport::cancel()
{
    m_watcher.cancel();
}
