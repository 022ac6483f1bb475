#include "ProtocolVersion.h"

namespace ProtocolVersion {

QList<int> supported()
{
    return {1};
}

std::optional<int> negotiate(const QList<int> &offered)
{
    std::optional<int> best;
    const QList<int> ours = supported();
    for (int v : offered) {
        if (ours.contains(v) && (!best || v > *best))
            best = v;
    }
    return best;
}

} // namespace ProtocolVersion
