#include "TestClient.h"

#include <QDeadlineTimer>
#include <QUuid>
#include <QtTest>

namespace {
// Spins the event loop until the predicate holds or the time is up.
template<typename Predicate> bool spinUntil(Predicate done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(1);
    }
    return true;
}
} // namespace

std::optional<std::pair<Frame, Frame>> TestClient::callAtOnce(TestClient &first, TestClient &second,
                                                              const QString &method,
                                                              const QJsonObject &params,
                                                              int timeoutMs)
{
    std::optional<Frame> a, b;
    first.m_client.request(method, params, [&a](const Frame &f) { a = f; });
    second.m_client.request(method, params, [&b](const Frame &f) { b = f; });
    if (!spinUntil([&] { return a && b; }, timeoutMs))
        return std::nullopt;
    return std::make_pair(*a, *b);
}

TestClient::TestClient(const QUrl &url)
    : m_url(url)
{
    QObject::connect(&m_client, &ProtocolClient::eventReceived,
                     [this](const QString &name, const QJsonObject &data) {
                         m_events.append({name, data});
                     });
    QObject::connect(&m_client, &ProtocolClient::unmatchedError,
                     [this](const Frame &f) { m_unmatched.append(f); });
    QObject::connect(&m_client, &ProtocolClient::binaryReceived,
                     [this](const QByteArray &b) { m_binaries.append(b); });
    QObject::connect(&m_client, &ProtocolClient::closed,
                     [this](int code, const QString &) { m_closeCode = code; });
}

bool TestClient::open(int timeoutMs)
{
    m_client.open(m_url);
    return spinUntil([this] { return m_client.isOpen() || m_closeCode.has_value(); }, timeoutMs) &&
           m_client.isOpen();
}

bool TestClient::hello(const QList<int> &versions)
{
    QJsonArray offered;
    for (int v : versions)
        offered.append(v);
    const Frame reply =
        call(QStringLiteral("hello"), {{QStringLiteral("versions"), offered},
                                       {QStringLiteral("client"), QStringLiteral("tests/1")}});
    return reply.type == Frame::Type::Result;
}

bool TestClient::signIn(const QString &method, const QString &user, const QString &password)
{
    const Frame reply =
        call(method, {{QStringLiteral("user"), user}, {QStringLiteral("password"), password}});
    if (reply.type != Frame::Type::Result)
        return false;
    m_token = reply.payload.value(QLatin1String("token")).toString();
    m_principal = reply.payload.value(QLatin1String("principal")).toObject();
    return true;
}

bool TestClient::login(const QString &user, const QString &password)
{
    return signIn(QStringLiteral("auth.login"), user, password);
}

bool TestClient::repLogin(const QString &user, const QString &password)
{
    return signIn(QStringLiteral("auth.repLogin"), user, password);
}

Frame TestClient::call(const QString &method, const QJsonObject &params, int timeoutMs)
{
    std::optional<Frame> reply;
    m_client.request(method, params, [&reply](const Frame &f) { reply = f; });
    if (!spinUntil([&reply] { return reply.has_value(); }, timeoutMs)) {
        Frame timeout;
        timeout.type = Frame::Type::Error;
        timeout.errorMessage = QStringLiteral("timeout");
        return timeout;
    }
    return *reply;
}

QJsonObject TestClient::ok(const QString &method, const QJsonObject &params)
{
    const Frame reply = call(method, params);
    if (reply.type != Frame::Type::Result) {
        QTest::qFail(
            qPrintable(QStringLiteral("%1 failed: %2 %3")
                           .arg(method, errorCodeName(reply.errorCode), reply.errorMessage)),
            __FILE__, __LINE__);
        return {};
    }
    return reply.payload;
}

QString TestClient::fails(const QString &method, const QJsonObject &params)
{
    const Frame reply = call(method, params);
    if (reply.type == Frame::Type::Result) {
        QTest::qFail(qPrintable(method + QStringLiteral(" unexpectedly succeeded")), __FILE__,
                     __LINE__);
        return {};
    }
    return reply.errorMessage == QLatin1String("timeout") ? QStringLiteral("timeout")
                                                          : errorCodeName(reply.errorCode);
}

qint64 TestClient::openConsultation(qint64 departmentId, const QString &subject,
                                    const QString &clientId)
{
    return ok(QStringLiteral("consultation.create"),
              {{QStringLiteral("departmentId"), departmentId},
               {QStringLiteral("subject"), subject},
               {QStringLiteral("clientId"),
                clientId.isEmpty() ? QUuid::createUuid().toString() : clientId}})
        .value(QLatin1String("consultation"))
        .toObject()
        .value(QLatin1String("id"))
        .toInteger();
}

std::optional<QJsonObject> TestClient::waitForEvent(const QString &name, int timeoutMs)
{
    std::optional<QJsonObject> found;
    spinUntil(
        [&] {
            for (int i = 0; i < m_events.size(); ++i) {
                if (m_events.at(i).first == name) {
                    found = m_events.takeAt(i).second;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

std::optional<QJsonObject>
TestClient::waitForEvent(const QString &name, const std::function<bool(const QJsonObject &)> &match,
                         int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const auto event =
            waitForEvent(name, static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
        if (event && match(*event))
            return event;
    }
    return std::nullopt;
}

bool TestClient::noEvent(const QString &name, int waitMs)
{
    return !waitForEvent(name, waitMs).has_value();
}

std::optional<Frame> TestClient::waitForUnmatchedError(int timeoutMs)
{
    if (!spinUntil([this] { return !m_unmatched.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_unmatched.takeFirst();
}

std::optional<QByteArray> TestClient::waitForBinary(int timeoutMs)
{
    if (!spinUntil([this] { return !m_binaries.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_binaries.takeFirst();
}

std::optional<int> TestClient::waitForClose(int timeoutMs)
{
    spinUntil([this] { return m_closeCode.has_value(); }, timeoutMs);
    return m_closeCode;
}
