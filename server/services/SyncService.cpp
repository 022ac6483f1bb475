#include "SyncService.h"

#include "Caller.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/ParamReader.h"

namespace {

// Cursors are the decimal seq of the last record a page covered; clients treat them as opaque.
std::optional<qint64> parseCursor(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    bool ok = false;
    const qint64 seq = cursor.toLongLong(&ok);
    return ok && seq >= 0 ? std::optional<qint64>(seq) : std::nullopt;
}

bool representativeMayRead(const QString &stream)
{
    return stream == Stream::Departments || stream == Stream::Consultations ||
           stream == Stream::Messages || stream == Stream::Transcripts;
}

} // namespace

Reply SyncService::pull(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const QString stream = in.requireString(QLatin1String("stream"), 1, 64);
    const QString cursorText = in.optionalString(QLatin1String("cursor"), Limits::maxCursorChars);
    const int limit = static_cast<int>(
        in.optionalInt(QLatin1String("limit"), 1, Limits::maxPageSize, Limits::defaultPageSize));
    if (!in.ok())
        return in.error();
    const auto cursor = parseCursor(cursorText);
    if (!cursor)
        return ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("unreadable cursor"));
    if (!Stream::all().contains(stream))
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("unknown stream '%1'").arg(stream));
    const Principal &p = connection.principal();
    if (p.isRepresentative() && !representativeMayRead(stream))
        return ProtocolError::make(ErrorCode::Forbidden,
                                   QStringLiteral("stream not available to representatives"));

    SyncPage page;
    if (stream == Stream::Departments)
        page = m_ctx.directory.departments(*cursor, limit);
    else if (stream == Stream::Responders)
        page = m_ctx.directory.responders(*cursor, limit);
    else if (stream == Stream::Representatives)
        page = m_ctx.directory.representatives(*cursor, limit);
    else if (stream == Stream::Proposals)
        page = m_ctx.directory.proposals(*cursor, limit);
    else if (stream == Stream::Scripts)
        page = m_ctx.scripts.page(p, *cursor, limit);
    else if (stream == Stream::Transcripts)
        page = m_ctx.transcripts.page(p, *cursor, limit);
    else if (stream == Stream::Consultations)
        page = m_ctx.consultations.page(p, *cursor, limit);
    else
        page = m_ctx.messages.page(p, *cursor, limit);

    const qint64 next = page.items.isEmpty() && page.removed.isEmpty() ? *cursor : page.lastSeq;
    return QJsonObject{{QStringLiteral("items"), page.items},
                       {QStringLiteral("removed"), page.removed},
                       {QStringLiteral("cursor"), QString::number(next)},
                       {QStringLiteral("more"), page.more}};
}
