#include "IntegrityChecker.h"

#include "DailyRollups.h"
#include "EventChain.h"
#include "PartialReplay.h"
#include "ReadSnapshot.h"
#include "ReferenceProjector.h"
#include "Sql.h"
#include "StateProjector.h"
#include "domain/Snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <climits>

namespace rework {
namespace {

// Fixed table names: the derived state that a replay must reproduce.
constexpr const char* kDerivedTables[] = {"cards",     "dies",          "boards",     "units",
                                          "batches",   "voided_events", "kpi_hourly", "kpi_station_hourly",
                                          "kpi_cards", "kpi_defects",   "kpi_units",  "kpi_anomalies",
                                          "spc_values"};

using Finding = IntegrityChecker::Finding;

bool isDerived(const QString& table)
{
    return std::any_of(std::begin(kDerivedTables), std::end(kDerivedTables),
                       [&](const char* t) { return table == QLatin1StringView(t); });
}

// Timestamps of batch and item updates are compared too: a replay sets them from the events.
// `where` narrows both sides alike (one item's check).
Result<sql::Differing> differingRows(const QSqlDatabase& db, const QString& table, const QString& where = {})
{
    // By key: a row the replay gives other values is one row that differs, not two.
    Result<QStringList> keys = sql::primaryKey(db, table);
    if (!keys)
        return keys.error();
    return sql::differing(db, QStringLiteral("SELECT * FROM main.") + table + where,
                          QStringLiteral("SELECT * FROM temp.") + table + where, keys.value());
}

/// Up to three examples, then how many of `total` they leave out.
QString withMore(const QStringList& examples, qint64 total)
{
    QString text = examples.join(QStringLiteral("; "));
    if (const qint64 more = total - examples.size(); more > 0)
        text +=
            IntegrityChecker::tr("; and %n more", nullptr, static_cast<int>(std::min<qint64>(more, INT_MAX)));
    return text;
}

/// Where the expected rows come from, for the words that tell a difference.
enum class Source
{
    Replay, // a replay of the events
    Count,  // a count of the detailed rows a rollup sums
};

/// One row that differs, e.g. "cards ZT1: state is 'scrapped', the events give 'tested'".
QString toldRow(const QString& table, const sql::RowDifference& r, Source source)
{
    const QString row = table + QLatin1Char(' ') + r.key;
    if (!r.inStored)
        return source == Source::Replay
                   ? IntegrityChecker::tr("%1 is missing, though the events make it").arg(row)
                   : IntegrityChecker::tr("%1 is missing, though its source counts it").arg(row);
    if (!r.inExpected)
        return source == Source::Replay ? IntegrityChecker::tr("%1 is made by no event").arg(row)
                                        : IntegrityChecker::tr("%1 counts nothing in its source").arg(row);
    QStringList columns;
    for (qsizetype i = 0; i < r.columns.size(); ++i) {
        columns << (source == Source::Replay ? IntegrityChecker::tr("%1 is %2, the events give %3")
                                             : IntegrityChecker::tr("%1 is %2, its source gives %3"))
                       .arg(r.columns.at(i), sql::shownValue(r.stored.at(i)),
                            sql::shownValue(r.expected.at(i)));
    }
    if (columns.isEmpty()) // only a value's type differs
        return IntegrityChecker::tr("%1 differs").arg(row);
    return row + QStringLiteral(": ") + columns.join(QStringLiteral(", "));
}

/// The examples of a difference, then how many rows they leave out.
QString toldSamples(const QString& table, const sql::Differing& d, Source source)
{
    QStringList told;
    for (const sql::RowDifference& r : d.samples)
        told << toldRow(table, r, source);
    for (const QString& e : d.examples)
        told << table + QLatin1Char(' ') + e;
    return withMore(told, d.rows);
}

/// The event links (event_subjects): which serials each event concerns. The trace, the KPI
/// rollups, voids and sync read them, and they are recorded with the event, not derived from it:
/// damage to them is told as itself, not as the rollups it throws off. Checked against what every
/// event must name: its own item, and from intake on its card, the one its item comes from in
/// the replay (in TEMP tables, so after it).
Result<QList<Finding>> subjectProblems(const QSqlDatabase& db, const QString& scope = {},
                                       const QVariantList& binds = {})
{
    // Reference changes name no item; a void names its target's items; close and ship name a batch.
    const QString ownItem = QStringLiteral(
        "SELECT e.seq, e.step, e.subject FROM main.events e WHERE e.step NOT IN ('reference', 'void') "
        "AND e.subject <> '' AND NOT EXISTS (SELECT 1 FROM main.event_subjects s WHERE s.serial = "
        "e.subject AND s.event_seq = e.seq)");
    const QString oneCard = QStringLiteral(
        "SELECT e.seq, e.step, e.subject FROM main.events e WHERE e.step NOT IN ('reference', 'void', "
        "'close', 'ship') AND (SELECT count(*) FROM main.event_subjects s WHERE s.event_seq = e.seq AND "
        "s.kind = 'card') <> 1");
    // The card, die and board an event names are those of its item in the replay (whose item
    // tables no link feeds); a batch's close and ship name none. An item the replay lacks (its
    // events voided) is not judged.
    const QString otherItem = QStringLiteral(
        "SELECT e.seq, e.step, e.subject, s.kind || ' ' || s.serial FROM main.events e JOIN "
        "main.event_subjects s ON s.event_seq = e.seq AND s.kind IN ('card', 'die', 'board') "
        "LEFT JOIN temp.units u ON u.serial = e.subject LEFT JOIN temp.dies d ON d.id = e.subject "
        "LEFT JOIN temp.cards c ON c.serial = e.subject WHERE e.step NOT IN ('reference', 'void') AND "
        "s.serial IS NOT CASE WHEN e.step IN ('close', 'ship') THEN NULL "
        "WHEN u.serial IS NOT NULL THEN CASE s.kind WHEN 'card' THEN u.card_serial WHEN 'die' THEN "
        "u.die_id ELSE u.board_serial END "
        "WHEN d.id IS NOT NULL THEN CASE s.kind WHEN 'card' THEN d.card_serial WHEN 'die' THEN d.id "
        "ELSE s.serial END "
        "WHEN c.serial IS NOT NULL THEN CASE s.kind WHEN 'card' THEN c.serial END "
        "ELSE s.serial END");
    const struct
    {
        const QString& rows;
        const char* text;
    } kinds[] = {
        {ownItem,
         QT_TRANSLATE_NOOP("IntegrityChecker", "event links: %n event(s) do not name their own item: %1")},
        {oneCard, QT_TRANSLATE_NOOP("IntegrityChecker",
                                    "event links: %n event(s) name no donor card, or more than one: %1")},
        {otherItem, QT_TRANSLATE_NOOP("IntegrityChecker",
                                      "event links: %n link(s) name a card, die or board their event's item "
                                      "does not come from: %1")},
    };
    QList<Finding> found;
    for (const auto& kind : kinds) {
        // `scope` narrows each rule's events (one item's); appended to its WHERE.
        auto n = sql::scalar(
            db, QStringLiteral("SELECT count(*) FROM (") + kind.rows + scope + QLatin1Char(')'), binds);
        if (!n)
            return n.error();
        const qint64 rows = n.value().toLongLong();
        if (rows == 0)
            continue;
        auto first = sql::run(db, kind.rows + scope + QStringLiteral(" ORDER BY e.seq LIMIT 3"), binds);
        if (!first)
            return first.error();
        QStringList examples;
        while (first.value().next()) {
            QString example = IntegrityChecker::tr("event %1 (%2 of %3)")
                                  .arg(first.value().value(0).toString(), first.value().value(1).toString(),
                                       first.value().value(2).toString().left(64));
            if (first.value().record().count() > 3)
                example += IntegrityChecker::tr(" names %1").arg(first.value().value(3).toString().left(64));
            examples << example;
        }
        found.append(
            {Finding::Kind::Record, rows,
             IntegrityChecker::tr(kind.text, nullptr, static_cast<int>(rows)).arg(withMore(examples, rows))});
    }
    if (!found.isEmpty())
        found.append({Finding::Kind::Record, 0,
                      IntegrityChecker::tr("event links: the trace and the KPI rollups read these links; "
                                           "differences of the rollups below may follow from them")});
    return found;
}

/// Operators that events name but the registry does not hold: records whose author can no longer
/// be told. Operators are reference data, known at every station; every event names one, or the
/// shell, or a station token (a station's own credential, so one of another station's is not
/// known here; nor, until its registration arrives, is the station itself: stations are checked
/// by the reference log instead).
Result<QList<Finding>> unknownAuthors(const QSqlDatabase& db)
{
    auto q =
        sql::run(db,
                 QStringLiteral("SELECT operator_id, count(*) FROM events e WHERE NOT EXISTS "
                                "(SELECT 1 FROM operators o WHERE o.id = e.operator_id) AND operator_id <> ? "
                                "AND substr(operator_id, 1, ?) <> ? GROUP BY 1 ORDER BY 1 LIMIT 100"),
                 {kShellOperator, kTokenOperatorPrefix.size(), QString(kTokenOperatorPrefix)});
    if (!q)
        return q.error();
    QList<Finding> problems;
    while (q.value().next()) {
        const int events = q.value().value(1).toInt();
        problems.append(
            {Finding::Kind::Record, events,
             IntegrityChecker::tr("events: %n event(s) name operator %1, who is not registered here", nullptr,
                                  events)
                 .arg(q.value().value(0).toString().left(64))});
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
        selected << sql::quotedName(c);
    QString key = QStringLiteral("rowid ") + rowid.toString();
    QStringList values;
    if (!selected.isEmpty() && !rowid.isNull()) {
        auto row = sql::run(db,
                            QStringLiteral("SELECT ") + selected.join(QLatin1Char(',')) +
                                QStringLiteral(" FROM main.") + sql::quotedName(table) +
                                QStringLiteral(" WHERE rowid = ?"),
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

Result<QList<Finding>> IntegrityChecker::itemFindings(const QString& serial, qint64* events) const
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
    QList<Finding> problems;
    Status replayed;
    StateProjector projector(m_db);
    for (const EventRecord& e : genealogy.value()) {
        if (replayed = projector.apply(e); !replayed)
            break;
    }
    // Its events themselves, each against its link in the chain, and the links to its items: a
    // record changed by hand is no derived difference, and no replay puts it right.
    QList<qint64> seqs;
    QJsonArray seqArray;
    for (const EventRecord& e : genealogy.value()) {
        seqs << e.seq;
        seqArray.append(e.seq);
    }
    if (replayed) {
        Result<QStringList> changed = EventChain(m_db).brokenAmong(seqs);
        if (!changed)
            replayed = changed.error();
        else
            for (const QString& reason : changed.value())
                problems.append({Finding::Kind::Record, 1, tr("events: %1").arg(reason)});
    }
    if (replayed) {
        Result<QList<Finding>> links =
            subjectProblems(m_db, QStringLiteral(" AND e.seq IN (SELECT value FROM json_each(?))"),
                            {QString::fromUtf8(QJsonDocument(seqArray).toJson(QJsonDocument::Compact))});
        if (!links)
            replayed = links.error();
        else
            problems << links.value();
    }
    for (const auto& [table, key] : kItemTables) {
        if (!replayed)
            break;
        // Fixed names; the items of the genealogy bound through the temp table.
        const QString items =
            QStringLiteral(" WHERE %1 IN (SELECT serial FROM temp.replay_items)").arg(QLatin1StringView(key));
        Result<sql::Differing> d = differingRows(m_db, QString::fromLatin1(table), items);
        if (!d) {
            replayed = d.error();
            break;
        }
        if (d->rows > 0)
            problems.append({Finding::Kind::Derived, d->rows,
                             tr("derived state: %1")
                                 .arg(toldSamples(QString::fromLatin1(table), d.value(), Source::Replay))});
    }
    snapshot.end();
    dropShadows(m_db);
    if (!replayed)
        return replayed.error();
    return problems;
}

QStringList IntegrityChecker::lines(const QList<Finding>& found)
{
    QStringList text;
    for (const Finding& f : found)
        text << f.text;
    return text;
}

Result<QStringList> IntegrityChecker::checkItem(const QString& serial, qint64* events) const
{
    Result<QList<Finding>> found = itemFindings(serial, events);
    if (!found)
        return found.error();
    return lines(found.value());
}

Result<QStringList> IntegrityChecker::run() const
{
    Result<QList<Finding>> found = findings();
    if (!found)
        return found.error();
    return lines(found.value());
}

qint64 IntegrityChecker::rows(const QList<Finding>& found)
{
    qint64 n = 0;
    for (const Finding& f : found)
        n += f.rows;
    return n;
}

bool IntegrityChecker::repairable(const QList<Finding>& found)
{
    return std::all_of(found.begin(), found.end(),
                       [](const Finding& f) { return f.kind == Finding::Kind::Derived; });
}

Result<QList<Finding>> IntegrityChecker::findings() const
{
    // One snapshot for every check below; a read transaction never holds the write lock.
    ReadSnapshot snapshot(m_db);
    if (Status st = snapshot.begin(); !st)
        return st.error();
    QList<Finding> problems;
    auto integrity = sql::run(m_db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return integrity.error();
    while (integrity.value().next()) {
        const QString line = integrity.value().value(0).toString();
        if (line != QLatin1StringView("ok"))
            problems.append({Finding::Kind::Damage, 1, tr("integrity: %1").arg(line)});
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
    // A link between derived rows is put right by a replay; one from the record is not.
    const auto kindOf = [](const Violation& v) {
        return isDerived(v.table) && isDerived(v.parent) ? Finding::Kind::Derived : Finding::Kind::Record;
    };
    // A damaged file can have thousands: the first hundred by name, then how many more.
    constexpr qsizetype kNamed = 100;
    for (qsizetype i = 0; i < std::min(kNamed, violations.size()); ++i) {
        const Violation& v = violations.at(i);
        Result<QString> line = describeForeignKey(m_db, v.table, v.rowid, v.parent, v.fkId);
        if (!line)
            return line.error();
        problems.append({kindOf(v), 1, line.value()});
    }
    if (violations.size() > kNamed) {
        const bool allDerived =
            std::all_of(violations.begin() + kNamed, violations.end(),
                        [&](const Violation& v) { return kindOf(v) == Finding::Kind::Derived; });
        problems.append({allDerived ? Finding::Kind::Derived : Finding::Kind::Record,
                         violations.size() - kNamed,
                         tr("foreign key: %1 more rows name a parent that is not there")
                             .arg(violations.size() - kNamed)});
    }
    // A file SQLite finds damaged is not read further; broken links are told with the rest.
    if (damaged)
        return problems;

    Result<QList<Finding>> authors = unknownAuthors(m_db);
    if (!authors)
        return authors.error();
    problems << authors.value();

    // The event log itself: an event edited, removed or slipped in breaks the hash chain, and
    // then no replay of it can be trusted. Walked whole: a mark `verify` left proves nothing about
    // the events before it.
    Result<EventChain::Verdict> chain = EventChain(m_db).verify();
    if (!chain)
        return chain.error();
    if (chain->brokenSeq != 0)
        problems.append(
            {Finding::Kind::Record, 1,
             tr("events: the hash chain breaks at event #%1: %2").arg(chain->brokenSeq).arg(chain->reason)});

    // Reference data: every column as the newest change of it says, and set by that change.
    Result<QStringList> reference = ReferenceProjector(m_db).verify();
    if (!reference)
        return reference.error();
    for (const QString& line : reference.value())
        problems.append({Finding::Kind::Record, 1, line});

    // The daily rollups against the detailed rows their triggers count.
    Result<QList<DailyRollups::Difference>> rollups = DailyRollups::differences(m_db);
    if (!rollups)
        return rollups.error();
    QList<Finding> derived;
    for (const DailyRollups::Difference& d : rollups.value())
        derived.append({Finding::Kind::Derived, d.differing.rows,
                        tr("derived state: %n row(s) of %1 differ from a count of their source: %2", nullptr,
                           static_cast<int>(d.differing.rows))
                            .arg(d.table, toldSamples(d.table, d.differing, Source::Count))});

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
            derived.append({Finding::Kind::Derived, n->rows,
                            tr("derived state: %n row(s) of %1 differ from a replay of the events: %2",
                               nullptr, static_cast<int>(n->rows))
                                .arg(name, toldSamples(name, n.value(), Source::Replay))});
    }
    // The links are told before the rollups they throw off.
    if (replayed) {
        Result<QList<Finding>> links = subjectProblems(m_db);
        if (!links)
            replayed = links.error();
        else
            problems << links.value();
    }
    problems << derived;
    snapshot.end();
    dropShadows(m_db);
    if (!replayed)
        return replayed.error();
    return problems;
}

} // namespace rework
