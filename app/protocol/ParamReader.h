#pragma once

#include "ErrorCode.h"

#include <QJsonObject>
#include <optional>

// Typed access to a request's params. The first problem found is kept as a protocol error
// naming the field, so a handler reads all it needs and then checks ok() once.
class ParamReader
{
public:
    explicit ParamReader(QJsonObject params)
        : m_params(std::move(params))
    {}

    qint64 requireId(QLatin1String name);
    std::optional<qint64> optionalId(QLatin1String name);
    qint64 requireInt(QLatin1String name, qint64 min, qint64 max);
    qint64 optionalInt(QLatin1String name, qint64 min, qint64 max, qint64 fallback);
    // A protocol string (an id, a token, a cursor, a name): longer than maxChars or shorter
    // than minChars is bad_request.
    QString requireString(QLatin1String name, int minChars, int maxChars);
    QString optionalString(QLatin1String name, int maxChars);
    // Text a person writes, limited by its entry in textFields (Limits.h): longer is too_large
    // with details.limit, emptier than minChars (after trimming) is bad_request.
    QString requireText(QLatin1String name, int minChars);
    QString optionalText(QLatin1String name);
    QList<int> requireIntList(QLatin1String name, int maxCount);
    // An array of 1 to maxCount objects, each read with its own ParamReader.
    QList<QJsonObject> requireObjectList(QLatin1String name, int maxCount);
    double optionalNumber(QLatin1String name, double fallback);
    // More than maxCount items, or an item longer than maxChars, is too_large.
    QStringList optionalStringList(QLatin1String name, int maxCount, int maxChars);
    bool has(QLatin1String name) const { return m_params.contains(name); }

    bool ok() const { return !m_error; }
    const ProtocolError &error() const { return *m_error; }
    // Records a problem a rule across fields found (kept only if it is the first).
    void fail(ErrorCode code, const QString &message, QJsonObject details = {});

private:
    QString readString(QLatin1String name, int minChars, int maxChars, ErrorCode overLimit);

    QJsonObject m_params;
    std::optional<ProtocolError> m_error;
};
