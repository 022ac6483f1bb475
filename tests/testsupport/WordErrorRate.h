#pragma once

#include <QStringList>

#include <algorithm>

// Word error rate: edits (substitutions, insertions, deletions) over the reference's words.
inline double wordErrorRate(const QStringList &reference, const QStringList &heard)
{
    QList<int> previous(heard.size() + 1);
    for (int j = 0; j <= heard.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= reference.size(); ++i) {
        QList<int> current(heard.size() + 1);
        current[0] = i;
        for (int j = 1; j <= heard.size(); ++j) {
            const int substitution =
                previous[j - 1] +
                (reference[i - 1].compare(heard[j - 1], Qt::CaseInsensitive) != 0);
            current[j] = std::min({substitution, previous[j] + 1, current[j - 1] + 1});
        }
        previous = current;
    }
    return reference.isEmpty() ? 0 : double(previous.constLast()) / double(reference.size());
}

// Lower-case words split at spaces.
inline QStringList wordsOf(const QString &text)
{
    return text.toLower().split(u' ', Qt::SkipEmptyParts);
}
