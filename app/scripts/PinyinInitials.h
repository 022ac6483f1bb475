#pragma once

#include <QHash>
#include <QString>
#include <memory>

namespace icu {
class Transliterator;
}

// The pinyin initials of Chinese text ("医保异地就医" → "ybydjy"), so that a search typed on a
// Latin keyboard finds Chinese titles. Uses ICU's Han-Latin transliterator (the data ships with
// libicu, which Qt already loads); for a character with several readings it gives the common
// one. Other characters pass through lower-cased; spaces and punctuation are dropped.
class PinyinInitials
{
public:
    PinyinInitials();
    ~PinyinInitials();
    PinyinInitials(const PinyinInitials &) = delete;
    PinyinInitials &operator=(const PinyinInitials &) = delete;

    bool isValid() const { return m_transliterator != nullptr; }
    QString initials(const QString &text); // remembered per text

private:
    std::unique_ptr<icu::Transliterator> m_transliterator;
    QHash<QString, QString> m_known;
};
