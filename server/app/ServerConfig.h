#pragma once

#include "app/core/Expected.h"
#include "server/services/ServerLimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// The server's own transcription (docs/protocol.md section 14), off unless --transcribe.
struct TranscriptionConfig
{
    bool enabled = false;
    QString engine = QStringLiteral("pocketsphinx");
    QString speechLanguage = QStringLiteral("zh-CN"); // what the voice messages are spoken in
    QVariantMap settings;                             // the engine's (model paths, language)
    QStringList pluginFolders;                        // searched after the default ones
    int workers = 1;
    int httpPort = -1;                // the /v1/audio/transcriptions API; -1: not served
    QString httpKeyFile;              // a file holding the bearer key the API requires; empty: none
    qint64 httpMaxBytes = 25LL << 20; // a larger request body: 413
};

// Command-line options of consult-server.
struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8765;
    QString databasePath;
    QString certificatePath;
    QString keyPath;
    qint64 tokenLifetimeMs = 30LL * 24 * 3600 * 1000;
    bool durable = false;
    bool seedDemo = false;
    bool seedOnly = false;
    ServerLimits limits;
    TranscriptionConfig transcription;

    static Expected<ServerConfig, QString> fromArguments(const QStringList &arguments);
};
