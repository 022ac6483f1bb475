#include "SpeechEngineRegistry.h"

#include "TranscriptionLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>

struct SpeechEngineRegistry::Loaded
{
    SpeechEngineInfo info;
    QString file;
    std::unique_ptr<QPluginLoader> loader;
    SpeechEngineFactory *factory = nullptr;
};

namespace {
SpeechEngineInfo infoFromMetadata(const QJsonObject &meta)
{
    SpeechEngineInfo info;
    info.id = meta.value(QLatin1String("id")).toString();
    info.name = meta.value(QLatin1String("name")).toString();
    for (const QJsonValue &language : meta.value(QLatin1String("languages")).toArray())
        info.languages << language.toString();
    info.offline = meta.value(QLatin1String("offline")).toBool(true);
    info.streaming = meta.value(QLatin1String("streaming")).toBool(false);
    info.words = meta.value(QLatin1String("words")).toBool(false);
    return info;
}
} // namespace

SpeechEngineRegistry::SpeechEngineRegistry() = default;

SpeechEngineRegistry::~SpeechEngineRegistry()
{
    // Factories are owned by their plugins' root objects; Qt unloads plugins at exit, and an
    // engine made by a factory must not outlive its library, so nothing is unloaded here.
}

QStringList SpeechEngineRegistry::defaultFolders()
{
    const QDir executable(QCoreApplication::applicationDirPath());
    QStringList folders{
        executable.absoluteFilePath(QStringLiteral("../" CONSULT_INSTALL_LIBDIR
                                                   "/responder-console/plugins/transcription")),
        executable.absoluteFilePath(QStringLiteral("../plugins/transcription")),
    };
    const QString extra = qEnvironmentVariable("CONSULT_PLUGIN_PATH");
    folders += extra.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return folders;
}

const SpeechEngineFactory *SpeechEngineRegistry::choose(const QVariantMap &settings,
                                                        QString *why) const
{
    const QString id =
        settings.value(QStringLiteral("engine"), QStringLiteral("pocketsphinx")).toString();
    const SpeechEngineFactory *chosen = factory(id);
    if (!chosen) {
        *why = QStringLiteral("no speech engine \"%1\" is installed").arg(id);
        return nullptr;
    }
    const SpeechEngineInfo info = chosen->info();
    const QString spoken =
        settings.value(QStringLiteral("speechLanguage"), QStringLiteral("zh-CN")).toString();
    const QString model =
        settings.value(QStringLiteral("language"), info.languages.value(0)).toString();
    if (model.section(u'-', 0, 0).compare(spoken.section(u'-', 0, 0), Qt::CaseInsensitive) != 0) {
        *why = QStringLiteral("the %1 model of %2 does not fit voice messages in %3")
                   .arg(model, info.name, spoken);
        return nullptr;
    }
    return chosen;
}

void SpeechEngineRegistry::scan(const QStringList &folders)
{
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        const auto files = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &file : files) {
            if (QLibrary::isLibrary(file.fileName()))
                load(file.absoluteFilePath());
        }
    }
}

void SpeechEngineRegistry::load(const QString &file)
{
    auto problem = [this, &file](const QString &reason) {
        qCWarning(lcTranscription).noquote() << "skipping plugin" << file << ":" << reason;
        m_problems.append({file, reason});
    };
    auto loaded = std::make_unique<Loaded>();
    loaded->file = file;
    loaded->loader = std::make_unique<QPluginLoader>(file);
    // Read before loading: a plugin of another interface version is refused without running
    // any of its code.
    const QJsonObject meta = loaded->loader->metaData();
    if (meta.isEmpty())
        return problem(QStringLiteral("not a Qt plugin: %1").arg(loaded->loader->errorString()));
    const QString iid = meta.value(QLatin1String("IID")).toString();
    if (iid != QLatin1String(SpeechEngineFactory_iid))
        return problem(QStringLiteral("implements %1, not %2")
                           .arg(iid, QLatin1String(SpeechEngineFactory_iid)));
    loaded->info = infoFromMetadata(meta.value(QLatin1String("MetaData")).toObject());
    if (loaded->info.id.isEmpty())
        return problem(QStringLiteral("its metadata names no engine id"));
    if (factory(loaded->info.id))
        return problem(
            QStringLiteral("engine '%1' is already loaded from another file").arg(loaded->info.id));
    QObject *root = loaded->loader->instance();
    if (!root)
        return problem(QStringLiteral("does not load: %1").arg(loaded->loader->errorString()));
    loaded->factory = qobject_cast<SpeechEngineFactory *>(root);
    if (!loaded->factory)
        return problem(QStringLiteral("its root object is not a SpeechEngineFactory"));
    if (loaded->factory->info().id != loaded->info.id)
        return problem(QStringLiteral("its metadata says '%1' but the engine says '%2'")
                           .arg(loaded->info.id, loaded->factory->info().id));
    qCInfo(lcTranscription).noquote() << "engine" << loaded->info.id << "from" << file;
    m_loaded.push_back(std::move(loaded));
}

QList<SpeechEngineInfo> SpeechEngineRegistry::engines() const
{
    QList<SpeechEngineInfo> infos;
    for (const auto &loaded : m_loaded)
        infos << loaded->info;
    return infos;
}

const SpeechEngineFactory *SpeechEngineRegistry::factory(const QString &id) const
{
    for (const auto &loaded : m_loaded) {
        if (loaded->info.id == id)
            return loaded->factory;
    }
    return nullptr;
}
