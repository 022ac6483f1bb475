#pragma once

#include <QList>

#include <algorithm>
#include <cmath>

// The nearest-rank percentile `p` (0–100) of `values`; 0 for none. One definition for every
// benchmark, so that their figures mean the same.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(std::ceil(p / 100.0 * values.size())) - 1;
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}
