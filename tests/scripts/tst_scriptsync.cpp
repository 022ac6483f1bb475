// Reply scripts through the real server: department scripts reach colleagues, personal ones
// follow their owner, the server enforces who may write what, offline edits arrive once, and
// conflicts are settled by the documented rule (docs/protocol.md, section 13).
#include "SyncedSession.h"
#include "app/protocol/Methods.h"
#include "app/scripts/ScriptDelivery.h"
#include "app/scripts/ScriptLibrary.h"
#include "app/scripts/ScriptListModel.h"
#include "app/scripts/ScriptLocalStore.h"
#include "app/sync/ProtocolClient.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Every script the client's principal sees, as the server has it now.
QJsonArray serverScripts(TestClient &client)
{
    const QJsonObject page =
        client.ok(Method::SyncPull,
                  {{QStringLiteral("stream"), Stream::Scripts}, {QStringLiteral("limit"), 1000}});
    return page.value(QLatin1String("items")).toArray();
}

std::optional<QJsonObject> byTitle(const QJsonArray &scripts, const QString &title)
{
    for (const QJsonValue &s : scripts) {
        const QJsonObject record = s.toObject();
        if (record.value(QLatin1String("title")).toString() == title &&
            !record.value(QLatin1String("deleted")).toBool())
            return record;
    }
    return std::nullopt;
}

std::optional<ReplyScript> findTitle(const ScriptLibrary &library, const QString &title)
{
    for (const ReplyScript &s : library.scripts()) {
        if (s.title == title)
            return s;
    }
    return std::nullopt;
}

ReplyScript newScript(const QString &title, const QString &body, ReplyScript::Scope scope)
{
    ReplyScript s;
    s.title = title;
    s.body = body;
    s.scope = scope;
    s.category = QStringLiteral("测试");
    return s;
}

QJsonObject saveParams(const QJsonObject &record, const QString &body, const QString &editId)
{
    QJsonObject params = record;
    params.insert(QStringLiteral("body"), body);
    params.insert(QStringLiteral("baseRevision"), record.value(QLatin1String("revision")));
    params.insert(QStringLiteral("editId"), editId);
    for (const char *key :
         {"revision", "seq", "deleted", "updatedAt", "updatedBy", "ownerId", "departmentId"})
        params.remove(QLatin1String(key));
    return params;
}

} // namespace

class TestScriptSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void departmentScriptsReachColleagues();
    void personalScriptsFollowTheirOwner();
    void serverEnforcesEditorRole();
    void resendIsStoredOnce();
    void serverRefusesMalformedScripts();
    void offlineEditsArriveOnce();
    void conflictKeepsServerVersionAndOfflineEdit();
    void usableOfflineFromTheCache();
    void quickInsertRanksMostUsedThenRecent();
    void searchFindsWordsAndPinyinInitials();
    void reorderMovesOneScript();
};

void TestScriptSync::departmentScriptsReachColleagues()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    QTemporaryDir leadFolder, colleagueFolder;
    auto lead = syncedSession(fx, leadFolder.path(), fx.cast.leadA);
    auto colleague = syncedSession(fx, colleagueFolder.path(), fx.cast.responderA1);
    QVERIFY(lead && colleague);
    ScriptLibrary &mine = lead->scripts();
    ScriptLibrary &theirs = colleague->scripts();
    QVERIFY(mine.isEditor());
    QVERIFY(!theirs.isEditor());
    // The department's starting scripts are there on both desks.
    QTRY_VERIFY(findTitle(theirs, QStringLiteral("已收到咨询")));

    const auto created = mine.save(newScript(QStringLiteral("停车收费答复"),
                                             QStringLiteral("{代表姓名}{称谓}，您好！"),
                                             ReplyScript::Scope::Department));
    QVERIFY2(created, qPrintable(created ? QString() : created.error()));
    QTRY_VERIFY_WITH_TIMEOUT(findTitle(theirs, QStringLiteral("停车收费答复")), 10000);
    QVERIFY(!theirs.canEdit(*findTitle(theirs, QStringLiteral("停车收费答复"))));

    ReplyScript changed = *created;
    changed.body = QStringLiteral("新的口径");
    QVERIFY(mine.save(changed));
    QTRY_COMPARE_WITH_TIMEOUT(findTitle(theirs, QStringLiteral("停车收费答复"))->body,
                              QStringLiteral("新的口径"), 10000);

    QVERIFY(mine.remove(created->clientId));
    QTRY_VERIFY_WITH_TIMEOUT(!findTitle(theirs, QStringLiteral("停车收费答复")), 10000);
    QVERIFY(!findTitle(mine, QStringLiteral("停车收费答复")));
}

