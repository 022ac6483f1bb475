#include "ParamReader.h"

#include <algorithm>

#include "Limits.h"

#include <QJsonArray>
#include <cmath>

namespace {
constexpr double maxSafeInteger = 9007199254740991.0; // 2^53 - 1

std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > maxSafeInteger)
        return std::nullopt;
    return static_cast<qint64>(d);
}

int textLimit(QLatin1String name)
{
    for (const TextField &field : textFields) {
        if (name == QLatin1String(field.name))
            return field.maxChars;
    }
    Q_ASSERT_X(false, "ParamReader", "a text field missing from Limits::textFields");
    return 0;
}
} // namespace

void ParamReader::fail(ErrorCode code, const QString &message, QJsonObject details)
{
    if (!m_error)
        m_error = ProtocolError::make(code, message, std::move(details));
}

qint64 ParamReader::requireId(QLatin1String name)
{
    return requireInt(name, 1, static_cast<qint64>(maxSafeInteger));
}

std::optional<qint64> ParamReader::optionalId(QLatin1String name)
{
    if (!has(name) || m_params.value(name).isNull())
        return std::nullopt;
    return requireId(name);
}

qint64 ParamReader::requireInt(QLatin1String name, qint64 min, qint64 max)
{
    const QJsonValue value = m_params.value(name);
    const auto number = integerValue(value);
    if (!number) {
        fail(ErrorCode::BadRequest, QStringLiteral("field '%1' must be an integer").arg(name));
        return 0;
    }
    if (*number < min || *number > max) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("field '%1' must be between %2 and %3").arg(name).arg(min).arg(max));
        return 0;
    }
    return *number;
}

qint64 ParamReader::optionalInt(QLatin1String name, qint64 min, qint64 max, qint64 fallback)
{
    if (!has(name) || m_params.value(name).isNull())
        return fallback;
    return requireInt(name, min, max);
}

QString ParamReader::requireString(QLatin1String name, int minChars, int maxChars)
{
    return readString(name, minChars, maxChars, ErrorCode::BadRequest);
}

QString ParamReader::requireText(QLatin1String name, int minChars)
{
    return readString(name, minChars, textLimit(name), ErrorCode::TooLarge);
}

QString ParamReader::optionalText(QLatin1String name)
{
    if (!has(name) || m_params.value(name).isNull())
        return {};
    return requireText(name, 0);
}

QString ParamReader::readString(QLatin1String name, int minChars, int maxChars, ErrorCode overLimit)
{
    const QJsonValue value = m_params.value(name);
    if (!value.isString()) {
        fail(ErrorCode::BadRequest, QStringLiteral("field '%1' must be a string").arg(name));
        return {};
    }
    const QString text = value.toString();
    // No text anyone types holds U+0000, and PostgreSQL cannot store it (Qt's driver would even
    // cut the statement there): refused here, for every field, on every engine.
    if (text.contains(QChar(0))) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("field '%1' contains a null character").arg(name));
        return {};
    }
    if (text.size() > maxChars) {
        fail(overLimit,
             QStringLiteral("field '%1' is longer than %2 characters").arg(name).arg(maxChars),
             {{QStringLiteral("field"), QString(name)}, {QStringLiteral("limit"), maxChars}});
        return {};
    }
    if (text.trimmed().size() < minChars) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("field '%1' needs at least %2 characters").arg(name).arg(minChars));
        return {};
    }
    return text;
}

QString ParamReader::optionalString(QLatin1String name, int maxChars)
{
    if (!has(name) || m_params.value(name).isNull())
        return {};
    return requireString(name, 0, maxChars);
}

QList<int> ParamReader::requireIntList(QLatin1String name, int maxCount)
{
    const QJsonValue value = m_params.value(name);
    if (!value.isArray() || value.toArray().size() > maxCount) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("field '%1' must be an array of at most %2 integers")
                 .arg(name)
                 .arg(maxCount));
        return {};
    }
    QList<int> numbers;
    for (const QJsonValue &item : value.toArray()) {
        const auto number = integerValue(item);
        if (!number || *number < 0 || *number > 1000000) {
            fail(ErrorCode::BadRequest,
                 QStringLiteral("field '%1' must hold small non-negative integers").arg(name));
            return {};
        }
        numbers << static_cast<int>(*number);
    }
    return numbers;
}

QList<QJsonObject> ParamReader::requireObjectList(QLatin1String name, int maxCount)
{
    const QJsonValue value = m_params.value(name);
    const QJsonArray array = value.toArray();
    const bool objects = std::all_of(array.begin(), array.end(),
                                     [](const QJsonValue &item) { return item.isObject(); });
    if (!value.isArray() || array.isEmpty() || array.size() > maxCount || !objects) {
        fail(ErrorCode::BadRequest, QStringLiteral("field '%1' must be an array of 1 to %2 objects")
                                        .arg(name)
                                        .arg(maxCount));
        return {};
    }
    QList<QJsonObject> list;
    for (const QJsonValue &item : array)
        list << item.toObject();
    return list;
}

double ParamReader::optionalNumber(QLatin1String name, double fallback)
{
    if (!has(name) || m_params.value(name).isNull())
        return fallback;
    const QJsonValue value = m_params.value(name);
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        fail(ErrorCode::BadRequest, QStringLiteral("field '%1' must be a number").arg(name));
        return fallback;
    }
    return value.toDouble();
}

QStringList ParamReader::optionalStringList(QLatin1String name, int maxCount, int maxChars)
{
    if (!has(name) || m_params.value(name).isNull())
        return {};
    const QJsonValue value = m_params.value(name);
    if (!value.isArray()) {
        fail(ErrorCode::BadRequest, QStringLiteral("field '%1' must be an array").arg(name));
        return {};
    }
    const QJsonArray items = value.toArray();
    if (items.size() > maxCount) {
        fail(ErrorCode::TooLarge,
             QStringLiteral("field '%1' holds more than %2 items").arg(name).arg(maxCount),
             {{QStringLiteral("field"), QString(name)}, {QStringLiteral("limit"), maxCount}});
        return {};
    }
    QStringList strings;
    for (const QJsonValue &item : items) {
        if (!item.isString() || item.toString().trimmed().isEmpty()) {
            fail(ErrorCode::BadRequest,
                 QStringLiteral("field '%1' must hold non-empty strings").arg(name));
            return {};
        }
        if (item.toString().size() > maxChars) {
            fail(ErrorCode::TooLarge,
                 QStringLiteral("an item of '%1' is longer than %2 characters")
                     .arg(name)
                     .arg(maxChars),
                 {{QStringLiteral("field"), QString(name)}, {QStringLiteral("limit"), maxChars}});
            return {};
        }
        strings << item.toString();
    }
    return strings;
}
