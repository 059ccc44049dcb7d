#include "Sql.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QTime>

#include <memory>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rework::sql {

sqlite3* handle(const QSqlDatabase& db)
{
    const QVariant h = db.driver() ? db.driver()->handle() : QVariant();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(h.data());
}

bool inTransaction(const QSqlDatabase& db)
{
    sqlite3* h = handle(db);
    return h && sqlite3_get_autocommit(h) == 0;
}

Error storageError(const Message& what, const QString& driverText)
{
    spdlog::error("storage: {}: {}", what.english().toStdString(), driverText.toStdString());
    const QString lower = driverText.toLower();
    const char* hint = QT_TRANSLATE_NOOP("Storage", "nothing was saved; try again or call an admin");
    if (lower.contains(QLatin1StringView("locked")) || lower.contains(QLatin1StringView("busy")))
        hint = QT_TRANSLATE_NOOP("Storage", "the database is busy in another program; try again");
    else if (lower.contains(QLatin1StringView("readonly")) || lower.contains(QLatin1StringView("read-only")))
        hint = QT_TRANSLATE_NOOP("Storage", "the database is read-only; ask an admin to fix its permissions");
    else if (lower.contains(QLatin1StringView("full")))
        hint = QT_TRANSLATE_NOOP("Storage", "the disk is full; free space and try again");
    else if (lower.contains(QLatin1StringView("malformed")) ||
             lower.contains(QLatin1StringView("not a database")))
        hint =
            QT_TRANSLATE_NOOP("Storage", "the database file is damaged; call an admin to restore a backup");
    return makeError(ErrorCode::Storage, QString(),
                     Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "could not %1 (%2): %3"),
                             {what, driverText, Message(&StorageText::tr, hint)}));
}

Status withFile(const QString& path, int flags, const std::function<Status(sqlite3*)>& work)
{
    sqlite3* file = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &file, flags, nullptr);
    Status st = rc == SQLITE_OK
                    ? work(file)
                    : storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "open %1"), {path}),
                                   QString::fromUtf8(sqlite3_errstr(rc)));
    sqlite3_close(file);
    return st;
}

Result<QSqlQuery> run(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    QSqlQuery q(db);
    // Rows stream: a query that may seek back keeps every row it has read in memory, which for a
    // full scan of the log (check, verify, replay) grows with the history.
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        return storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "prepare a query")),
                            q.lastError().text());
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query")),
                            q.lastError().text());
    return q;
}