void TestScriptSync::personalScriptsFollowTheirOwner()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    QTemporaryDir desk1, desk2, neighbourDesk;
    auto first = syncedSession(fx, desk1.path(), fx.cast.responderA1);
    QVERIFY(first);
    QVERIFY(first->scripts().save(newScript(QStringLiteral("我的开场白"), QStringLiteral("您好"),
                                            ReplyScript::Scope::Personal)));
    QTRY_VERIFY_WITH_TIMEOUT(
        !first->scripts().isPending(
            findTitle(first->scripts(), QStringLiteral("我的开场白"))->clientId),
        10000);

    // The same officer at another workstation has it; a colleague does not.
    auto second = syncedSession(fx, desk2.path(), fx.cast.responderA1);
    auto neighbour = syncedSession(fx, neighbourDesk.path(), fx.cast.responderA2);
    QVERIFY(second && neighbour);
    QTRY_VERIFY(findTitle(second->scripts(), QStringLiteral("我的开场白")));
    QVERIFY(findTitle(neighbour->scripts(), QStringLiteral("已收到咨询")));
    QVERIFY(!findTitle(neighbour->scripts(), QStringLiteral("我的开场白")));
}

void TestScriptSync::serverEnforcesEditorRole()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    auto lead = fx.responder(fx.cast.leadA);
    auto plain = fx.responder(fx.cast.responderA1);
    auto other = fx.responder(fx.cast.responderB);
    auto rep = fx.representative(fx.cast.rep1);
    QVERIFY(lead && plain && other && rep);
    QVERIFY(lead->principal().value(QLatin1String("scriptEditor")).toBool());
    QVERIFY(!plain->principal().value(QLatin1String("scriptEditor")).toBool());
    const auto demo = byTitle(serverScripts(*plain), QStringLiteral("已收到咨询"));
    QVERIFY(demo);

    const QJsonObject create{{QStringLiteral("clientId"), QStringLiteral("c-1")},
                             {QStringLiteral("editId"), QStringLiteral("e-1")},
                             {QStringLiteral("scope"), QStringLiteral("department")},
                             {QStringLiteral("title"), QStringLiteral("越权")},
                             {QStringLiteral("body"), QStringLiteral("正文")}};
    QCOMPARE(plain->fails(Method::ScriptsSave, create), QStringLiteral("forbidden"));
    QCOMPARE(plain->fails(Method::ScriptsSave,
                          saveParams(*demo, QStringLiteral("改"), QStringLiteral("e-2"))),
             QStringLiteral("forbidden"));
    QCOMPARE(plain->fails(Method::ScriptsDelete,
                          {{QStringLiteral("id"), demo->value(QLatin1String("id"))},
                           {QStringLiteral("baseRevision"), 1},
                           {QStringLiteral("editId"), QStringLiteral("e-3")}}),
             QStringLiteral("forbidden"));
    // Another department's scripts are not even visible.
    QCOMPARE(other->fails(Method::ScriptsSave,
                          saveParams(*demo, QStringLiteral("改"), QStringLiteral("e-4"))),
             QStringLiteral("not_found"));
    QCOMPARE(rep->fails(Method::SyncPull, {{QStringLiteral("stream"), Stream::Scripts}}),
             QStringLiteral("forbidden"));
    // Nothing changed; the editor may.
    QCOMPARE(byTitle(serverScripts(*plain), QStringLiteral("已收到咨询"))
                 ->value(QLatin1String("revision")),
             QJsonValue(1));
    lead->ok(Method::ScriptsSave, saveParams(*demo, QStringLiteral("改"), QStringLiteral("e-5")));
    QCOMPARE(
        byTitle(serverScripts(*plain), QStringLiteral("已收到咨询"))->value(QLatin1String("body")),
        QJsonValue(QStringLiteral("改")));

    // A personal script is its owner's alone.
    QJsonObject personal = create;
    personal.insert(QStringLiteral("scope"), QStringLiteral("personal"));
    const QJsonObject mine =
        plain->ok(Method::ScriptsSave, personal).value(QLatin1String("script")).toObject();
    QCOMPARE(mine.value(QLatin1String("ownerId")).toInteger(), fx.cast.responderA1Id);
    QCOMPARE(lead->fails(Method::ScriptsSave,
                         saveParams(mine, QStringLiteral("改"), QStringLiteral("e-6"))),
             QStringLiteral("not_found"));
    QVERIFY(!byTitle(serverScripts(*lead), QStringLiteral("越权")));
}

