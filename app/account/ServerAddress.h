#pragma once

#include "app/core/Expected.h"

#include <QList>
#include <QString>
#include <QUrl>

// Server addresses as people type them: one, or several separated by commas, semicolons or
// spaces (the first is the main server, the rest are tried in turn when it fails). A bare
// host[:port] means ws://; only ws:// and wss:// are accepted.
namespace ServerAddress {
constexpr int defaultPort = 8765;

// The error names the first address that cannot be used, as typed.
Expected<QList<QUrl>, QString> parseList(const QString &text);
QString formatList(const QList<QUrl> &servers);
} // namespace ServerAddress
