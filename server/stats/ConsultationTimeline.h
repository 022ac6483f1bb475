#pragma once

#include "app/domain/Vocabulary.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Everything statistics need of one consultation: who opened it, where it stands, and its
// messages in order, system entries included. The system entries (claimed, transferred,
// closed, rated) are the consultation's history; the figures are read off them, never off the
// consultation's current columns, which keep only the latest claim.
struct ConsultationTimeline
{
    struct Entry
    {
        SenderKind sender = SenderKind::System;
        qint64 senderId = 0;
        MessageKind kind = MessageKind::Text;
        qint64 voiceMs = 0;
        QJsonObject system; // system entries only
        qint64 at = 0;
    };

    qint64 id = 0;
    qint64 representativeId = 0;
    QString groupKind;       // the representative's "npc" | "cppcc"
    QString groupName;       // their delegation (npc) or sector (cppcc)
    qint64 departmentId = 0; // now
    qint64 createdAt = 0;
    QList<Entry> entries; // in message id order
};
