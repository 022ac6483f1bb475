#include "Frame.h"

#include "Limits.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace {

FrameDecodeError badRequest(const QString &id, const QString &message)
{
    return {id, ProtocolError::make(ErrorCode::BadRequest, message)};
}

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Frame::Type> typeFromName(const QString &name)
{
    if (name == QLatin1String("req"))
        return Frame::Type::Request;
    if (name == QLatin1String("res"))
        return Frame::Type::Result;
    if (name == QLatin1String("err"))
        return Frame::Type::Error;
    if (name == QLatin1String("evt"))
        return Frame::Type::Event;
    return std::nullopt;
}

// Reads "id" if it is a usable request id, so that even a rejected frame gets an answer the
// client can match.
QString readId(const QJsonObject &object)
{
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!id.isString())
        return {};
    const QString text = id.toString();
    return text.size() <= Limits::maxRequestIdChars ? text : QString();
}

Expected<Frame, FrameDecodeError> decodeRequest(Frame frame, const QJsonObject &object)
{
    if (frame.id.isEmpty())
        return badRequest({}, QStringLiteral("field 'id' must be a string of 1 to 64 characters"));
    const QJsonValue method = object.value(QLatin1String("method"));
    if (!method.isString() || method.toString().isEmpty())
        return badRequest(frame.id, QStringLiteral("field 'method' must be a non-empty string"));
    frame.method = method.toString();
    const QJsonValue params = object.value(QLatin1String("params"));
    if (!params.isUndefined() && !params.isNull() && !params.isObject())
        return badRequest(frame.id, QStringLiteral("field 'params' must be an object"));
    frame.payload = params.toObject();
    return frame;
}

} // namespace

Expected<Frame, FrameDecodeError> decodeFrame(const QByteArray &utf8Json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(utf8Json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return badRequest({}, QStringLiteral("malformed JSON: ") + parseError.errorString());
    if (!document.isObject())
        return badRequest({}, QStringLiteral("a frame must be a JSON object"));

    const QJsonObject object = document.object();
    Frame frame;
    frame.id = readId(object);
    const auto type = typeFromName(object.value(QLatin1String("type")).toString());
    if (!type)
        return badRequest(frame.id, QStringLiteral("field 'type' must be req, res, err or evt"));
    frame.type = *type;

    switch (frame.type) {
    case Frame::Type::Request:
        return decodeRequest(frame, object);
    case Frame::Type::Result:
        frame.payload = object.value(QLatin1String("result")).toObject();
        return frame;
    case Frame::Type::Error:
        frame.errorCode = errorCodeFromName(object.value(QLatin1String("code")).toString());
        frame.errorMessage = object.value(QLatin1String("message")).toString();
        frame.payload = object.value(QLatin1String("details")).toObject();
        return frame;
    case Frame::Type::Event:
        frame.event = object.value(QLatin1String("event")).toString();
        frame.payload = object.value(QLatin1String("data")).toObject();
        if (frame.event.isEmpty())
            return badRequest({}, QStringLiteral("field 'event' must be a non-empty string"));
        return frame;
    }
    return badRequest(frame.id, QStringLiteral("unknown frame type"));
}

QByteArray encodeRequest(const QString &id, const QString &method, const QJsonObject &params)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("req")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("method"), method},
                    {QStringLiteral("params"), params}});
}

QByteArray encodeResult(const QString &id, const QJsonObject &result)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("res")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("result"), result}});
}

QByteArray encodeError(const QString &id, const ProtocolError &error)
{
    QJsonObject object{{QStringLiteral("type"), QStringLiteral("err")},
                       {QStringLiteral("id"), id.isEmpty() ? QJsonValue() : QJsonValue(id)},
                       {QStringLiteral("code"), errorCodeName(error.code)},
                       {QStringLiteral("message"), error.message}};
    if (!error.details.isEmpty())
        object.insert(QStringLiteral("details"), error.details);
    return toBytes(object);
}

QByteArray encodeEvent(const QString &event, const QJsonObject &data)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("evt")},
                    {QStringLiteral("event"), event},
                    {QStringLiteral("data"), data}});
}

bool needsSignIn(ErrorCode code)
{
    return code == ErrorCode::NotAuthenticated || code == ErrorCode::TokenInvalid ||
           code == ErrorCode::TokenExpired;
}

int retryDelayMs(const Frame &reply, int otherwiseMs)
{
    if (reply.errorCode != ErrorCode::RateLimited)
        return otherwiseMs;
    return std::max(100, reply.payload.value(QLatin1String("retryAfterMs")).toInt());
}
