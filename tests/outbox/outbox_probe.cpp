// outbox_probe: a minimal client process around the outbox, for tests that kill a client at
// each step of sending. Writes replies into the outbox (--text), optionally stops there
// (--offline), otherwise resumes the session with --token and delivers everything pending.
// --crash-at enqueued|written|acknowledged ends the process abruptly (_exit) at that step.
#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/protocol/Methods.h"
#include "app/sync/ProtocolClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

namespace {
constexpr int crashed = 3;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption outboxPath(QStringLiteral("outbox"), QStringLiteral("Outbox file."),
                                        QStringLiteral("path"));
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Server."),
                                 QStringLiteral("url"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("Session token."),
                                   QStringLiteral("token"));
    const QCommandLineOption consultation(QStringLiteral("consultation"),
                                          QStringLiteral("Consultation id."), QStringLiteral("id"));
    const QCommandLineOption text(QStringLiteral("text"),
                                  QStringLiteral("A reply to write (repeatable)."),
                                  QStringLiteral("text"));
    const QCommandLineOption offline(QStringLiteral("offline"),
                                     QStringLiteral("Only write into the outbox."));
    const QCommandLineOption crashAt(QStringLiteral("crash-at"),
                                     QStringLiteral("enqueued, written or acknowledged."),
                                     QStringLiteral("step"));
    parser.addOptions({outboxPath, url, token, consultation, text, offline, crashAt});
    parser.process(app);
    const QString crash = parser.value(crashAt);

    auto store = OutboxStore::open(parser.value(outboxPath));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    for (const QString &reply : parser.values(text)) {
        if (!(*store)->enqueueText(parser.value(consultation).toLongLong(), reply))
            return 1;
    }
    if (crash == QLatin1String("enqueued"))
        _exit(crashed);
    if (parser.isSet(offline))
        return 0;

    ProtocolClient client;
    OutboxSender sender(**store, client);
    QObject::connect(&sender, &OutboxSender::requestWritten, [&](const QString &) {
        if (crash == QLatin1String("written"))
            _exit(crashed);
    });
    QObject::connect(&sender, &OutboxSender::acknowledged, [&](const OutboxItem &, qint64) {
        if (crash == QLatin1String("acknowledged"))
            _exit(crashed);
    });
    QObject::connect(&sender, &OutboxSender::drained, &app, [&app] { app.exit(0); });
    QObject::connect(&client, &ProtocolClient::opened, [&] {
        client.request(Method::Hello, {{QStringLiteral("versions"), QJsonArray{1}}});
        client.request(Method::Resume, {{QStringLiteral("token"), parser.value(token)}},
                       [&](const Frame &reply) {
                           if (reply.type != Frame::Type::Result)
                               app.exit(1);
                           sender.setOnline(true);
                       });
    });
    client.open(QUrl(parser.value(url)));
    QTimer::singleShot(30000, &app, [&app] { app.exit(2); });
    return app.exec();
}
