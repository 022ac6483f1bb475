#include "app/protocol/ErrorCode.h"
#include "app/protocol/Frame.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/ProtocolVersion.h"
#include "app/protocol/VoiceChunk.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestRoundTrip()
    {
        const QByteArray bytes =
            encodeRequest(QStringLiteral("7"), QStringLiteral("consultation.claim"),
                          {{QStringLiteral("consultationId"), 1042}});
        const auto frame = decodeFrame(bytes);
        QVERIFY(frame.hasValue());
        QCOMPARE(frame->type, Frame::Type::Request);
        QCOMPARE(frame->id, QStringLiteral("7"));
        QCOMPARE(frame->method, QStringLiteral("consultation.claim"));
        QCOMPARE(frame->payload.value(QLatin1String("consultationId")).toInt(), 1042);
    }

    void errorRoundTripKeepsCodeAndDetails()
    {
        const QByteArray bytes = encodeError(
            QStringLiteral("9"), ProtocolError::make(ErrorCode::Conflict, QStringLiteral("taken"),
                                                     {{QStringLiteral("assigneeId"), 15}}));
        const auto frame = decodeFrame(bytes);
        QVERIFY(frame.hasValue());
        QCOMPARE(frame->type, Frame::Type::Error);
        QCOMPARE(frame->errorCode, ErrorCode::Conflict);
        QCOMPARE(frame->payload.value(QLatin1String("assigneeId")).toInt(), 15);
    }

    void errorWithoutRequestHasNullId()
    {
        const QJsonObject json =
            QJsonDocument::fromJson(
                encodeError({}, ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("x"))))
                .object();
        QVERIFY(json.value(QLatin1String("id")).isNull());
    }

    void malformedFramesAreBadRequests_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expectedId");
        QTest::newRow("not json") << QByteArray("{\"type\":") << QString();
        QTest::newRow("array") << QByteArray("[1,2]") << QString();
        QTest::newRow("no type") << QByteArray(R"({"id":"3","method":"ping"})")
                                 << QStringLiteral("3");
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"rpc","id":"4"})") << QStringLiteral("4");
        QTest::newRow("id not string")
            << QByteArray(R"({"type":"req","id":5,"method":"ping"})") << QString();
        QTest::newRow("id too long")
            << QByteArray(R"({"type":"req","id":")" + QByteArray(65, 'x') + R"(","method":"ping"})")
            << QString();
        QTest::newRow("method missing")
            << QByteArray(R"({"type":"req","id":"6"})") << QStringLiteral("6");
        QTest::newRow("params not object")
            << QByteArray(R"({"type":"req","id":"7","method":"ping","params":[1]})")
            << QStringLiteral("7");
    }

    void malformedFramesAreBadRequests()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expectedId);
        const auto frame = decodeFrame(bytes);
        QVERIFY(!frame.hasValue());
        QCOMPARE(frame.error().error.code, ErrorCode::BadRequest);
        QCOMPARE(frame.error().requestId, expectedId);
        QVERIFY(!frame.error().error.message.isEmpty());
    }

    void paramReaderNamesTheField()
    {
        ParamReader in({{QStringLiteral("consultationId"), QStringLiteral("12")}});
        in.requireId(QLatin1String("consultationId"));
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, ErrorCode::BadRequest);
        QVERIFY(in.error().message.contains(QLatin1String("consultationId")));
    }

    void paramReaderRejectsFractionsAndHugeNumbers()
    {
        ParamReader fraction({{QStringLiteral("n"), 1.5}});
        fraction.requireInt(QLatin1String("n"), 0, 10);
        QVERIFY(!fraction.ok());
        ParamReader huge({{QStringLiteral("n"), 1e300}});
        huge.requireId(QLatin1String("n"));
        QVERIFY(!huge.ok());
    }

    void overlongTextIsTooLargeWithLimit()
    {
        ParamReader in({{QStringLiteral("text"), QString(4001, QChar(0x4e2d))}});
        in.requireText(QLatin1String("text"), 1);
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, ErrorCode::TooLarge);
        QCOMPARE(in.error().details.value(QLatin1String("limit")).toInt(), 4000);
    }

    // A null character is refused in every string field: PostgreSQL cannot store it, and
    // Qt's driver would cut the statement at it (aborting every request in the transaction).
    void nullCharacterIsBadRequest()
    {
        ParamReader in(
            {{QStringLiteral("user"), QStringLiteral("a") + QChar(0) + QStringLiteral("b")},
             {QStringLiteral("text"), QStringLiteral("您好") + QChar(0)}});
        in.requireString(QLatin1String("user"), 1, 128);
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, ErrorCode::BadRequest);
        QVERIFY(in.error().message.contains(QLatin1String("user")));
        ParamReader text({{QStringLiteral("text"), QStringLiteral("您好") + QChar(0)}});
        text.requireText(QLatin1String("text"), 1);
        QCOMPARE(text.error().code, ErrorCode::BadRequest);
    }

    void overlongIdentifierIsBadRequest()
    {
        // too_large is for what a person writes; a 65-character client id is a malformed
        // request, not a long message (docs/protocol.md, section 2).
        ParamReader in({{QStringLiteral("clientMsgId"), QString(65, QLatin1Char('a'))}});
        in.requireString(QLatin1String("clientMsgId"), 1, Limits::maxClientIdChars);
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, ErrorCode::BadRequest);
    }

    void blankTextIsBadRequest()
    {
        ParamReader in({{QStringLiteral("text"), QStringLiteral("   ")}});
        in.requireText(QLatin1String("text"), 1);
        QCOMPARE(in.error().code, ErrorCode::BadRequest);
    }

    void versionNegotiationPicksHighestCommon()
    {
        QCOMPARE(ProtocolVersion::negotiate({1, 7}).value_or(-1), 1);
        QVERIFY(!ProtocolVersion::negotiate({2, 3}).has_value());
        QVERIFY(!ProtocolVersion::negotiate({}).has_value());
    }

    void voiceChunkRoundTrip()
    {
        const VoiceChunk chunk{0x01020304u, 65536u, QByteArray("opus bytes")};
        const QByteArray frame = encodeVoiceChunk(chunk);
        QCOMPARE(frame.left(4), QByteArray("VCH1"));
        QCOMPARE(frame.mid(4, 4), QByteArray("\x01\x02\x03\x04", 4));
        const auto decoded = decodeVoiceChunk(frame);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->transferId, chunk.transferId);
        QCOMPARE(decoded->offset, chunk.offset);
        QCOMPARE(decoded->data, chunk.data);
        QVERIFY(!decodeVoiceChunk(QByteArray("VCH1\0\0\0\1", 8)).has_value());
        QVERIFY(!decodeVoiceChunk(QByteArray("XXXX") + QByteArray(20, 'a')).has_value());
    }

    void errorCodeNamesRoundTrip()
    {
        for (const QString &name : allErrorCodeNames())
            QCOMPARE(errorCodeName(errorCodeFromName(name)), name);
        QCOMPARE(errorCodeFromName(QStringLiteral("from_the_future")), ErrorCode::Internal);
    }

    // The document is the contract for clients we do not ship: everything the code names must
    // be in it.
    void protocolDocumentNamesEverything()
    {
        QFile doc(qEnvironmentVariable("CONSULT_SOURCE_DIR") + QStringLiteral("/docs/protocol.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), "docs/protocol.md not found");
        const QString text = QString::fromUtf8(doc.readAll());
        const QStringList names =
            Method::all() + Event::all() + Stream::all() + allErrorCodeNames();
        for (const QString &name : names)
            QVERIFY2(text.contains(QLatin1Char('`') + name + QLatin1Char('`')),
                     qPrintable(name + QStringLiteral(" is not documented")));
    }

    // The one rule for over-long strings: only the fields of Limits::textFields answer
    // too_large. Section 11 must list each of them, with its limit, on a too_large row, and
    // section 2 must state the rule, so that a client written from the document expects the
    // codes the server sends.
    void protocolDocumentListsEveryTextLimit()
    {
        QFile doc(qEnvironmentVariable("CONSULT_SOURCE_DIR") + QStringLiteral("/docs/protocol.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), "docs/protocol.md not found");
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype limitsAt = text.indexOf(QLatin1String("## 11. Limits"));
        QVERIFY(limitsAt > 0);
        const QString limits =
            text.mid(limitsAt, text.indexOf(QLatin1String("## 12."), limitsAt) - limitsAt);
        const QStringList rows = limits.split(QLatin1Char('\n'));
        QLocale english(QLocale::English);
        for (const TextField &field : textFields) {
            const QString name = QString::fromLatin1(field.name);
            const QString limit = english.toString(field.maxChars);
            bool found = false;
            for (const QString &row : rows) {
                if (!row.contains(QLatin1String("`too_large`")))
                    continue;
                const QStringList cells = row.split(QLatin1Char('|'));
                if (cells.size() < 4)
                    continue;
                const QStringList names = cells.at(1).split(QLatin1Char('/'));
                const QStringList values = cells.at(2).split(QLatin1Char('/'));
                for (qsizetype i = 0; i < names.size() && i < values.size(); ++i) {
                    if (names.at(i).split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(name) &&
                        values.at(i).split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(limit))
                        found = true;
                }
            }
            QVERIFY2(found, qPrintable(QStringLiteral("section 11 has no too_large row for '%1' "
                                                      "with limit %2")
                                           .arg(name, limit)));
        }
        QVERIFY2(text.simplified().contains(QLatin1String("Any other string over its length")),
                 "section 2 does not state the rule for over-long strings");
    }
};

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