namespace {

/// Prepared statements by connection name, then statement text. A connection is used by one
/// thread at a time; the lock only guards the map itself.
QMutex cacheLock;
QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>>& preparedCache()
{
    static QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> cache;
    return cache;
}

/// Drivers whose destruction already clears their statements from the cache.
QSet<const QSqlDriver*>& watchedDrivers()
{
    static QSet<const QSqlDriver*> drivers;
    return drivers;
}

/// The statements kept on SQLite's own API for a connection that asked (keepStatements()).
struct NativeConnection
{
    sqlite3* handle = nullptr;
    QHash<QString, sqlite3_stmt*> statements;
};

/// By connection name, under cacheLock like preparedCache().
QHash<QString, NativeConnection>& nativeCache()
{
    static QHash<QString, NativeConnection> cache;
    return cache;
}

void finalizeAll(NativeConnection& c)
{
    for (sqlite3_stmt* s : std::as_const(c.statements))
        sqlite3_finalize(s);
    c.statements.clear();
}

Message runQuery()
{
    return Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query"));
}

QString nativeError(sqlite3* h)
{
    return QString::fromUtf8(sqlite3_errmsg(h));
}

/// Null as QtSql binds it (QSqlResultPrivate::isVariantNull): also a null string or byte array and
/// an invalid date or time, so both paths store the same NULLs.
bool boundAsNull(const QVariant& v)
{
    if (v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString*>(v.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray*>(v.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime*>(v.constData())->isValid();
    case QMetaType::QDate:
        return !static_cast<const QDate*>(v.constData())->isValid();
    case QMetaType::QTime:
        return !static_cast<const QTime*>(v.constData())->isValid();
    default:
        return false;
    }
}

/// Text bound as UTF-8 (the file's encoding): Qt converts with SIMD, SQLite's own UTF-16 path a
/// character at a time. The bytes live in `keep` until the statement's bindings are cleared.
int bindText(sqlite3_stmt* s, int i, const QString& text, QList<QByteArray>& keep)
{
    keep << text.toUtf8();
    return sqlite3_bind_text(s, i, keep.last().constData(), int(keep.last().size()), SQLITE_STATIC);
}

/// Binds one value the way QtSql's SQLite driver does, so a row reads back the same whichever
/// path wrote it.
int bindNative(sqlite3_stmt* s, int i, const QVariant& v, QList<QByteArray>& keep)
{
    if (boundAsNull(v))
        return sqlite3_bind_null(s, i);
    switch (v.typeId()) {
    case QMetaType::QString:
        return bindText(s, i, *static_cast<const QString*>(v.constData()), keep);
    case QMetaType::QByteArray: {
        keep << *static_cast<const QByteArray*>(v.constData());
        return sqlite3_bind_blob(s, i, keep.last().constData(), int(keep.last().size()), SQLITE_STATIC);
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        return sqlite3_bind_int(s, i, v.toInt());
    case QMetaType::Double:
        return sqlite3_bind_double(s, i, v.toDouble());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(s, i, v.toLongLong());
    case QMetaType::QDateTime:
        return bindText(s, i, v.toDateTime().toString(Qt::ISODateWithMs), keep);
    case QMetaType::QTime:
        return bindText(s, i, v.toTime().toString(QStringLiteral("hh:mm:ss.zzz")), keep);
    default:
        return bindText(s, i, v.toString(), keep);
    }
}

} // namespace

int bindValues(sqlite3_stmt* statement, const QVariantList& values, QList<QByteArray>& keep)
{
    keep.reserve(keep.size() + values.size());
    for (int i = 0; i < values.size(); ++i) {
        if (const int rc = bindNative(statement, i + 1, values.at(i), keep); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

namespace {

/// A column as QtSql's SQLite driver reads it: integers as qint64, NULL as a null string.
QVariant columnNative(sqlite3_stmt* s, int i)
{
    switch (sqlite3_column_type(s, i)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(s, i)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(s, i));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    case SQLITE_BLOB: {
        const void* data = sqlite3_column_blob(s, i);
        return QVariant(QByteArray(static_cast<const char*>(data), sqlite3_column_bytes(s, i)));
    }
    default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(s, i)));
    }
    }
}

/// A kept native statement, bound and stepped once; the caller reads the row (if any) and the
/// statement is reset and its bindings cleared when this goes out of scope.
class NativeRun
{
public:
    NativeRun(sqlite3* h, sqlite3_stmt* s, Message what = runQuery())
        : m_handle(h), m_stmt(s), m_what(std::move(what))
    {
    }
    ~NativeRun()
    {
        sqlite3_reset(m_stmt); // no open statement left to hold a read lock or block a COMMIT
        sqlite3_clear_bindings(m_stmt);
    }
    NativeRun(const NativeRun&) = delete;
    NativeRun& operator=(const NativeRun&) = delete;

    Status step(const QVariantList& values)
    {
        if (sqlite3_bind_parameter_count(m_stmt) != values.size())
            return storageError(m_what, QStringLiteral("parameter count mismatch: %1 bound, %2 expected")
                                            .arg(values.size())
                                            .arg(sqlite3_bind_parameter_count(m_stmt)));
        if (bindValues(m_stmt, values, m_bound) != SQLITE_OK)
            return storageError(m_what, nativeError(m_handle));
        m_rc = sqlite3_step(m_stmt);
        if (m_rc != SQLITE_ROW && m_rc != SQLITE_DONE)
            return storageError(m_what, nativeError(m_handle));
        return {};
    }
    bool hasRow() const { return m_rc == SQLITE_ROW; }
    QVariantList row() const
    {
        QVariantList columns;
        const int n = sqlite3_column_count(m_stmt);
        columns.reserve(n);
        for (int i = 0; i < n; ++i)
            columns << columnNative(m_stmt, i);
        return columns;
    }
    bool next()
    {
        m_rc = sqlite3_step(m_stmt);
        return m_rc == SQLITE_ROW;
    }
    Status ended() const
    {
        if (m_rc != SQLITE_DONE && m_rc != SQLITE_ROW)
            return storageError(m_what, nativeError(m_handle));
        return {};
    }
    qint64 lastRowid() const { return sqlite3_last_insert_rowid(m_handle); }

private:
    sqlite3* m_handle;
    sqlite3_stmt* m_stmt;
    QList<QByteArray> m_bound; // the bytes of text and blob values, until the bindings are cleared
    Message m_what;
    int m_rc = SQLITE_OK;
};

/// A kept native statement and its connection; empty for a connection that keeps none.
struct Native
{
    sqlite3* handle = nullptr;
    sqlite3_stmt* stmt = nullptr;
    explicit operator bool() const { return stmt != nullptr; }
};

/// The native statement kept for `statement` on `db`, prepared now if it is new; empty when `db`
/// keeps none (it did not ask, or it is not SQLite), for the QtSql path.
Result<Native> nativePrepared(const QSqlDatabase& db, const QString& statement)
{
    sqlite3* const h = handle(db);
    {
        QMutexLocker lock(&cacheLock);
        auto c = nativeCache().find(db.connectionName());
        if (c == nativeCache().end())
            return Native{};
        if (c->handle != h) {
            // Closed and opened again under the same name without forgetPrepared(): SQLite kept
            // the old handle alive for these statements, so they can still be finalized.
            finalizeAll(*c);
            nativeCache().erase(c);
            return Native{};
        }
        if (sqlite3_stmt* kept = c->statements.value(statement))
            return Native{h, kept};
    }
    // Prepared outside the lock (reading the schema may wait for the busy timeout); a connection is
    // used by one thread at a time, so nobody else prepares for it meanwhile.
    sqlite3_stmt* s = nullptr;
    const QByteArray text = statement.toUtf8();
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v3(h, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &s, &tail);
    const Message what(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "prepare a query"));
    if (rc != SQLITE_OK) {
        sqlite3_finalize(s);
        return storageError(what, nativeError(h));
    }
    // One statement per call, as QtSql's driver insists: a second one would silently not run.
    if (tail && !QByteArrayView(tail, text.constData() + text.size() - tail).trimmed().isEmpty()) {
        sqlite3_finalize(s);
        return storageError(what, QStringLiteral("more than one statement"));
    }
    if (!s)
        return Native{}; // nothing to run (only a comment): QtSql says so
    QMutexLocker lock(&cacheLock);
    nativeCache()[db.connectionName()].statements.insert(statement, s);
    return Native{h, s};
}

/// `statement` run once with `values` on its kept native statement and handed to `read` (which
/// reads what it needs before the statement is reset); nullopt when `db` keeps none, for the
/// caller's QtSql path.
template <typename T, typename Read>
std::optional<Result<T>> onNative(const QSqlDatabase& db, const QString& statement,
                                  const QVariantList& values, Read read, const Message& what = runQuery())
{
    Result<Native> native = nativePrepared(db, statement);
    if (!native)
        return Result<T>(native.error());
    if (!native.value())
        return std::nullopt;
    NativeRun run(native.value().handle, native.value().stmt, what);
    if (Status st = run.step(values); !st)
        return Result<T>(st.error());
    return read(run);
}

} // namespace

void keepStatements(const QSqlDatabase& db)
{
    sqlite3* h = handle(db);
    if (!h)
        return;
    QMutexLocker lock(&cacheLock);
    NativeConnection& c = nativeCache()[db.connectionName()];
    finalizeAll(c);
    c.handle = h;
}

bool keepsStatements(const QSqlDatabase& db)
{
    QMutexLocker lock(&cacheLock);
    return nativeCache().contains(db.connectionName());
}

Status exec(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    auto id = insert(db, statement, values);
    if (!id)
        return id.error();
    return {};
}

namespace {

/// The statement kept prepared for `db`, prepared now if it is new.
Result<std::shared_ptr<QSqlQuery>> prepared(const QSqlDatabase& db, const QString& statement)
{
    // Keyed by the driver too: a connection removed and opened again under the same name must not
    // meet statements prepared on the old one. A new driver can be allocated where the old one
    // was, so the old one's statements are dropped when it is destroyed, not merely told apart.
    const QSqlDriver* driver = db.driver();
    const QString key = statement + QChar(0) + QString::number(reinterpret_cast<quintptr>(driver));
    std::shared_ptr<QSqlQuery> q;
    bool driverKnown = false;
    {
        QMutexLocker lock(&cacheLock);
        q = preparedCache()[db.connectionName()].value(key);
        driverKnown = watchedDrivers().contains(driver);
        if (!driverKnown)
            watchedDrivers().insert(driver);
    }
    if (q)
        return q;
    if (!driverKnown) {
        const QString name = db.connectionName();
        QObject::connect(driver, &QObject::destroyed, driver, [name, driver] {
            QMutexLocker lock(&cacheLock);
            watchedDrivers().remove(driver);
            preparedCache().remove(name); // a connection has one driver: all its statements go
        });
    }
    q = std::make_shared<QSqlQuery>(db);
    q->setForwardOnly(true);
    if (!q->prepare(statement))
        return storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "prepare a query")),
                            q->lastError().text());
    QMutexLocker lock(&cacheLock);
    preparedCache()[db.connectionName()].insert(key, q);
    return q;
}

