#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// What a script's placeholders are filled with when it is inserted into a reply. An empty
// value means "not known here" (no consultation open, say): the placeholder is then left in
// the text, like an unknown one, and reported.
struct PlaceholderContext
{
    QString representativeName;  // 王伟
    QString representativeTitle; // 代表 (NPC deputy) or 委员 (CPPCC member)
    QString delegationOrSector;  // 浦东新区代表团 / 教育界
    QString department;          // the responder's department
    QString responderName;
    QString consultationNumber;
    QDate today;
};

// The result of filling: the text to put into the composer, and every placeholder that is still
// in it (unknown names, or known ones without a value), in order of appearance, as written
// (with braces), each once.
struct FilledScript
{
    QString text;
    QStringList unfilled;
};

// Placeholders are written in braces, in Chinese or English: {代表姓名} or {name}. See
// docs/scripts.md for the list. Anything else in braces that looks like a placeholder is
// kept exactly as written and reported, never dropped.
namespace ScriptPlaceholders {

struct Placeholder
{
    QString chinese;     // 代表姓名
    QString english;     // name
    QString description; // translated, for the editor's "Insert placeholder" menu
};

// The known placeholders, in the order the editor offers them.
QList<Placeholder> known();
FilledScript fill(const QString &body, const PlaceholderContext &context);
// Every brace-enclosed placeholder-shaped span in the text (known or not): offsets and lengths,
// for highlighting what is left in the composer.
QList<QPair<int, int>> spans(const QString &text);

} // namespace ScriptPlaceholders
