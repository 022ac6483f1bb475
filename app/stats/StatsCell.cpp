#include "StatsCell.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>

#include <algorithm>

namespace {

constexpr quint8 StorageVersion = 1;

QJsonArray pairs(const std::map<int, qint64> &map)
{
    QJsonArray out;
    for (const auto &[key, n] : map)
        out.append(QJsonArray{key, n});
    return out;
}

std::optional<std::map<int, qint64>> pairsFrom(const QJsonValue &value, int limit)
{
    std::map<int, qint64> out;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
            return std::nullopt;
        const int key = pair.at(0).toInt(-1);
        const qint64 n = pair.at(1).toInteger(-1);
        if (key < 0 || key > limit || n <= 0 || out.count(key))
            return std::nullopt;
        out[key] = n;
    }
    return out;
}

qint64 total(const std::map<int, qint64> &map)
{
    qint64 n = 0;
    for (const auto &entry : map)
        n += entry.second;
    return n;
}

QJsonObject durationJson(const DurationHistogram &h)
{
    return {{QStringLiteral("count"), h.count()},
            {QStringLiteral("p50Ms"), h.percentileMs(50)},
            {QStringLiteral("p90Ms"), h.percentileMs(90)},
            {QStringLiteral("minMs"), h.minMs()},
            {QStringLiteral("maxMs"), h.maxMs()},
            {QStringLiteral("sumMs"), h.sumMs()},
            {QStringLiteral("exact"), h.isExact()},
            {QStringLiteral("buckets"), pairs(h.buckets())},
            {QStringLiteral("minutes"), pairs(h.minuteBuckets())}};
}

std::optional<DurationHistogram> durationFrom(const QJsonObject &json)
{
    const qint64 count = json.value(QLatin1String("count")).toInteger(-1);
    const qint64 min = json.value(QLatin1String("minMs")).toInteger(-1);
    const qint64 max = json.value(QLatin1String("maxMs")).toInteger(-1);
    const qint64 sum = json.value(QLatin1String("sumMs")).toInteger(-1);
    auto buckets =
        pairsFrom(json.value(QLatin1String("buckets")), DurationHistogram::BucketCount - 1);
    auto minutes =
        pairsFrom(json.value(QLatin1String("minutes")), DurationHistogram::MinuteBuckets);
    const qint64 p50 = json.value(QLatin1String("p50Ms")).toInteger(-1);
    const qint64 p90 = json.value(QLatin1String("p90Ms")).toInteger(-1);
    if (count < 0 || min < 0 || max < min || sum < 0 || !buckets || !minutes ||
        total(*buckets) != count || total(*minutes) != count || p50 < 0 || p90 < p50 ||
        (count > 0 && (p50 < min || p90 > max)))
        return std::nullopt;
    DurationHistogram h = DurationHistogram::fromParts(count, min, max, sum, std::move(*buckets),
                                                       std::move(*minutes));
    h.setReported(p50, p90, json.value(QLatin1String("exact")).toBool());
    return h;
}

// The counters in one fixed order, for the codecs and for merge.
constexpr std::size_t CounterCount = 12;
const char *const counterNames[CounterCount] = {
    "received", "claimed", "closed",  "rated",    "transfersIn", "transfersOut",
    "textIn",   "voiceIn", "textOut", "voiceOut", "voiceMsIn",   "voiceMsOut"};

std::array<qint64 *, CounterCount> counters(StatsCell &c)
{
    return {&c.received, &c.claimed, &c.closed,  &c.rated,    &c.transfersIn, &c.transfersOut,
            &c.textIn,   &c.voiceIn, &c.textOut, &c.voiceOut, &c.voiceMsIn,   &c.voiceMsOut};
}

std::array<qint64, CounterCount> values(const StatsCell &c)
{
    return {c.received, c.claimed, c.closed,  c.rated,    c.transfersIn, c.transfersOut,
            c.textIn,   c.voiceIn, c.textOut, c.voiceOut, c.voiceMsIn,   c.voiceMsOut};
}

void writeHistogram(QDataStream &out, const DurationHistogram &h)
{
    out << h.count() << h.minMs() << h.maxMs() << h.sumMs();
    for (const auto *map : {&h.buckets(), &h.minuteBuckets()}) {
        out << quint32(map->size());
        for (const auto &[key, n] : *map)
            out << quint16(key) << n;
    }
}

