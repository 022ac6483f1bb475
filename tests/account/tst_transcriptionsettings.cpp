// The voice-to-text preferences as the settings file keeps them: what the officer chose comes
// back after a restart, an administrator's engine options in the same group survive the
// officer's saving, and the engine is named to the registry only when the officer chose one
// (then it runs even when the server transcribes).
#include "app/account/TranscriptionSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestTranscriptionSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aChoiceComesBackAndAnAdministratorsOptionsStay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.ini"));
        {
            QSettings file(path, QSettings::IniFormat);
            file.setValue(QStringLiteral("transcription/acousticModel"),
                          QStringLiteral("/srv/models/zh-cn"));
        }
        QSettings file(path, QSettings::IniFormat);
        TranscriptionSettings chosen = TranscriptionSettings::load(file);
        QCOMPARE(chosen.choice, TranscriptionSettings::Choice::Automatic);
        QCOMPARE(chosen.speechLanguage, QStringLiteral("zh-CN"));
        chosen.choice = TranscriptionSettings::Choice::Local;
        chosen.engine = QStringLiteral("http");
        chosen.url = QStringLiteral("http://10.0.0.5:8080");
        chosen.background = true;
        chosen.save(file);

        QSettings reread(path, QSettings::IniFormat);
        const TranscriptionSettings back = TranscriptionSettings::load(reread);
        QCOMPARE(back.choice, TranscriptionSettings::Choice::Local);
        QCOMPARE(back.engine, QStringLiteral("http"));
        QVERIFY(back.background);
        const QVariantMap engine = back.engineSettings(QStringLiteral("k3y"));
        QCOMPARE(engine.value(QStringLiteral("engine")).toString(), QStringLiteral("http"));
        QCOMPARE(engine.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://10.0.0.5:8080"));
        QCOMPARE(engine.value(QStringLiteral("apiKey")).toString(), QStringLiteral("k3y"));
        // The service's model is for the language spoken.
        QCOMPARE(engine.value(QStringLiteral("language")).toString(), QStringLiteral("zh-CN"));
        QCOMPARE(engine.value(QStringLiteral("acousticModel")).toString(),
                 QStringLiteral("/srv/models/zh-cn"));
        // The key never reaches the file.
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("k3y"));
    }

    void automaticNamesNoEngineAndOffRunsNothingHere()
    {
        TranscriptionSettings automatic;
        QVERIFY(automatic.runsLocally());
        QVERIFY(!automatic.engineSettings().contains(QStringLiteral("engine")));
        TranscriptionSettings off;
        off.choice = TranscriptionSettings::Choice::Off;
        QVERIFY(!off.runsLocally());
        TranscriptionSettings server;
        server.choice = TranscriptionSettings::Choice::Server;
        QVERIFY(!server.runsLocally());
    }

    void aFileThatOnlyNamesAnEngineMeansThatEngine()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
        file.setValue(QStringLiteral("transcription/engine"), QStringLiteral("pocketsphinx"));
        QCOMPARE(TranscriptionSettings::load(file).choice, TranscriptionSettings::Choice::Local);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptionSettings)
#include "tst_transcriptionsettings.moc"