void TestScriptSync::resendIsStoredOnce()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    auto plain = fx.responder(fx.cast.responderA1);
    QVERIFY(plain);
    const QJsonObject create{{QStringLiteral("clientId"), QStringLiteral("c-9")},
                             {QStringLiteral("editId"), QStringLiteral("e-9")},
                             {QStringLiteral("scope"), QStringLiteral("personal")},
                             {QStringLiteral("title"), QStringLiteral("一次")},
                             {QStringLiteral("body"), QStringLiteral("正文")}};
    const QJsonObject first = plain->ok(Method::ScriptsSave, create);
    const QJsonObject again = plain->ok(Method::ScriptsSave, create);
    QVERIFY(!first.value(QLatin1String("duplicate")).toBool());
    QVERIFY(again.value(QLatin1String("duplicate")).toBool());
    const QJsonObject record = first.value(QLatin1String("script")).toObject();
    const QJsonObject edit = saveParams(record, QStringLiteral("二"), QStringLiteral("e-10"));
    plain->ok(Method::ScriptsSave, edit);
    // The same change again (its answer was lost): a duplicate, not a conflict.
    QVERIFY(plain->ok(Method::ScriptsSave, edit).value(QLatin1String("duplicate")).toBool());
    int copies = 0;
    for (const QJsonValue &s : serverScripts(*plain))
        copies += s.toObject().value(QLatin1String("clientId")).toString() == QLatin1String("c-9");
    QCOMPARE(copies, 1);
    QCOMPARE(
        byTitle(serverScripts(*plain), QStringLiteral("一次"))->value(QLatin1String("revision")),
        QJsonValue(2));
}

// What a client outside this repository may send wrong, and what it gets back: nothing stored.
void TestScriptSync::serverRefusesMalformedScripts()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    auto lead = fx.responder(fx.cast.leadA);
    QVERIFY(lead);
    const QJsonObject good{{QStringLiteral("clientId"), QStringLiteral("c-bad")},
                           {QStringLiteral("editId"), QStringLiteral("e-bad")},
                           {QStringLiteral("scope"), QStringLiteral("personal")},
                           {QStringLiteral("title"), QStringLiteral("标题")},
                           {QStringLiteral("body"), QStringLiteral("正文")}};
    const auto with = [&good](const char *key, const QJsonValue &value) {
        QJsonObject params = good;
        params.insert(QLatin1String(key), value);
        return params;
    };
    QCOMPARE(lead->fails(Method::ScriptsSave, with("title", QString(101, u'长'))),
             QStringLiteral("too_large"));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("body", QString(4001, u'长'))),
             QStringLiteral("too_large"));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("tags", QJsonArray{QString(21, u'长')})),
             QStringLiteral("too_large"));
    QJsonArray elevenTags;
    for (int i = 0; i < 11; ++i)
        elevenTags.append(QString::number(i));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("tags", elevenTags)),
             QStringLiteral("too_large"));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("tags", QStringLiteral("a;b"))),
             QStringLiteral("bad_request"));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("scope", QStringLiteral("everyone"))),
             QStringLiteral("bad_request"));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("validUntil", QStringLiteral("2026/12/31"))),
             QStringLiteral("bad_request"));
    QCOMPARE(lead->fails(Method::ScriptsSave, with("title", QStringLiteral("   "))),
             QStringLiteral("bad_request"));
    QJsonObject noEdit = good;
    noEdit.remove(QStringLiteral("editId"));
    QCOMPARE(lead->fails(Method::ScriptsSave, noEdit), QStringLiteral("bad_request"));
    QVERIFY(!byTitle(serverScripts(*lead), QStringLiteral("标题")));

    // A stored script cannot change its scope, and a change needs its base revision.
    const QJsonObject stored =
        lead->ok(Method::ScriptsSave, good).value(QLatin1String("script")).toObject();
    QJsonObject toDepartment = saveParams(stored, QStringLiteral("改"), QStringLiteral("e-s"));
    toDepartment.insert(QStringLiteral("scope"), QStringLiteral("department"));
    QCOMPARE(lead->fails(Method::ScriptsSave, toDepartment), QStringLiteral("bad_request"));
    QJsonObject noBase = saveParams(stored, QStringLiteral("改"), QStringLiteral("e-b"));
    noBase.remove(QStringLiteral("baseRevision"));
    QCOMPARE(lead->fails(Method::ScriptsSave, noBase), QStringLiteral("bad_request"));
    QCOMPARE(byTitle(serverScripts(*lead), QStringLiteral("标题"))->value(QLatin1String("body")),
             QJsonValue(QStringLiteral("正文")));
}

