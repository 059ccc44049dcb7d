#include "IntegrityChecker.h"

#include "DailyRollups.h"
#include "PartialReplay.h"
#include "ReadSnapshot.h"
#include "ReferenceProjector.h"
#include "Sql.h"
#include "StateProjector.h"
#include "domain/Snapshot.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace rework {
namespace {

// Fixed table names: the derived state that a replay must reproduce.
constexpr const char* kDerivedTables[] = {"cards",     "dies",          "boards",     "units",
                                          "batches",   "voided_events", "kpi_hourly", "kpi_station_hourly",
                                          "kpi_cards", "kpi_defects",   "kpi_units",  "kpi_anomalies",
                                          "spc_values"};

// Timestamps of batch and item updates are compared too: a replay sets them from the events.
Result<sql::Differing> differingRows(const QSqlDatabase& db, const QString& table)
{
    // By key: a row the replay gives other values is one row that differs, not two.
    Result<QStringList> keys = sql::primaryKey(db, table);
    if (!keys)
        return keys.error();
    return sql::differing(db, QStringLiteral("SELECT * FROM temp.") + table,
                          QStringLiteral("SELECT * FROM main.") + table, keys.value());
}

/// Operators that events name but the registry does not hold: records whose author can no longer
/// be told. Operators are reference data, known at every station; every event names one, or the
/// shell, or a station token (a station's own credential, so one of another station's is not
/// known here; nor, until its registration arrives, is the station itself: stations are checked
/// by the reference log instead).
Result<QStringList> unknownAuthors(const QSqlDatabase& db)
{
    auto q =
        sql::run(db,
                 QStringLiteral("SELECT operator_id, count(*) FROM events e WHERE NOT EXISTS "
                                "(SELECT 1 FROM operators o WHERE o.id = e.operator_id) AND operator_id <> ? "
                                "AND substr(operator_id, 1, ?) <> ? GROUP BY 1 ORDER BY 1 LIMIT 100"),
                 {kShellOperator, kTokenOperatorPrefix.size(), QString(kTokenOperatorPrefix)});
    if (!q)
        return q.error();
    QStringList problems;
    while (q.value().next()) {
        problems << IntegrityChecker::tr("events: %n event(s) name operator %1, who is not registered here",
                                         nullptr, q.value().value(1).toInt())
                        .arg(q.value().value(0).toString().left(64));
    }
    return problems;
}

/// An empty TEMP table with the schema and indexes of main.`table`. Unqualified names find TEMP
/// first, so the projector's writes land there, and its foreign keys point at the other TEMP
/// tables (SQLite resolves a parent in its child's schema).
Status shadow(const QSqlDatabase& db, const QString& table)
{
    auto q = sql::run(db,
                      QStringLiteral("SELECT type, sql FROM main.sqlite_master WHERE tbl_name = ? AND sql IS "
                                     "NOT NULL AND type IN ('table', 'index') ORDER BY type DESC"),
                      {table});
    if (!q)
        return q.error();
    static const QRegularExpression createTable(QStringLiteral("^CREATE TABLE "));
    static const QRegularExpression createIndex(QStringLiteral("^CREATE (UNIQUE )?INDEX "));
    // Read to the end before creating anything: no schema change while a cursor is open.
    QStringList statements;
    while (q.value().next()) {
        QString statement = q.value().value(1).toString();
        if (q.value().value(0).toString() == QLatin1StringView("table"))
            statement.replace(createTable, QStringLiteral("CREATE TEMP TABLE "));
        else
            statement.replace(createIndex, QStringLiteral("CREATE \\1INDEX temp."));
        statements << statement;
    }
    q.value().finish();
    for (const QString& statement : statements) {
        QSqlQuery create(db);
        if (!create.exec(statement))
            return sql::storageError(
                Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query")),
                create.lastError().text());
    }
    return {};
}

// The item tables and their keys, fixed: the rows one item's check compares.
constexpr struct
{
    const char* table;
    const char* key;
} kItemTables[] = {
    {"cards", "serial"}, {"dies", "id"}, {"boards", "serial"}, {"units", "serial"}, {"batches", "id"}};

void dropShadows(const QSqlDatabase& db)
{
    for (const char* table : kDerivedTables) {
        QSqlQuery drop(db);
        drop.exec(QStringLiteral("DROP TABLE IF EXISTS temp.") + QLatin1StringView(table));
    }
}

/// Shadows of every derived table; dropped again if one cannot be made.
Status shadowAll(const QSqlDatabase& db)
{
    for (const char* table : kDerivedTables) {
        if (Status st = shadow(db, QString::fromLatin1(table)); !st) {
            dropShadows(db);
            return st;
        }
    }
    return {};
}

/// One row of PRAGMA foreign_key_check told as a supervisor can act on it: the child row by its
/// key (not SQLite's rowid) and the value that names no parent, e.g. "units U-1: die_id = D-9 is not
/// in dies". Names come from the schema itself (the pragma's own output), quoted; values bound.
Result<QString> describeForeignKey(const QSqlDatabase& db, const QString& table, const QVariant& rowid,
                                   const QString& parent, int fkId)
{
    const auto quoted = [](QString name) -> QString {
        return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    QStringList keyColumns, fromColumns;
    auto info = sql::run(db, QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk"),
                         {table});
    if (!info)
        return info.error();
    while (info.value().next())
        keyColumns << info.value().value(0).toString();
    auto fks = sql::run(
        db, QStringLiteral("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq"),
        {table, fkId});
    if (!fks)
        return fks.error();
    while (fks.value().next())
        fromColumns << fks.value().value(0).toString();
    QStringList selected;
    for (const QString& c : keyColumns + fromColumns)
        selected << quoted(c);
    QString key = QStringLiteral("rowid ") + rowid.toString();
    QStringList values;
    if (!selected.isEmpty() && !rowid.isNull()) {
        auto row =
            sql::run(db,
                     QStringLiteral("SELECT ") + selected.join(QLatin1Char(',')) +
                         QStringLiteral(" FROM main.") + quoted(table) + QStringLiteral(" WHERE rowid = ?"),
                     {rowid});
        if (!row)
            return row.error();
        if (row.value().next()) {
            QStringList keyValues;
            for (int i = 0; i < keyColumns.size(); ++i)
                keyValues << row.value().value(i).toString();
            if (!keyValues.isEmpty())
                key = keyValues.join(QLatin1Char('/'));
            for (int i = 0; i < fromColumns.size(); ++i)
                values << fromColumns.at(i) + QStringLiteral(" = ") +
                              row.value().value(static_cast<int>(keyColumns.size()) + i).toString();
        }
    }
    return IntegrityChecker::tr("foreign key: %1 %2: %3 is not in %4")
        .arg(table, key,
             values.isEmpty() ? fromColumns.join(QStringLiteral(", ")) : values.join(QStringLiteral(", ")),
             parent);
}

} // namespace

Result<QStringList> IntegrityChecker::checkItem(const QString& serial, qint64* events) const
{
    ReadSnapshot snapshot(m_db);
    if (Status st = snapshot.begin(); !st)
        return st.error();
    // The closure and its events are read before the shadows hide the main tables' names.
    Result<QList<EventRecord>> genealogy = PartialReplay(m_db).genealogyOf(serial);
    if (!genealogy)
        return genealogy.error();
    auto named = sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM temp.replay_items"));
    if (!named)
        return named.error();
    if (named.value().toLongLong() == 0)
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("serial"),
                         Message(tr, QT_TR_NOOP("no event names %1; give a card, die, board, unit or batch"),
                                 {serial.left(64)}));
    if (events)
        *events = genealogy->size();
    if (Status st = shadowAll(m_db); !st)
        return st.error();
    QStringList problems;
    Status replayed;
    StateProjector projector(m_db);
    for (const EventRecord& e : genealogy.value()) {
        if (replayed = projector.apply(e); !replayed)
            break;
    }
    for (const auto& [table, key] : kItemTables) {
        if (!replayed)
            break;
        // Fixed names; the items of the genealogy bound through the temp table.
        const QString rows =
            QStringLiteral("SELECT * FROM %2.%1 WHERE %3 IN (SELECT serial FROM temp.replay_items)");
        const QString statement =
            QStringLiteral("SELECT %1 FROM (%2)")
                .arg(QLatin1StringView(key),
                     sql::symmetricDifference(
                         rows.arg(QLatin1StringView(table), QStringLiteral("temp"), QLatin1StringView(key)),
                         rows.arg(QLatin1StringView(table), QStringLiteral("main"), QLatin1StringView(key))));
        auto differing = sql::run(m_db, statement);
        if (!differing) {
            replayed = differing.error();
            break;
        }
        QStringList keys;
        while (differing.value().next())
            keys << differing.value().value(0).toString();
        keys.removeDuplicates();
        for (const QString& k : keys)
            problems << tr("derived state: %1 %2 differs from a replay of its events")
                            .arg(QLatin1StringView(table), k);
    }
    snapshot.end();
    dropShadows(m_db);
    if (!replayed)
        return replayed.error();
    return problems;
}

