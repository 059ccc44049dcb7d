#include "ReferenceProjector.h"

#include "ReferenceTables.h"
#include "Sql.h"
#include "domain/ReferenceChange.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

namespace rework {
namespace {

/// A JSON value as the column value both SQLite and PostgreSQL take: whole numbers as integers
/// (an integer column in PostgreSQL refuses "1.0"), booleans as 1 and 0.
QVariant columnValue(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9.0e15)
            return static_cast<qint64>(d);
        return d;
    }
    if (v.isString())
        return v.toString();
    return {};
}

/// Two column values as equal as a round trip through either database leaves them.
bool sameValue(const QVariant& a, const QVariant& b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    bool aNumber = false, bNumber = false;
    const double x = a.toDouble(&aNumber), y = b.toDouble(&bNumber);
    if (aNumber && bNumber)
        return x == y;
    return a.toString() == b.toString();
}

/// Table and column names in the statements below come only from the fixed ReferenceTable
/// catalogue (an event's table and columns are looked up there and refused when unknown); every
/// value is bound. SQL cannot bind identifiers, so these are the one place they are spliced.
QString whereKeys(const ReferenceTable& t)
{
    QStringList parts;
    for (const QString& k : t.keys)
        parts << k + QStringLiteral(" = ?");
    return parts.join(QStringLiteral(" AND "));
}

struct ParsedChange
{
    const ReferenceTable* table = nullptr;
    ReferenceChange change;
    QVariantList keyValues;
    QString rowKey;
};

Result<ParsedChange> parse(const EventRecord& e)
{
    const auto bad = [&](const QString& why) {
        return makeError(ErrorCode::Storage, QStringLiteral("reference"),
                         QStringLiteral("reference change %1: %2").arg(e.id, why));
    };
    std::optional<ReferenceChange> change = ReferenceChange::fromPayload(e.payload);
    if (!change)
        return bad(QStringLiteral("no table, key or columns"));
    ParsedChange out;
    out.table = ReferenceTable::find(change->table);
    if (!out.table)
        return bad(QStringLiteral("unknown table ") + change->table.left(40));
    for (const QString& k : out.table->keys) {
        const QJsonValue v = change->key.value(k);
        if (v.isUndefined() || v.isNull())
            return bad(QStringLiteral("no key column ") + k);
        out.keyValues << columnValue(v);
    }
    for (auto it = change->set.begin(); it != change->set.end(); ++it) {
        if (it.key() != ReferenceChange::kPresent && !out.table->columns.contains(it.key()))
            return bad(QStringLiteral("unknown column ") + it.key().left(40));
    }
    out.rowKey = out.table->rowKeyOf(change->key);
    out.change = std::move(*change);
    return out;
}

} // namespace

QString ReferenceProjector::version(const EventRecord& event)
{
    return event.recordedAt.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + event.id;
}

Status ReferenceProjector::apply(const EventRecord& event)
{
    Result<ParsedChange> parsed = parse(event);
    if (!parsed)
        return parsed.error();
    const ReferenceTable& t = *parsed->table;
    const ReferenceChange& change = parsed->change;
    if (t.keys.size() == 1 && ReferenceTable::isStationLocal(t.name, parsed->keyValues.first().toString()))
        return {};
    auto stored = sql::run(m_db,
                           QStringLiteral("SELECT field, version FROM reference_versions WHERE tbl = ? AND "
                                          "row_key = ?"),
                           {t.name, parsed->rowKey});
    if (!stored)
        return stored.error();
    QHash<QString, QString> versions;
    while (stored.value().next())
        versions.insert(stored.value().value(0).toString(), stored.value().value(1).toString());
    stored.value().finish();

    const QString v = version(event);
    QStringList winners;
    for (auto it = change.set.begin(); it != change.set.end(); ++it) {
        if (versions.value(it.key()) < v)
            winners << it.key();
    }
    if (winners.isEmpty())
        return {};

    const QString present = versions.value(ReferenceChange::kPresent);
    if (winners.contains(ReferenceChange::kPresent) &&
        !change.set.value(ReferenceChange::kPresent).toBool()) {
        if (Status st = sql::exec(m_db, QStringLiteral("DELETE FROM %1 WHERE %2").arg(t.name, whereKeys(t)),
                                  parsed->keyValues);
            !st)
            return st;
    } else {
        QStringList columns = t.keys, marks, updates;
        QVariantList values = parsed->keyValues;
        for (const QString& c : t.columns) {
            const bool wins = winners.contains(c);
            if (!wins && !t.defaults.contains(c))
                continue;
            columns << c;
            values << (wins ? columnValue(change.set.value(c)) : t.defaults.value(c));
            if (wins)
                updates << c + QStringLiteral(" = excluded.") + c;
        }
        for (int i = 0; i < columns.size(); ++i)
            marks << QStringLiteral("?");
        // A row removed by a newer change stays removed: an older change only updates.
        const bool removedSince =
            !present.isEmpty() && present > v && !winners.contains(ReferenceChange::kPresent);
        Status st;
        if (!removedSince) {
            st = sql::exec(m_db,
                           QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) %5")
                               .arg(t.name, columns.join(QStringLiteral(", ")),
                                    marks.join(QStringLiteral(", ")), t.keys.join(QStringLiteral(", ")),
                                    updates.isEmpty() ? QStringLiteral("DO NOTHING")
                                                      : QStringLiteral("DO UPDATE SET ") +
                                                            updates.join(QStringLiteral(", "))),
                           values);
        }
        if (!st)
            return st;
    }
    for (const QString& field : std::as_const(winners)) {
        if (Status st =
                sql::exec(m_db,
                          QStringLiteral("INSERT INTO reference_versions (tbl, row_key, field, version) "
                                         "VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_key, field) DO "
                                         "UPDATE SET version = excluded.version"),
                          {t.name, parsed->rowKey, field, v});
            !st)
            return st;
    }
    return {};
}