void TestScriptSync::offlineEditsArriveOnce()
{
    // A fixed port: the server comes back where the session expects it.
    IntegrationFixture fx({QStringLiteral("--port"), QString::number(ServerProcess::freePort())});
    QVERIFY(fx.start());
    QTemporaryDir desk;
    auto session = syncedSession(fx, desk.path(), fx.cast.leadA);
    QVERIFY(session);
    ScriptLibrary &library = session->scripts();
    QTRY_VERIFY(findTitle(library, QStringLiteral("答复结束语")));

    QVERIFY(fx.server.stop());
    QTRY_VERIFY_WITH_TIMEOUT(session->connection().state() != SessionConnection::State::Online,
                             10000);
    const auto written = library.save(newScript(
        QStringLiteral("离线写的"), QStringLiteral("离线正文"), ReplyScript::Scope::Personal));
    QVERIFY(written);
    ReplyScript closing = *findTitle(library, QStringLiteral("答复结束语"));
    closing.body = QStringLiteral("离线修改的结束语");
    QVERIFY(library.save(closing));
    QVERIFY(library.remove(findTitle(library, QStringLiteral("请补充情况"))->clientId));
    // Offline, the library shows the changes at once and knows they are not delivered.
    QVERIFY(library.isPending(written->clientId));
    QCOMPARE(findTitle(library, QStringLiteral("答复结束语"))->body,
             QStringLiteral("离线修改的结束语"));
    QVERIFY(!findTitle(library, QStringLiteral("请补充情况")));

    QSignalSpy notices(&library, &ScriptLibrary::notice);
    QSignalSpy drained(&session->scriptDelivery(), &ScriptDelivery::drained);
    QVERIFY(fx.server.start(fx.location));
    QVERIFY(drained.wait(40000));
    QVERIFY2(notices.isEmpty(), qPrintable(notices.value(0).value(0).toString()));
    QVERIFY(!library.isPending(written->clientId));
    QVERIFY(!library.isPending(closing.clientId));
    auto check = fx.responder(fx.cast.leadA);
    QVERIFY(check);
    const QJsonArray onServer = serverScripts(*check);
    int copies = 0;
    for (const QJsonValue &s : onServer)
        copies +=
            s.toObject().value(QLatin1String("title")).toString() == QStringLiteral("离线写的");
    QCOMPARE(copies, 1);
    QCOMPARE(byTitle(onServer, QStringLiteral("答复结束语"))->value(QLatin1String("body")),
             QJsonValue(QStringLiteral("离线修改的结束语")));
    QVERIFY(!byTitle(onServer, QStringLiteral("请补充情况")));
}