/// The kept statement for `statement`, bound to `values` and run. On failure it is reset before the
/// error is made; on success the caller reads what it needs and calls finish().
Result<std::shared_ptr<QSqlQuery>> execPrepared(const QSqlDatabase& db, const QString& statement,
                                                const QVariantList& values, const Message& what = runQuery())
{
    Result<std::shared_ptr<QSqlQuery>> cached = prepared(db, statement);
    if (!cached)
        return cached.error();
    QSqlQuery& q = *cached.value();
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        const QString error = q.lastError().text();
        q.finish();
        return storageError(what, error);
    }
    return cached;
}

} // namespace

Status execAs(const QSqlDatabase& db, const QString& statement, const Message& what)
{
    if (auto done = onNative<void>(
            db, statement, {}, [](NativeRun&) { return Status(); }, what))
        return *done;
    Result<std::shared_ptr<QSqlQuery>> ran = execPrepared(db, statement, {}, what);
    if (!ran)
        return ran.error();
    ran.value()->finish();
    return {};
}

Result<qint64> insert(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    if (auto done = onNative<qint64>(db, statement, values,
                                     [](NativeRun& run) { return Result<qint64>(run.lastRowid()); }))
        return *done;
    Result<std::shared_ptr<QSqlQuery>> ran = execPrepared(db, statement, values);
    if (!ran)
        return ran.error();
    QSqlQuery& q = *ran.value();
    const qint64 rowid = q.lastInsertId().toLongLong();
    q.finish(); // no open statement left to hold a read lock or block a COMMIT
    return rowid;
}

