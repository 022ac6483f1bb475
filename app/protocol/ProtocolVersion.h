#pragma once

#include <QList>
#include <optional>

namespace ProtocolVersion {
constexpr int current = 1;
QList<int> supported();
// The highest version both sides speak, if any.
std::optional<int> negotiate(const QList<int> &offered);
} // namespace ProtocolVersion
