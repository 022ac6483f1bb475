#include "Requests.h"

#include <QJsonArray>

#include "Limits.h"
#include "app/domain/FieldCount.h"

#include <limits>

// A field added to a request must be written and read below.
static_assert(fieldCount<TransferRequest>() == 4 && fieldCount<CloseRequest>() == 2,
              "a request gained a field: write and read it");
static_assert(fieldCount<RateRequest>() == 3 && fieldCount<SendTextRequest>() == 3,
              "a request gained a field: write and read it");
static_assert(fieldCount<VoiceBeginRequest>() == 5 && fieldCount<HistoryRequest>() == 3,
              "a request gained a field: write and read it");

namespace {
const QLatin1String consultationIdKey("consultationId");
const QLatin1String clientMsgIdKey("clientMsgId");
constexpr qint64 maxInt32 = std::numeric_limits<qint32>::max();
} // namespace

QJsonObject ClaimRequest::toParams() const
{
    return {{consultationIdKey, consultationId}};
}

ClaimRequest ClaimRequest::read(ParamReader &in)
{
    return {in.requireId(consultationIdKey)};
}

QJsonObject TransferRequest::toParams() const
{
    QJsonObject params{{consultationIdKey, consultationId}, {QStringLiteral("reason"), reason}};
    if (toDepartmentId > 0)
        params.insert(QStringLiteral("toDepartmentId"), toDepartmentId);
    if (toResponderId > 0)
        params.insert(QStringLiteral("toResponderId"), toResponderId);
    return params;
}

TransferRequest TransferRequest::read(ParamReader &in)
{
    TransferRequest r;
    r.consultationId = in.requireId(consultationIdKey);
    r.reason = in.requireText(QLatin1String("reason"), 1).trimmed();
    r.toDepartmentId = in.optionalId(QLatin1String("toDepartmentId")).value_or(0);
    r.toResponderId = in.optionalId(QLatin1String("toResponderId")).value_or(0);
    if (in.ok() && (r.toDepartmentId > 0) == (r.toResponderId > 0))
        in.fail(ErrorCode::BadRequest,
                QStringLiteral("give exactly one of 'toDepartmentId' or 'toResponderId'"));
    return r;
}

QJsonObject CloseRequest::toParams() const
{
    return {{consultationIdKey, consultationId}, {QStringLiteral("summary"), summary}};
}

CloseRequest CloseRequest::read(ParamReader &in)
{
    CloseRequest r;
    r.consultationId = in.requireId(consultationIdKey);
    r.summary = in.optionalText(QLatin1String("summary")).trimmed();
    return r;
}

QJsonObject RateRequest::toParams() const
{
    return {{consultationIdKey, consultationId},
            {QStringLiteral("rating"), rating},
            {QStringLiteral("comment"), comment}};
}

RateRequest RateRequest::read(ParamReader &in)
{
    RateRequest r;
    r.consultationId = in.requireId(consultationIdKey);
    r.rating = static_cast<int>(in.requireInt(QLatin1String("rating"), 1, 5));
    r.comment = in.optionalText(QLatin1String("comment")).trimmed();
    return r;
}

QJsonObject SendTextRequest::toParams() const
{
    return {{consultationIdKey, consultationId},
            {clientMsgIdKey, clientMsgId},
            {QStringLiteral("text"), text}};
}

SendTextRequest SendTextRequest::read(ParamReader &in)
{
    SendTextRequest r;
    r.consultationId = in.requireId(consultationIdKey);
    r.clientMsgId = in.requireString(clientMsgIdKey, 1, Limits::maxClientIdChars);
    r.text = in.requireText(QLatin1String("text"), 1);
    return r;
}

QJsonObject VoiceBeginRequest::toParams() const
{
    QJsonObject params{{consultationIdKey, consultationId},
                       {clientMsgIdKey, clientMsgId},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("durationMs"), durationMs}};
    if (!waveform.isEmpty())
        params.insert(QStringLiteral("waveform"), waveform);
    return params;
}

VoiceBeginRequest VoiceBeginRequest::read(ParamReader &in)
{
    VoiceBeginRequest r;
    r.consultationId = in.requireId(consultationIdKey);
    r.clientMsgId = in.requireString(clientMsgIdKey, 1, Limits::maxClientIdChars);
    r.bytes = in.requireInt(QLatin1String("bytes"), 1, maxInt32);
    r.durationMs = in.requireInt(QLatin1String("durationMs"), 1, maxInt32);
    r.waveform = in.optionalString(QLatin1String("waveform"), 128);
    return r;
}

QJsonObject HistoryRequest::toParams() const
{
    QJsonObject params{{consultationIdKey, consultationId}};
    if (beforeId > 0)
        params.insert(QStringLiteral("beforeId"), beforeId);
    if (limit > 0)
        params.insert(QStringLiteral("limit"), limit);
    return params;
}

HistoryRequest HistoryRequest::read(ParamReader &in)
{
    HistoryRequest r;
    r.consultationId = in.requireId(consultationIdKey);
    r.beforeId = in.optionalId(QLatin1String("beforeId")).value_or(0);
    r.limit = static_cast<int>(in.optionalInt(QLatin1String("limit"), 1, Limits::maxPageSize,
                                              Limits::defaultHistoryLimit));
    return r;
}

QJsonObject DiscardedRepliesRequest::toParams() const
{
    QJsonArray list;
    for (const Reply &r : replies)
        list.append(QJsonObject{{clientMsgIdKey, r.clientMsgId},
                                {consultationIdKey, r.consultationId},
                                {QStringLiteral("author"), r.author},
                                {QStringLiteral("kind"), r.kind},
                                {QStringLiteral("characters"), r.characters},
                                {QStringLiteral("typedAt"), r.typedAt},
                                {QStringLiteral("discardedAt"), r.discardedAt}});
    return {{QStringLiteral("replies"), list}};
}

DiscardedRepliesRequest DiscardedRepliesRequest::read(ParamReader &in)
{
    DiscardedRepliesRequest request;
    constexpr qint64 maxTime = 1LL << 50;
    for (const QJsonObject &object : in.requireObjectList(QLatin1String("replies"), maxReplies)) {
        ParamReader item(object);
        Reply r;
        r.clientMsgId = item.requireString(clientMsgIdKey, 1, Limits::maxClientIdChars);
        r.consultationId = item.requireId(consultationIdKey);
        r.author = item.requireString(QLatin1String("author"), 1, Limits::maxClientIdChars);
        r.kind = item.requireString(QLatin1String("kind"), 4, 5);
        r.characters = item.requireInt(QLatin1String("characters"), 0, 1 << 20);
        r.typedAt = item.requireInt(QLatin1String("typedAt"), 0, maxTime);
        r.discardedAt = item.requireInt(QLatin1String("discardedAt"), 0, maxTime);
        if (item.ok() && r.kind != QLatin1String("text") && r.kind != QLatin1String("voice"))
            item.fail(ErrorCode::BadRequest, QStringLiteral("field 'kind' is text or voice"));
        if (!item.ok()) {
            in.fail(item.error().code, item.error().message, item.error().details);
            return {};
        }
        request.replies << r;
    }
    return request;
}