Result<std::optional<QVariantList>> row(const QSqlDatabase& db, const QString& statement,
                                        const QVariantList& values)
{
    using Row = std::optional<QVariantList>;
    if (auto done = onNative<Row>(db, statement, values, [](NativeRun& run) {
            return Result<Row>(run.hasRow() ? Row(run.row()) : Row());
        }))
        return *done;
    Result<std::shared_ptr<QSqlQuery>> ran = execPrepared(db, statement, values);
    if (!ran)
        return ran.error();
    QSqlQuery& q = *ran.value();
    std::optional<QVariantList> out;
    if (q.next()) {
        QVariantList columns;
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i)
            columns << q.value(i);
        out = std::move(columns);
    }
    q.finish();
    return out;
}

Result<QList<QVariantList>> rows(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    using Rows = QList<QVariantList>;
    if (auto done = onNative<Rows>(db, statement, values, [](NativeRun& run) -> Result<Rows> {
            Rows read;
            for (bool more = run.hasRow(); more; more = run.next())
                read << run.row();
            if (Status st = run.ended(); !st)
                return st.error();
            return read;
        }))
        return *done;
    QList<QVariantList> out;
    Result<std::shared_ptr<QSqlQuery>> ran = execPrepared(db, statement, values);
    if (!ran)
        return ran.error();
    QSqlQuery& q = *ran.value();
    const int n = q.record().count();
    while (q.next()) {
        QVariantList columns;
        for (int i = 0; i < n; ++i)
            columns << q.value(i);
        out << std::move(columns);
    }
    const QSqlError error = q.lastError();
    q.finish();
    if (error.isValid())
        return storageError(runQuery(), error.text());
    return out;
}