// Two workstations change the same script from the same revision. The server keeps the first
// change to arrive; the later edit is kept as the officer's personal copy, and a later delete
// is not carried out.
void TestScriptSync::conflictKeepsServerVersionAndOfflineEdit()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    auto desk = fx.responder(fx.cast.leadA);      // the workstation that was offline
    auto elsewhere = fx.responder(fx.cast.leadA); // the one that got there first
    QVERIFY(desk && elsewhere);
    QTemporaryDir folder;
    auto store = ScriptLocalStore::open(folder.filePath(QStringLiteral("scripts.sqlite")));
    QVERIFY(store);
    ScriptLibrary library(**store);
    library.setSynced(serverScripts(*desk));
    library.setEditor(true);
    ScriptDelivery delivery(**store, library, desk->client());
    QSignalSpy notices(&library, &ScriptLibrary::notice);

    ReplyScript edited = *findTitle(library, QStringLiteral("转交其他部门"));
    edited.body = QStringLiteral("我离线时写的版本");
    QVERIFY(library.save(edited));
    QVERIFY(library.remove(findTitle(library, QStringLiteral("建议办理时限"))->clientId));

    const QJsonArray before = serverScripts(*elsewhere);
    elsewhere->ok(Method::ScriptsSave,
                  saveParams(*byTitle(before, QStringLiteral("转交其他部门")),
                             QStringLiteral("先到的版本"), QStringLiteral("x-1")));
    elsewhere->ok(Method::ScriptsSave,
                  saveParams(*byTitle(before, QStringLiteral("建议办理时限")),
                             QStringLiteral("时限有变"), QStringLiteral("x-2")));

    QSignalSpy drained(&delivery, &ScriptDelivery::drained);
    delivery.setOnline(true);
    QTRY_VERIFY_WITH_TIMEOUT(!drained.isEmpty() && store->get()->pending().isEmpty(), 10000);

    const QJsonArray after = serverScripts(*elsewhere);
    QCOMPARE(byTitle(after, QStringLiteral("转交其他部门"))->value(QLatin1String("body")),
             QJsonValue(QStringLiteral("先到的版本")));
    const auto copy = byTitle(after, QStringLiteral("转交其他部门 (my version)"));
    QVERIFY(copy);
    QCOMPARE(copy->value(QLatin1String("scope")).toString(), QStringLiteral("personal"));
    QCOMPARE(copy->value(QLatin1String("body")).toString(), QStringLiteral("我离线时写的版本"));
    QCOMPARE(byTitle(after, QStringLiteral("建议办理时限"))->value(QLatin1String("body")),
             QJsonValue(QStringLiteral("时限有变")));
    QCOMPARE(notices.size(), 2);
    // The library shows what the server settled on.
    QCOMPARE(findTitle(library, QStringLiteral("转交其他部门"))->body,
             QStringLiteral("先到的版本"));
    QVERIFY(findTitle(library, QStringLiteral("建议办理时限")));
}

void TestScriptSync::usableOfflineFromTheCache()
{
    IntegrationFixture fx;
    QVERIFY(fx.start());
    QTemporaryDir desk;
    auto officer = fx.responder(fx.cast.responderA1);
    QVERIFY(officer);
    const QString token = officer->token();
    {
        auto session = syncedSession(fx, desk.path(), fx.cast.responderA1);
        QVERIFY(session);
        QTRY_VERIFY(findTitle(session->scripts(), QStringLiteral("已收到咨询")));
    }
    QVERIFY(fx.server.stop());
    // The next morning, with the server unreachable: the scripts are there from the cache.
    AccountSession offline(Account{fx.server.url(), fx.cast.responderA1}, desk.path(),
                           {fx.server.url()});
    QVERIFY(offline.start(token));
    QTRY_VERIFY_WITH_TIMEOUT(findTitle(offline.scripts(), QStringLiteral("已收到咨询")), 10000);
    QCOMPARE(offline.scripts().scripts().size(), 7);
}

