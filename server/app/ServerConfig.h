#pragma once

#include "app/core/Expected.h"
#include "server/services/ServerLimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

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

    static Expected<ServerConfig, QString> fromArguments(const QStringList &arguments);
};