void forgetPrepared(const QString& connectionName)
{
    QMutexLocker lock(&cacheLock);
    preparedCache().remove(connectionName);
    if (auto c = nativeCache().find(connectionName); c != nativeCache().end()) {
        finalizeAll(*c); // before the connection closes: sqlite3_close refuses while any is open
        nativeCache().erase(c);
    }
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    Result<std::optional<QVariantList>> first = row(db, statement, values);
    if (!first)
        return first.error();
    if (!first.value() || first.value()->isEmpty())
        return QVariant();
    return first.value()->first();
}

Result<QStringList> column(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    Result<QSqlQuery> q = run(db, statement, values);
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString symmetricDifference(const QString& a, const QString& b)
{
    return QStringLiteral("SELECT * FROM (%1 EXCEPT %2) UNION ALL SELECT * FROM (%2 EXCEPT %1)").arg(a, b);
}

QString quotedName(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString shownValue(const QVariant& v)
{
    if (v.isNull())
        return QStringLiteral("NULL");
    QString text = v.toString();
    if (v.typeId() != QMetaType::QString)
        return text;
    return QLatin1Char('\'') + (text.size() > 40 ? text.left(39) + QChar(0x2026) : text) + QLatin1Char('\'');
}

namespace {

/// Whether SQLite would tell the two values apart: NULL from '', and text from a number.
bool sameValue(const QVariant& a, const QVariant& b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    const bool textA = a.typeId() == QMetaType::QString, textB = b.typeId() == QMetaType::QString;
    return textA == textB && a == b;
}

/// Without keys: a few rows of the difference, by their first two columns.
Result<Differing> differingRows(const QSqlDatabase& db, const QString& rows)
{
    auto n = scalar(db, QStringLiteral("SELECT count(*) FROM (") + rows + QLatin1Char(')'));
    if (!n)
        return n.error();
    Differing d{n.value().toLongLong(), {}, {}};
    if (d.rows == 0)
        return d;
    auto first = run(db, QStringLiteral("SELECT * FROM (") + rows + QStringLiteral(") LIMIT 6"));
    if (!first)
        return first.error();
    while (first.value().next() && d.examples.size() < 3) {
        QStringList columns{first.value().value(0).toString()};
        if (first.value().record().count() > 1)
            columns << first.value().value(1).toString();
        const QString example = columns.join(QLatin1Char(' '));
        if (!d.examples.contains(example))
            d.examples << example;
    }
    return d;
}

} // namespace

Result<Differing> differing(const QSqlDatabase& db, const QString& stored, const QString& expected,
                            const QStringList& keys)
{
    if (keys.isEmpty())
        return differingRows(db, symmetricDifference(stored, expected));
    // Both sides under the stored side's column names: a rollup's source query names none.
    auto shape = run(db, QStringLiteral("SELECT * FROM (") + stored + QStringLiteral(") LIMIT 0"));
    if (!shape)
        return shape.error();
    const QSqlRecord record = shape.value().record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns << quotedName(record.fieldName(i));
    shape.value().finish();
    QStringList quotedKeys, match;
    for (const QString& k : keys) {
        quotedKeys << quotedName(k);
        match << quotedKeys.last() + QStringLiteral(" IS ?");
    }
    const QString names = columns.join(QLatin1Char(','));
    // Not materialised: each side is read where it is used, as the two SELECTs would be, rather
    // than copied whole into a temporary table first (a million rows per derived table).
    const QString with =
        QStringLiteral("WITH s(%1) AS NOT MATERIALIZED (%2), x(%1) AS NOT MATERIALIZED (%3) ")
            .arg(names, stored, expected);
    const QString keyList = quotedKeys.join(QLatin1Char(','));
    const QString differingKeys =
        QStringLiteral("SELECT DISTINCT ") + keyList + QStringLiteral(" FROM (") +
        symmetricDifference(QStringLiteral("SELECT * FROM s"), QStringLiteral("SELECT * FROM x")) +
        QLatin1Char(')');
    auto n = scalar(db, with + QStringLiteral("SELECT count(*) FROM (") + differingKeys + QLatin1Char(')'));
    if (!n)
        return n.error();
    Differing d{n.value().toLongLong(), {}, {}};
    if (d.rows == 0)
        return d;
    auto first =
        run(db, with + differingKeys + QStringLiteral(" ORDER BY ") + keyList + QStringLiteral(" LIMIT 3"));
    if (!first)
        return first.error();
    QList<QVariantList> sampleKeys;
    while (first.value().next()) {
        QVariantList key;
        for (int i = 0; i < keys.size(); ++i)
            key << first.value().value(i);
        sampleKeys << key;
    }
    first.value().finish();
    const QString where = QStringLiteral(" WHERE ") + match.join(QStringLiteral(" AND "));
    for (const QVariantList& key : std::as_const(sampleKeys)) {
        RowDifference r;
        QStringList keyText;
        for (const QVariant& v : key)
            keyText << v.toString();
        r.key = keyText.join(QLatin1Char('/'));
        QVariantList sides[2];
        for (int side = 0; side < 2; ++side) {
            auto row = run(db,
                           with + QStringLiteral("SELECT * FROM ") +
                               (side == 0 ? QStringLiteral("s") : QStringLiteral("x")) + where,
                           key);
            if (!row)
                return row.error();
            if (row.value().next()) {
                for (int i = 0; i < columns.size(); ++i)
                    sides[side] << row.value().value(i);
            }
        }
        r.inStored = !sides[0].isEmpty();
        r.inExpected = !sides[1].isEmpty();
        if (r.inStored && r.inExpected) {
            for (int i = 0; i < columns.size(); ++i) {
                if (sameValue(sides[0].at(i), sides[1].at(i)))
                    continue;
                r.columns << record.fieldName(i);
                r.stored << sides[0].at(i);
                r.expected << sides[1].at(i);
            }
        }
        d.samples << r;
    }
    return d;
}

Result<QStringList> primaryKey(const QSqlDatabase& db, const QString& table, const QString& schema)
{
    auto q = run(db, QStringLiteral("SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk"),
                 {table, schema});
    if (!q)
        return q.error();
    QStringList columns;
    while (q.value().next())
        columns << q.value().value(0).toString();
    return columns;
}

} // namespace rework::sql
