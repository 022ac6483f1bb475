// Where a consultation can be handed: no one of another department or inactive, the officer
// not offered to themself, names in pinyin order, found by their pinyin initials.
#include "app/workspace/TransferTargets.h"

#include <QtTest>

namespace {
Directory directory()
{
    Directory d;
    d.departments.insert(1, {QStringLiteral("住房和城乡建设委员会"), QStringLiteral("Housing")});
    d.departments.insert(2, {QStringLiteral("教育委员会"), QStringLiteral("Education")});
    d.departments.insert(3, {QStringLiteral("民政局"), QStringLiteral("Civil Affairs")});
    d.departments.insert(4, {QStringLiteral("卫生健康委员会"), QStringLiteral("Health")});
    d.responders.insert(10, {QStringLiteral("张伟"), 2, QStringLiteral("responder"), true});
    d.responders.insert(11, {QStringLiteral("蔡桂"), 2, QStringLiteral("responder"), true});
    d.responders.insert(12, {QStringLiteral("李娜"), 2, QStringLiteral("lead"), true});
    d.responders.insert(13, {QStringLiteral("王芳"), 2, QStringLiteral("responder"), false});
    d.responders.insert(14, {QStringLiteral("陈静"), 1, QStringLiteral("responder"), true});
    return d;
}

QStringList names(const QList<TransferTarget> &targets)
{
    QStringList out;
    for (const TransferTarget &t : targets)
        out << t.name;
    return out;
}
} // namespace

class TestTransferTargets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void colleaguesInPinyinOrder()
    {
        const auto targets = TransferTargets::colleagues(directory(), 10, 2);
        // cai, li; not the officer (张伟), not the inactive 王芳, not 陈静 of another department.
        QCOMPARE(names(targets), (QStringList{QStringLiteral("蔡桂"), QStringLiteral("李娜")}));
    }

    void departmentsInPinyinOrderAndFoundByInitials()
    {
        const auto targets = TransferTargets::departments(directory(), 2, false);
        // min, wei, zhu: by pinyin, not by character code (住 U+4F4F would come first).
        QCOMPARE(names(targets),
                 (QStringList{QStringLiteral("民政局"), QStringLiteral("卫生健康委员会"),
                              QStringLiteral("住房和城乡建设委员会")}));
        QVERIFY(targets.at(1).searchKey.contains(QStringLiteral("wsjkwyh")));
        QVERIFY(targets.at(1).searchKey.contains(QStringLiteral("卫生")));
    }

    void englishNamesInEnglishOrder()
    {
        const auto targets = TransferTargets::departments(directory(), 2, true);
        QCOMPARE(names(targets),
                 (QStringList{QStringLiteral("Civil Affairs"), QStringLiteral("Health"),
                              QStringLiteral("Housing")}));
    }
};

QTEST_APPLESS_MAIN(TestTransferTargets)
#include "tst_transfertargets.moc"