Result<QStringList> ReferenceProjector::verify() const
{
    // The newest change of each column, from the log alone.
    struct Newest
    {
        QString version;
        QJsonValue value;
        const ReferenceTable* table = nullptr;
        QVariantList keyValues;
    };
    QHash<QString, Newest> newest; // table, row key, column
    auto events = sql::run(m_db,
                           QStringLiteral("SELECT id, recorded_at, payload FROM events WHERE step = ? "
                                          "ORDER BY seq"),
                           {ReferenceChange::kStep});
    if (!events)
        return events.error();
    QStringList problems;
    while (events.value().next()) {
        EventRecord e;
        e.id = events.value().value(0).toString();
        e.recordedAt = QDateTime::fromString(events.value().value(1).toString(), Qt::ISODateWithMs);
        e.payload = QJsonDocument::fromJson(events.value().value(2).toByteArray()).object();
        Result<ParsedChange> parsed = parse(e);
        if (!parsed) {
            problems << tr("reference change %1 cannot be read").arg(e.id);
            continue;
        }
        const QString v = version(e);
        for (auto it = parsed->change.set.begin(); it != parsed->change.set.end(); ++it) {
            const QString id = parsed->table->name + QChar(0x1e) + parsed->rowKey + QChar(0x1e) + it.key();
            Newest& n = newest[id];
            if (n.version < v)
                n = {v, it.value(), parsed->table, parsed->keyValues};
        }
    }
    QSet<QString> missing; // rows already reported missing, once each
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        const QStringList parts = it.key().split(QChar(0x1e));
        const QString& column = parts.at(2);
        const Newest& n = it.value();
        if (ReferenceTable::isStationLocal(n.table->name, n.keyValues.first().toString()))
            continue;
        auto stored = sql::scalar(m_db,
                                  QStringLiteral("SELECT version FROM reference_versions WHERE tbl = ? AND "
                                                 "row_key = ? AND field = ?"),
                                  {n.table->name, parts.at(1), column});
        if (!stored)
            return stored.error();
        const QString where =
            QStringLiteral("%1 %2.%3")
                .arg(n.table->name, QString(parts.at(1)).replace(QChar(0x1f), QLatin1Char('/')), column);
        if (stored.value().toString() != n.version) {
            problems << tr("reference data: %1 was not set by its newest change").arg(where);
            continue;
        }
        auto row = sql::row(m_db,
                            QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                .arg(column == ReferenceChange::kPresent ? QStringLiteral("1") : column,
                                     n.table->name, whereKeys(*n.table)),
                            n.keyValues);
        if (!row)
            return row.error();
        if (column == ReferenceChange::kPresent) {
            if (row.value().has_value() != n.value.toBool())
                problems << tr("reference data: %1 is not what its newest change says").arg(where);
        } else if (row.value() && !sameValue(row.value()->first(), columnValue(n.value))) {
            // Both values, as check tells derived state; a PIN hash is named, never shown.
            const bool secret = column.contains(QLatin1StringView("hash"));
            const auto shown = [&](const QVariant& v) {
                return secret ? tr("(a PIN hash)") : sql::shownValue(v);
            };
            problems << tr("reference data: %1 is %2, its newest change says %3")
                            .arg(where, shown(row.value()->first()), shown(columnValue(n.value)));
        } else if (!row.value()) {
            // Gone, though no change took it away (one that does sets its presence false).
            const QString rowId = parts.at(0) + QChar(0x1e) + parts.at(1);
            const auto present = newest.constFind(rowId + QChar(0x1e) + ReferenceChange::kPresent);
            if ((present == newest.cend() || present->value.toBool()) && !missing.contains(rowId)) {
                missing.insert(rowId);
                problems << tr("reference data: %1 %2 is missing, though its changes put it there")
                                .arg(n.table->name,
                                     QString(parts.at(1)).replace(QChar(0x1f), QLatin1Char('/')));
            }
        }
    }
    Result<QStringList> unrecorded = rowsWithoutChanges(newest.keys());
    if (!unrecorded)
        return unrecorded.error();
    return problems + unrecorded.value();
}

Result<QStringList> ReferenceProjector::rowsWithoutChanges(const QStringList& changedColumns) const
{
    // Who may act and where: an operator or station that no change records was written into the
    // file by hand (an admin account nobody created, say). Rows from before the log recorded
    // reference data (migration 0017) have none, so only rows created since its first change
    // count; SYSTEM is the migrations' own.
    QSet<QString> recorded;
    for (const QString& id : changedColumns)
        recorded.insert(id.section(QChar(0x1e), 0, 1));
    auto first = sql::scalar(m_db, QStringLiteral("SELECT min(recorded_at) FROM events WHERE step = ?"),
                             {ReferenceChange::kStep});
    if (!first)
        return first.error();
    if (first.value().isNull())
        return QStringList();
    QStringList problems;
    for (const char* table : {"operators", "stations"}) {
        auto rows =
            sql::run(m_db,
                     QStringLiteral("SELECT id FROM %1 WHERE id <> 'SYSTEM' AND created_at >= ? ORDER BY id")
                         .arg(QLatin1StringView(table)),
                     {first.value()});
        if (!rows)
            return rows.error();
        while (rows.value().next()) {
            const QString id = rows.value().value(0).toString();
            if (!recorded.contains(QLatin1StringView(table) + QChar(0x1e) + id))
                problems << tr("reference data: %1 %2 was not added by any recorded change; it was written "
                               "into the file directly")
                                .arg(QLatin1StringView(table), id.left(64));
        }
    }
    return problems;
}

} // namespace rework
