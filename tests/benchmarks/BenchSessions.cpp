#include "BenchSessions.h"

#include "app/protocol/Frame.h"
#include "app/sync/ProtocolClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>

void print(const char *name, double value, const char *unit, const char *target)
{
    std::printf("%s: %.1f %s (target: %s)\n", name, value, unit, target);
    std::fflush(stdout);
}

bool spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

int signIn(QList<Session> &sessions, const QUrl &url, const QString &method,
           const std::function<QString(int)> &login, const QString &password)
{
    std::function<void(int)> attempt = [&sessions, &attempt, method, login, password](int i) {
        sessions[i].client->request(
            method, {{QStringLiteral("user"), login(i)}, {QStringLiteral("password"), password}},
            [&sessions, &attempt, i](const Frame &f) {
                if (f.errorCode == ErrorCode::Throttled && f.type == Frame::Type::Error) {
                    const int wait = f.payload.value(QLatin1String("retryAfterMs")).toInt();
                    QTimer::singleShot(wait, qApp, [&attempt, i] { attempt(i); });
                    return;
                }
                sessions[i].ready = f.type == Frame::Type::Result;
            });
    };
    for (int i = 0; i < sessions.size(); ++i) {
        sessions[i].client = new ProtocolClient(qApp);
        ProtocolClient *client = sessions[i].client;
        QObject::connect(client, &ProtocolClient::opened, client, [client, &attempt, i] {
            client->request(QStringLiteral("hello"), {{QStringLiteral("versions"), QJsonArray{1}}});
            attempt(i);
        });
        client->open(url);
    }
    spin(
        [&] {
            return std::all_of(sessions.cbegin(), sessions.cend(),
                               [](const Session &s) { return s.ready; });
        },
        180000);
    return static_cast<int>(std::count_if(sessions.cbegin(), sessions.cend(),
                                          [](const Session &s) { return s.ready; }));
}

QString sendFrame(qint64 consultationId, const QString &key)
{
    return QString::fromUtf8(encodeRequest(
        key, QStringLiteral("message.send"),
        {{QStringLiteral("consultationId"), consultationId},
         {QStringLiteral("clientMsgId"), key},
         {QStringLiteral("text"), QStringLiteral("请问这个政策什么时候开始实施？")}}));
}

QString fieldIn(const QString &text, const QString &field)
{
    const QString marker = QLatin1Char('"') + field + QStringLiteral("\":\"");
    const int at = text.indexOf(marker);
    if (at < 0)
        return {};
    const int start = at + marker.size();
    return text.mid(start, text.indexOf(QLatin1Char('"'), start) - start);
}

Phases runPhases(const QList<LoadRun::Sender> &senders, const LoadShape &shape,
                 const std::function<QList<QMetaObject::Connection>(LoadRun &)> &wire)
{
    Phases result;
    for (const bool saturate : {false, true}) {
        LoadRun run(senders);
        const QList<QMetaObject::Connection> wires = wire(run);
        const LoadRun::Figures figures = saturate
                                             ? run.closedLoop(shape.window, shape.saturateSeconds)
                                             : run.openLoop(shape.offeredRate, shape.seconds);
        for (const auto &connection : wires)
            QObject::disconnect(connection);
        (saturate ? result.saturated : result.open) = figures;
    }
    return result;
}

Phases consultationLoad(QList<Session> &reps, QList<Session> &responders,
                        const DemoCatalog &catalog, const LoadShape &shape)
{
    // Each representative opens a consultation that one responder claims.
    QHash<QString, int> assigneeOf; // consultation id -> responder index
    int claimed = 0;
    for (int i = 0; i < reps.size(); ++i) {
        const int r = i % static_cast<int>(responders.size());
        reps[i].client->request(
            QStringLiteral("consultation.create"),
            {{QStringLiteral("departmentId"), catalog.responders.at(r).department + 1},
             {QStringLiteral("subject"), QStringLiteral("压测")},
             {QStringLiteral("clientId"), QStringLiteral("bench-%1").arg(i)}},
            [&, i, r](const Frame &f) {
                const qint64 id = f.payload.value(QLatin1String("consultation"))
                                      .toObject()
                                      .value(QLatin1String("id"))
                                      .toInteger();
                reps[i].consultationId = id;
                responders[r].client->request(
                    QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}},
                    [&claimed](const Frame &c) { claimed += c.type == Frame::Type::Result; });
            });
    }
    spin([&] { return claimed == reps.size(); }, 60000);

    QList<LoadRun::Sender> senders;
    for (Session &rep : reps) {
        const qint64 id = rep.consultationId;
        senders.append(
            {&rep.client->socket(), [id](const QString &key) { return sendFrame(id, key); }, 0});
    }
    // Raw frames from here on: acknowledgements counted per sender, deliveries timed at the
    // responders; the clients' own JSON decoding stays out of the measurement.
    return runPhases(senders, shape, [&](LoadRun &run) {
        QList<QMetaObject::Connection> wires;
        for (int i = 0; i < reps.size(); ++i) {
            reps[i].client->socket().disconnect(reps[i].client);
            wires << QObject::connect(&reps[i].client->socket(), &QWebSocket::textMessageReceived,
                                      [&run, i](const QString &text) {
                                          if (text.contains(QLatin1String("\"type\":\"res\"")))
                                              run.acknowledged(i,
                                                               fieldIn(text, QStringLiteral("id")));
                                      });
        }
        for (Session &responder : responders) {
            responder.client->socket().disconnect(responder.client);
            wires << QObject::connect(&responder.client->socket(), &QWebSocket::textMessageReceived,
                                      [&run](const QString &text) {
                                          if (text.contains(QLatin1String("\"message.created\"")))
                                              run.delivered(
                                                  fieldIn(text, QStringLiteral("clientMsgId")));
                                      });
        }
        return wires;
    });
}
