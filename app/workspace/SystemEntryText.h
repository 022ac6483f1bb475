#pragma once

#include "Directory.h"

#include <QJsonObject>
#include <QString>

// What a system entry of a conversation says (claimed, transferred, closed, rated), in the
// interface language, with people and departments by name. Shared by the conversation view
// and the exported records.
QString systemEntryText(const QJsonObject &payload, const Directory &directory, bool english);