std::optional<DurationHistogram> readHistogram(QDataStream &in)
{
    qint64 count = 0, min = 0, max = 0, sum = 0;
    in >> count >> min >> max >> sum;
    std::map<int, qint64> parts[2];
    for (auto &map : parts) {
        quint32 size = 0;
        in >> size;
        if (size >
            quint32(std::max(DurationHistogram::BucketCount, DurationHistogram::MinuteBuckets + 1)))
            return std::nullopt;
        const int limit = &map == &parts[0] ? DurationHistogram::BucketCount - 1
                                            : DurationHistogram::MinuteBuckets;
        for (quint32 i = 0; i < size; ++i) {
            quint16 key = 0;
            qint64 n = 0;
            in >> key >> n;
            if (key > limit || n <= 0 || map.count(key))
                return std::nullopt;
            map[key] = n;
        }
    }
    if (in.status() != QDataStream::Ok || count < 0 || min < 0 || max < min || sum < 0 ||
        total(parts[0]) != count || total(parts[1]) != count)
        return std::nullopt;
    return DurationHistogram::fromParts(count, min, max, sum, std::move(parts[0]),
                                        std::move(parts[1]));
}

} // namespace

qint64 StatsCell::ratingSum() const
{
    qint64 sum = 0;
    for (int i = 0; i < 5; ++i)
        sum += ratings[size_t(i)] * (i + 1);
    return sum;
}

bool StatsCell::isEmpty() const
{
    return *this == StatsCell();
}

void StatsCell::merge(const StatsCell &other)
{
    const auto mine = counters(*this);
    const auto theirs = values(other);
    for (std::size_t i = 0; i < CounterCount; ++i)
        *mine[i] += theirs[i];
    for (size_t i = 0; i < ratings.size(); ++i)
        ratings[i] += other.ratings[i];
    waiting.merge(other.waiting);
    firstResponse.merge(other.firstResponse);
    handling.merge(other.handling);
    for (size_t d = 0; d < 7; ++d)
        for (size_t h = 0; h < 24; ++h)
            receivedByHour[d][h] += other.receivedByHour[d][h];
    representatives.unite(other.representatives);
    for (const auto &[key, n] : other.transfers)
        transfers[key] += n;
}

void StatsCell::dropSamples()
{
    waiting.dropSamples();
    firstResponse.dropSamples();
    handling.dropSamples();
}

bool StatsCell::operator==(const StatsCell &o) const
{
    return values(*this) == values(o) && ratings == o.ratings && waiting == o.waiting &&
           firstResponse == o.firstResponse && handling == o.handling &&
           receivedByHour == o.receivedByHour && representatives == o.representatives &&
           transfers == o.transfers;
}

QJsonObject StatsCell::toJson() const
{
    QJsonObject json;
    const auto counts = values(*this);
    for (std::size_t i = 0; i < CounterCount; ++i)
        json.insert(QLatin1String(counterNames[i]), counts[i]);
    QJsonArray ratingArray;
    for (qint64 n : ratings)
        ratingArray.append(n);
    json.insert(QStringLiteral("ratings"), ratingArray);
    json.insert(QStringLiteral("waiting"), durationJson(waiting));
    json.insert(QStringLiteral("firstResponse"), durationJson(firstResponse));
    json.insert(QStringLiteral("handling"), durationJson(handling));
    QJsonArray hours; // [weekday, hour, count] where count > 0
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h)
            if (const qint64 n = receivedByHour[size_t(d)][size_t(h)])
                hours.append(QJsonArray{d, h, n});
    json.insert(QStringLiteral("receivedByHour"), hours);
    json.insert(QStringLiteral("representatives"), qint64(representatives.size()));
    QJsonArray transferArray;
    for (const auto &[key, n] : transfers)
        transferArray.append(
            QJsonObject{{QStringLiteral("direction"),
                         key.outgoing ? QStringLiteral("out") : QStringLiteral("in")},
                        {QStringLiteral("departmentId"), key.otherDepartmentId},
                        {QStringLiteral("reason"), key.reason},
                        {QStringLiteral("count"), n}});
    json.insert(QStringLiteral("transfers"), transferArray);
    return json;
}

