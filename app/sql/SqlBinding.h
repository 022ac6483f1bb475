#pragma once

#include <QSqlQuery>
#include <QVariantList>

// How every statement of the project binds its values. Qt Sql binds an empty QString as NULL,
// which NOT NULL text columns refuse; an empty string is bound as '' instead, and an intended
// NULL is passed as an invalid QVariant().
QVariant sqlBindable(const QVariant &value);
// Prepares `sql`, binds `values` positionally and executes it (without values: executes it
// unprepared).
bool execBound(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
