#pragma once

#include "app/sync/ProtocolClient.h"

#include <QJsonObject>
#include <QList>
#include <optional>

// A blocking face of ProtocolClient for tests: each call spins the event loop until its reply,
// an event or a close arrives, bounded in time.
class TestClient
{
public:
    explicit TestClient(const QUrl &url);

    bool open(int timeoutMs = 10000);
    bool hello(const QList<int> &versions = {1});
    bool connectAndHello() { return open() && hello(); }
    bool login(const QString &user, const QString &password);
    bool repLogin(const QString &user, const QString &password);

    // The reply frame ('res' or 'err'); an 'err' with message "timeout" if none came in time.
    Frame call(const QString &method, const QJsonObject &params = {}, int timeoutMs = 15000);
    // The same call from two clients at once (both sent before either answer is awaited), for
    // races such as two desks claiming one consultation; nullopt if either got no answer.
    static std::optional<std::pair<Frame, Frame>> callAtOnce(TestClient &first, TestClient &second,
                                                             const QString &method,
                                                             const QJsonObject &params,
                                                             int timeoutMs = 10000);
    // The result of a call that must succeed; records a test failure otherwise.
    QJsonObject ok(const QString &method, const QJsonObject &params = {});
    // The error code of a call that must fail; records a test failure if it succeeded.
    QString fails(const QString &method, const QJsonObject &params = {});

    // As a representative: opens a consultation and returns its id (0, and a test failure,
    // when the server refuses). A fresh client id unless one is given.
    qint64 openConsultation(qint64 departmentId, const QString &subject,
                            const QString &clientId = {});

    void sendRaw(const QString &text) { m_client.socket().sendTextMessage(text); }
    void sendBinary(const QByteArray &bytes) { m_client.sendBinary(bytes); }

    // Waits for an event of this name not yet taken; returns its data.
    std::optional<QJsonObject> waitForEvent(const QString &name, int timeoutMs = 5000);
    // Waits for an event of this name whose data matches; earlier non-matching ones are dropped.
    std::optional<QJsonObject> waitForEvent(const QString &name,
                                            const std::function<bool(const QJsonObject &)> &match,
                                            int timeoutMs = 5000);
    // True if no event of this name arrives within the time.
    bool noEvent(const QString &name, int waitMs = 500);
    std::optional<Frame> waitForUnmatchedError(int timeoutMs = 5000);
    std::optional<QByteArray> waitForBinary(int timeoutMs = 5000);
    // The close code once the connection is closed, or nullopt if it stays open.
    std::optional<int> waitForClose(int timeoutMs = 5000);
    bool isOpen() const { return m_client.isOpen(); }
    QJsonObject principal() const { return m_principal; }
    QString token() const { return m_token; }
    ProtocolClient &client() { return m_client; }

private:
    bool signIn(const QString &method, const QString &user, const QString &password);

    QUrl m_url;
    ProtocolClient m_client;
    QList<QPair<QString, QJsonObject>> m_events;
    QList<Frame> m_unmatched;
    QList<QByteArray> m_binaries;
    std::optional<int> m_closeCode;
    QJsonObject m_principal;
    QString m_token;
};
