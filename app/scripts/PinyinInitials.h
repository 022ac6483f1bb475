#pragma once

#include <QHash>
#include <QString>
#include <memory>

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
    QString initialsOf(const QString &text) const;
    QString runInitials(QStringView han) const;

    // ICU's transliterator under a name of our own: ICU's classes live in a versioned namespace
    // (icu_72) that cannot be forward-declared without including ICU here.
    struct Transliterator;
    std::unique_ptr<Transliterator> m_transliterator;
    QHash<QString, QString> m_known;
};