Result<QStringList> IntegrityChecker::run() const
{
    // One snapshot for every check below; a read transaction never holds the write lock.
    ReadSnapshot snapshot(m_db);
    if (Status st = snapshot.begin(); !st)
        return st.error();
    QStringList problems;
    auto integrity = sql::run(m_db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return integrity.error();
    while (integrity.value().next()) {
        const QString line = integrity.value().value(0).toString();
        if (line != QLatin1StringView("ok"))
            problems << tr("integrity: %1").arg(line);
    }
    const bool damaged = !problems.isEmpty();
    auto fk = sql::run(m_db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!fk)
        return fk.error();
    struct Violation
    {
        QString table;
        QVariant rowid;
        QString parent;
        int fkId;
    };
    QList<Violation> violations; // read whole before the next query on this connection
    while (fk.value().next())
        violations.append({fk.value().value(0).toString(), fk.value().value(1),
                           fk.value().value(2).toString(), fk.value().value(3).toInt()});
    fk.value().finish();
    // A damaged file can have thousands: the first hundred by name, then how many more.
    constexpr qsizetype kNamed = 100;
    for (qsizetype i = 0; i < std::min(kNamed, violations.size()); ++i) {
        const Violation& v = violations.at(i);
        Result<QString> line = describeForeignKey(m_db, v.table, v.rowid, v.parent, v.fkId);
        if (!line)
            return line.error();
        problems << line.value();
    }
    if (violations.size() > kNamed)
        problems << tr("foreign key: %1 more rows name a parent that is not there")
                        .arg(violations.size() - kNamed);
    // A file SQLite finds damaged is not read further; broken links are told with the rest.
    if (damaged)
        return problems;

    Result<QStringList> authors = unknownAuthors(m_db);
    if (!authors)
        return authors.error();
    problems << authors.value();

    // Reference data: every column as the newest change of it says, and set by that change.
    Result<QStringList> reference = ReferenceProjector(m_db).verify();
    if (!reference)
        return reference.error();
    problems << reference.value();

    // The daily rollups against the detailed rows their triggers count.
    Result<QList<DailyRollups::Difference>> rollups = DailyRollups::differences(m_db);
    if (!rollups)
        return rollups.error();
    for (const DailyRollups::Difference& d : rollups.value())
        problems << tr("derived state: %1 rows of %2 differ from a count of their source, at %3")
                        .arg(d.rows)
                        .arg(d.table, d.examples.join(QStringLiteral(", ")));

    // The replay goes into TEMP copies of the derived tables and is compared with the snapshot:
    // the main database is only read, so stations go on recording while a check runs.
    if (Status st = shadowAll(m_db); !st)
        return st.error();
    Status replayed = StateProjector(m_db).rebuild();
    for (const char* table : kDerivedTables) {
        if (!replayed)
            break;
        const QString name = QString::fromLatin1(table);
        Result<sql::Differing> n = differingRows(m_db, name);
        if (!n) {
            replayed = n.error();
            break;
        }
        if (n->rows > 0)
            problems << tr("derived state: %1 rows of %2 differ from a replay of the events, at %3")
                            .arg(n->rows)
                            .arg(name, n->examples.join(QStringLiteral(", ")));
    }
    snapshot.end();
    dropShadows(m_db);
    if (!replayed)
        return replayed.error();
    return problems;
}

} // namespace rework
