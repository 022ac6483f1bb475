// The officer's side of the browser tests: a responder signed in through the console's own
// protocol client (TestClient over app/sync's ProtocolClient), following one script and saying
// what it saw as JSON lines on stdout, which the Node test reads:
//   {"ready":{"departmentId":N}}
//   {"consultation":{...}}        the page's new consultation arrived (by its subject)
//   {"message":{...}}             the representative's text arrived (the first one)
//   {"replied":{...}}             claimed, answered with --reply (and the Ogg Opus file
//                                 --reply-voice, when given, with --transcript as the
//                                 officer's correction of its transcript), closed with
//                                 --summary
//   {"rated":{...}}               the consultation as rated by the page
// With --collect-voice DIR --count N it instead waits for N voice messages from the
// representative in that consultation, fetches each clip as an officer would and writes it to
// DIR/<message id>.opus: {"voice":{...message, "file": path}} for each.
// Any step not reached in time: {"error":"..."} and exit status 1.

#include "TestClient.h"
#include "VoiceUpload.h"

#include "app/protocol/VoiceChunk.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QUuid>
#include <cstdio>

namespace {

void say(const QString &key, const QJsonValue &value)
{
    const QByteArray line = QJsonDocument(QJsonObject{{key, value}}).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

int fail(const QString &why)
{
    say(QStringLiteral("error"), why);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("server"),
                                 QStringLiteral("ws-url"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("responder"),
                                  QStringLiteral("login"), QStringLiteral("jw.2"));
    const QCommandLineOption subject(QStringLiteral("subject"), QStringLiteral("to wait for"),
                                     QStringLiteral("text"));
    const QCommandLineOption reply(QStringLiteral("reply"), QStringLiteral("answer"),
                                   QStringLiteral("text"));
    const QCommandLineOption summary(QStringLiteral("summary"), QStringLiteral("closing summary"),
                                     QStringLiteral("text"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"), QStringLiteral("per step"),
                                     QStringLiteral("ms"), QStringLiteral("60000"));
    const QCommandLineOption collect(QStringLiteral("collect-voice"),
                                     QStringLiteral("folder for the clips"), QStringLiteral("dir"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("voice messages"),
                                   QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption replyVoice(QStringLiteral("reply-voice"),
                                        QStringLiteral("an Ogg Opus clip to answer with too"),
                                        QStringLiteral("file"));
    const QCommandLineOption transcript(QStringLiteral("transcript"),
                                        QStringLiteral("the voice reply's text"),
                                        QStringLiteral("text"));
    parser.addOptions(
        {url, user, subject, reply, summary, timeout, collect, count, replyVoice, transcript});
    parser.process(app);
    const int stepMs = parser.value(timeout).toInt();

    TestClient client(QUrl(parser.value(url)));
    if (!client.connectAndHello() || !client.login(parser.value(user), QStringLiteral("demo2026")))
        return fail(QStringLiteral("cannot sign in"));
    say(QStringLiteral("ready"),
        QJsonObject{{QStringLiteral("departmentId"),
                     client.principal().value(QStringLiteral("departmentId"))}});

    const auto created = client.waitForEvent(
        QStringLiteral("consultation.created"),
        [&](const QJsonObject &data) {
            return data.value(QStringLiteral("consultation"))
                       .toObject()
                       .value(QStringLiteral("subject"))
                       .toString() == parser.value(subject);
        },
        stepMs);
    if (!created)
        return fail(QStringLiteral("no consultation with that subject"));
    const QJsonObject consultation = created->value(QStringLiteral("consultation")).toObject();
    const qint64 id = consultation.value(QStringLiteral("id")).toInteger();
    say(QStringLiteral("consultation"), consultation);

    const auto isTheirs = [id](const QJsonObject &data) {
        const QJsonObject m = data.value(QStringLiteral("message")).toObject();
        return m.value(QStringLiteral("consultationId")).toInteger() == id &&
               m.value(QStringLiteral("senderKind")).toString() == QLatin1String("representative");
    };
    if (parser.isSet(collect)) {
        const auto isVoice = [&isTheirs](const QJsonObject &data) {
            return isTheirs(data) && data.value(QStringLiteral("message"))
                                             .toObject()
                                             .value(QStringLiteral("kind"))
                                             .toString() == QLatin1String("voice");
        };
        for (int i = 0; i < parser.value(count).toInt(); ++i) {
            const auto voice =
                client.waitForEvent(QStringLiteral("message.created"), isVoice, stepMs);
            if (!voice)
                return fail(QStringLiteral("no voice message from the representative"));
            QJsonObject m = voice->value(QStringLiteral("message")).toObject();
            const qint64 messageId = m.value(QStringLiteral("id")).toInteger();
            const QJsonObject fetched = client.ok(QStringLiteral("voice.fetch"),
                                                  {{QStringLiteral("messageId"), messageId}});
            const qint64 bytes = fetched.value(QStringLiteral("bytes")).toInteger();
            QByteArray clip(bytes, '\0');
            qint64 received = 0;
            while (received < bytes) {
                const auto frame = client.waitForBinary(stepMs);
                if (!frame)
                    return fail(QStringLiteral("the clip did not arrive"));
                const auto chunk = decodeVoiceChunk(*frame);
                if (!chunk)
                    continue;
                clip.replace(chunk->offset, chunk->data.size(), chunk->data);
                received += chunk->data.size();
            }
            const QString path =
                QDir(parser.value(collect)).filePath(QStringLiteral("%1.opus").arg(messageId));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(clip) != clip.size())
                return fail(QStringLiteral("cannot write ") + path);
            m.insert(QStringLiteral("file"), path);
            say(QStringLiteral("voice"), m);
        }
        return 0;
    }

    const auto message = client.waitForEvent(QStringLiteral("message.created"), isTheirs, stepMs);
    if (!message)
        return fail(QStringLiteral("no message from the representative"));
    say(QStringLiteral("message"), message->value(QStringLiteral("message")));

    const QJsonObject target{{QStringLiteral("consultationId"), id}};
    if (client.call(QStringLiteral("consultation.claim"), target).type != Frame::Type::Result)
        return fail(QStringLiteral("claim refused"));
    QJsonObject send = target;
    send.insert(QStringLiteral("clientMsgId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    send.insert(QStringLiteral("text"), parser.value(reply));
    const Frame sent = client.call(QStringLiteral("message.send"), send);
    if (sent.type != Frame::Type::Result)
        return fail(QStringLiteral("reply refused"));
    if (parser.isSet(replyVoice)) {
        QFile clip(parser.value(replyVoice));
        if (!clip.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read ") + clip.fileName());
        const qint64 voiceId = uploadVoice(client, id, clip.readAll(), 3000);
        if (voiceId <= 0)
            return fail(QStringLiteral("voice reply refused"));
        if (parser.isSet(transcript) &&
            client.call(QStringLiteral("transcript.correct"),
                        {{QStringLiteral("messageId"), voiceId},
                         {QStringLiteral("text"), parser.value(transcript)},
                         {QStringLiteral("baseRevision"), 0},
                         {QStringLiteral("editId"),
                          QUuid::createUuid().toString(QUuid::WithoutBraces)}})
                    .type != Frame::Type::Result)
            return fail(QStringLiteral("transcript refused"));
    }
    QJsonObject close = target;
    close.insert(QStringLiteral("summary"), parser.value(summary));
    const Frame closed = client.call(QStringLiteral("consultation.close"), close);
    if (closed.type != Frame::Type::Result)
        return fail(QStringLiteral("close refused"));
    say(QStringLiteral("replied"), sent.payload.value(QStringLiteral("message")));

    const auto rated = client.waitForEvent(
        QStringLiteral("consultation.updated"),
        [id](const QJsonObject &data) {
            const QJsonObject c = data.value(QStringLiteral("consultation")).toObject();
            return c.value(QStringLiteral("id")).toInteger() == id &&
                   !c.value(QStringLiteral("rating")).isNull();
        },
        stepMs);
    if (!rated)
        return fail(QStringLiteral("not rated"));
    say(QStringLiteral("rated"), rated->value(QStringLiteral("consultation")));
    return 0;
}
