#include "KioskPrivateFolder.h"

#include <QDir>
#include <QFileInfo>

std::unique_ptr<QTemporaryDir> makeKioskPrivateFolder(QString *error)
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty() || !QFileInfo(runtime).isDir()) {
        *error = QStringLiteral("the kiosk needs a private runtime folder (XDG_RUNTIME_DIR)");
        return nullptr;
    }
    auto folder =
        std::make_unique<QTemporaryDir>(runtime + QStringLiteral("/responder-kiosk-XXXXXX"));
    if (!folder->isValid()) {
        *error = folder->errorString();
        return nullptr;
    }
    for (const char *variable :
         {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"}) {
        const QString path = folder->filePath(QString::fromLatin1(variable).toLower());
        QDir().mkpath(path);
        qputenv(variable, QFile::encodeName(path));
    }
    return folder;
}