std::optional<StatsCell> StatsCell::fromJson(const QJsonObject &json)
{
    StatsCell cell;
    bool ok = true;
    const auto counts = counters(cell);
    for (std::size_t i = 0; i < CounterCount; ++i) {
        *counts[i] = json.value(QLatin1String(counterNames[i])).toInteger(-1);
        ok = ok && *counts[i] >= 0;
    }
    const QJsonArray ratingArray = json.value(QLatin1String("ratings")).toArray();
    ok = ok && ratingArray.size() == 5;
    for (int i = 0; ok && i < 5; ++i) {
        cell.ratings[size_t(i)] = ratingArray.at(i).toInteger(-1);
        ok = cell.ratings[size_t(i)] >= 0;
    }
    auto wait = durationFrom(json.value(QLatin1String("waiting")).toObject());
    auto first = durationFrom(json.value(QLatin1String("firstResponse")).toObject());
    auto hold = durationFrom(json.value(QLatin1String("handling")).toObject());
    if (!ok || !wait || !first || !hold)
        return std::nullopt;
    cell.waiting = std::move(*wait);
    cell.firstResponse = std::move(*first);
    cell.handling = std::move(*hold);
    for (const QJsonValue &item : json.value(QLatin1String("receivedByHour")).toArray()) {
        const QJsonArray triple = item.toArray();
        const int d = triple.at(0).toInt(-1), h = triple.at(1).toInt(-1);
        const qint64 n = triple.at(2).toInteger(-1);
        if (triple.size() != 3 || d < 0 || d > 6 || h < 0 || h > 23 || n < 0)
            return std::nullopt;
        cell.receivedByHour[size_t(d)][size_t(h)] = n;
    }
    // The wire carries how many representatives, not who: enough for a dashboard, and nothing
    // a client could add up across ranges wrongly. Placeholder ids keep the count.
    const qint64 reps = json.value(QLatin1String("representatives")).toInteger(-1);
    if (reps < 0 || reps > 10'000'000)
        return std::nullopt;
    for (qint64 i = 1; i <= reps; ++i)
        cell.representatives.insert(-i);
    for (const QJsonValue &item : json.value(QLatin1String("transfers")).toArray()) {
        const QJsonObject t = item.toObject();
        const QString direction = t.value(QLatin1String("direction")).toString();
        const qint64 n = t.value(QLatin1String("count")).toInteger(-1);
        if ((direction != QLatin1String("in") && direction != QLatin1String("out")) || n <= 0)
            return std::nullopt;
        cell.transfers[{direction == QLatin1String("out"),
                        t.value(QLatin1String("departmentId")).toInteger(),
                        t.value(QLatin1String("reason")).toString()}] = n;
    }
    return cell;
}

QByteArray StatsCell::toStorage() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << StorageVersion;
    for (qint64 value : values(*this))
        out << value;
    for (qint64 n : ratings)
        out << n;
    writeHistogram(out, waiting);
    writeHistogram(out, firstResponse);
    writeHistogram(out, handling);
    // Sparse: most cells (a responder's, a delegation's) have no arrivals by hour at all.
    quint16 hours = 0;
    for (const auto &day : receivedByHour)
        hours += quint16(std::count_if(day.cbegin(), day.cend(), [](qint64 n) { return n != 0; }));
    out << hours;
    for (size_t d = 0; d < 7; ++d)
        for (size_t h = 0; h < 24; ++h)
            if (const qint64 n = receivedByHour[d][h])
                out << quint8(d * 24 + h) << n;
    out << quint32(representatives.size());
    for (qint64 id : representatives)
        out << id;
    out << quint32(transfers.size());
    for (const auto &[key, n] : transfers)
        out << key.outgoing << key.otherDepartmentId << key.reason << n;
    return bytes;
}

std::optional<StatsCell> StatsCell::fromStorage(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    in >> version;
    if (version != StorageVersion)
        return std::nullopt;
    StatsCell cell;
    for (qint64 *value : counters(cell))
        in >> *value;
    for (qint64 &n : cell.ratings)
        in >> n;
    for (qint64 value : values(cell))
        if (value < 0)
            return std::nullopt;
    for (qint64 n : cell.ratings)
        if (n < 0)
            return std::nullopt;
    auto wait = readHistogram(in);
    auto first = readHistogram(in);
    auto hold = readHistogram(in);
    if (!wait || !first || !hold)
        return std::nullopt;
    cell.waiting = std::move(*wait);
    cell.firstResponse = std::move(*first);
    cell.handling = std::move(*hold);
    quint16 hours = 0;
    in >> hours;
    if (hours > 7 * 24)
        return std::nullopt;
    for (quint16 i = 0; i < hours; ++i) {
        quint8 slot = 0;
        qint64 n = 0;
        in >> slot >> n;
        if (slot >= 7 * 24)
            return std::nullopt;
        cell.receivedByHour[slot / 24][slot % 24] = n;
    }
    quint32 reps = 0;
    in >> reps;
    if (in.status() != QDataStream::Ok || qint64(reps) > bytes.size())
        return std::nullopt;
    cell.representatives.reserve(int(reps));
    for (quint32 i = 0; i < reps; ++i) {
        qint64 id = 0;
        in >> id;
        cell.representatives.insert(id);
    }
    quint32 transferCount = 0;
    in >> transferCount;
    if (in.status() != QDataStream::Ok || qint64(transferCount) > bytes.size())
        return std::nullopt;
    for (quint32 i = 0; i < transferCount; ++i) {
        TransferKey key;
        qint64 n = 0;
        in >> key.outgoing >> key.otherDepartmentId >> key.reason >> n;
        cell.transfers[key] = n;
    }
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return cell;
}
