#pragma once

#include <QList>
#include <QString>
#include <QStringList>

struct DemoScript
{
    QString category;
    QString title;
    QString body;
    QStringList tags;
    QString validUntil; // YYYY-MM-DD or empty
};

QList<DemoScript> demoScripts();
