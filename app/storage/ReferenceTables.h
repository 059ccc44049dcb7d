#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariantMap>

namespace rework {

/// The reference tables that every station shares, their key columns and their other columns:
/// the one list that changes, the projector, the sync and `check` work from.
struct ReferenceTable
{
    QString name;
    QStringList keys;
    QStringList columns;  ///< the columns besides the keys
    QVariantMap defaults; ///< values for NOT NULL columns a change that creates the row leaves out

    static const QList<ReferenceTable>& all();
    static const ReferenceTable* find(const QString& name);
    /// Rows that never travel: the station-local `derived.*` settings.
    static bool isStationLocal(const QString& table, const QString& key);
    /// One text for a row's key values (a change's `key` object): where its column versions are kept.
    QString rowKeyOf(const QJsonObject& key) const;
};

} // namespace rework
