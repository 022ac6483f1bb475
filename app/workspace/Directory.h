#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

// Names of departments and responders, for what records only give as ids (system entries of a
// conversation, transfer targets). Small: a few dozen departments, a few hundred people.
struct Directory
{
    struct Department
    {
        QString name;   // Chinese
        QString nameEn; // English
    };
    struct Responder
    {
        QString name;
        qint64 departmentId = 0;
        QString role; // responder | lead
        bool active = true;
    };
    QHash<qint64, Department> departments;
    QHash<qint64, Responder> responders;

    QString departmentName(qint64 id, bool english) const
    {
        const auto it = departments.constFind(id);
        if (it == departments.cend())
            return {};
        return english && !it->nameEn.isEmpty() ? it->nameEn : it->name;
    }
    QString responderName(qint64 id) const { return responders.value(id).name; }
};

Q_DECLARE_METATYPE(Directory)