namespace {

// A library over a store of its own, holding these scripts as if synced.
struct LocalLibrary
{
    explicit LocalLibrary(const QStringList &titles)
    {
        store = std::move(ScriptLocalStore::open(dir.filePath(QStringLiteral("s.sqlite"))).value());
        library = std::make_unique<ScriptLibrary>(*store);
        QJsonArray records;
        for (int i = 0; i < titles.size(); ++i)
            records.append(
                QJsonObject{{QStringLiteral("id"), i + 1},
                            {QStringLiteral("clientId"), titles.at(i)},
                            {QStringLiteral("scope"), QStringLiteral("personal")},
                            {QStringLiteral("title"), titles.at(i)},
                            {QStringLiteral("body"), QStringLiteral("正文 ") + titles.at(i)},
                            {QStringLiteral("category"), QStringLiteral("一")},
                            {QStringLiteral("position"), i + 1},
                            {QStringLiteral("revision"), 1},
                            {QStringLiteral("seq"), i + 1}});
        library->setSynced(records);
    }
    QStringList order(const ScriptListModel &model) const
    {
        QStringList titles;
        for (int row = 0; row < model.rowCount(); ++row)
            titles << model.scriptAt(row).title;
        return titles;
    }
    QTemporaryDir dir;
    std::unique_ptr<ScriptLocalStore> store;
    std::unique_ptr<ScriptLibrary> library;
};

} // namespace

void TestScriptSync::quickInsertRanksMostUsedThenRecent()
{
    LocalLibrary local(
        {QStringLiteral("甲"), QStringLiteral("乙"), QStringLiteral("丙"), QStringLiteral("丁")});
    ScriptListModel popup(*local.library, ScriptListModel::Order::ByUse);
    const QAbstractItemModelTester popupTester(
        &popup, QAbstractItemModelTester::FailureReportingMode::QtTest);
    local.library->recordUse(QStringLiteral("丙"));
    local.library->recordUse(QStringLiteral("丙"));
    QTest::qWait(5); // distinct times of last use
    local.library->recordUse(QStringLiteral("乙"));
    QTest::qWait(5);
    local.library->recordUse(QStringLiteral("丁"));
    QCOMPARE(local.order(popup), (QStringList{QStringLiteral("丙"), QStringLiteral("丁"),
                                              QStringLiteral("乙"), QStringLiteral("甲")}));
    // Counts survive a restart: they are in the local store.
    ScriptLibrary reopened(*local.store);
    QCOMPARE(reopened.usage(QStringLiteral("丙")).count, 2);
}

void TestScriptSync::searchFindsWordsAndPinyinInitials()
{
    LocalLibrary local({QStringLiteral("医保异地就医备案"), QStringLiteral("停车收费"),
                        QStringLiteral("已收到咨询")});
    ScriptListModel manager(*local.library, ScriptListModel::Order::Manual);
    const QAbstractItemModelTester managerTester(
        &manager, QAbstractItemModelTester::FailureReportingMode::QtTest);
    manager.setFilter(QStringLiteral("异地"));
    QCOMPARE(local.order(manager), QStringList{QStringLiteral("医保异地就医备案")});
    manager.setFilter(QStringLiteral("ybyd"));
    QCOMPARE(local.order(manager), QStringList{QStringLiteral("医保异地就医备案")});
    manager.setFilter(QStringLiteral("TCSF"));
    QCOMPARE(local.order(manager), QStringList{QStringLiteral("停车收费")});
    manager.setFilter(QStringLiteral("正文 咨询")); // every word, anywhere in the script
    QCOMPARE(local.order(manager), QStringList{QStringLiteral("已收到咨询")});
    manager.setFilter(QString());
    QCOMPARE(manager.rowCount(), 3);
}

void TestScriptSync::reorderMovesOneScript()
{
    LocalLibrary local({QStringLiteral("甲"), QStringLiteral("乙"), QStringLiteral("丙")});
    ScriptListModel manager(*local.library, ScriptListModel::Order::Manual);
    const QAbstractItemModelTester managerTester(
        &manager, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(local.library->moveBefore(QStringLiteral("丙"), QStringLiteral("甲")));
    QCOMPARE(local.order(manager),
             (QStringList{QStringLiteral("丙"), QStringLiteral("甲"), QStringLiteral("乙")}));
    QVERIFY(local.library->moveBefore(QStringLiteral("丙"), QString()));
    QCOMPARE(local.order(manager),
             (QStringList{QStringLiteral("甲"), QStringLiteral("乙"), QStringLiteral("丙")}));
    // Each move is one change to one script, waiting to be delivered.
    QCOMPARE(local.store->pending().size(), 1);
    QVERIFY(local.library->isPending(QStringLiteral("丙")));
    QVERIFY(!local.library->isPending(QStringLiteral("甲")));
}

QTEST_MAIN(TestScriptSync)
#include "tst_scriptsync.moc"
