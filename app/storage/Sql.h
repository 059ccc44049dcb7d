#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace rework::sql {

/// The SQLite handle under a QSQLITE connection (for the backup API and scripts); null otherwise.
sqlite3* handle(const QSqlDatabase& db);
/// Whether a transaction is open on the connection (SQLite is not in autocommit mode).
bool inTransaction(const QSqlDatabase& db);

/// Prepares `statement`, binds `values` positionally and runs it. Every query with data goes
/// through here, so no value is ever spliced into SQL text.
Result<QSqlQuery> run(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {});

/// Runs a statement that returns no rows (INSERT, UPDATE, DELETE) through a statement kept
/// prepared per connection: on the recording path, preparing costs more than the insert.
Status exec(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {});

/// exec() of a statement without values whose failure names what failed ("save"), not "a query".
Status execAs(const QSqlDatabase& db, const QString& statement, const Message& what);

/// exec() for an INSERT; returns the new row's rowid.
Result<qint64> insert(const QSqlDatabase& db, const QString& statement, const QVariantList& values);

/// Drops the statements kept for a connection; must be called before the connection closes.
void forgetPrepared(const QString& connectionName);

/// Lets exec(), insert(), row(), rows() and scalar() keep their statements on SQLite's own API
/// for this QSQLITE connection: QtSql's work per statement (its result record and a QVariant
/// conversion per value each way) cost as much as SQLite's on the recording path. The values bind
/// and read back as QtSql's driver binds and reads them. Only for a connection whose owner calls
/// forgetPrepared() before closing it: SQLite will not close a connection with open statements.
void keepStatements(const QSqlDatabase& db);
/// Binds `values` to `statement` positionally as QtSql's SQLite driver binds them, so a row reads
/// back the same whichever path wrote it. Text and blobs are bound in place from `keep`, which must
/// outlive the statement's bindings. SQLite's code for the first that fails, or SQLITE_OK.
int bindValues(sqlite3_stmt* statement, const QVariantList& values, QList<QByteArray>& keep);

/// Whether keepStatements() was called for this connection and it is still open.
bool keepsStatements(const QSqlDatabase& db);

/// The first row's columns (nullopt when there is none), through a statement kept prepared per
/// connection like exec(): for the lookups on the recording path. The row is copied out and the
/// statement reset before it returns, so a caller never holds a shared cursor.
Result<std::optional<QVariantList>> row(const QSqlDatabase& db, const QString& statement,
                                        const QVariantList& values = {});

/// Every row's columns, through a statement kept prepared like row(): for the few multi-row
/// lookups on the recording path, whose results are small.
Result<QList<QVariantList>> rows(const QSqlDatabase& db, const QString& statement,
                                 const QVariantList& values = {});

/// First column of the first row, or an invalid QVariant when there is no row (cached like row()).
Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {});

/// The first column of every row, as text.
Result<QStringList> column(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {});

/// The translation context of the storage layer's own words ("could not %1 ...").
struct StorageText
{
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

/// A storage failure as a user-facing error that says what to do next; `what` is the action that
/// failed ("apply a migration"), logged in English.
Error storageError(const Message& what, const QString& driverText);

/// Opens the file at `path` with SQLite's C API (`flags`: SQLITE_OPEN_*), without a Qt connection
/// to manage, runs `work` on it and closes it: for checks and copies of files other than the
/// station database.
Status withFile(const QString& path, int flags, const std::function<Status(sqlite3*)>& work);

/// The rows of either SELECT that the other lacks, as one SELECT. Spelled with subqueries: SQLite
/// applies compound operators left to right, so `a EXCEPT b UNION ALL b EXCEPT a` would be
/// ((a - b) + b) - a, which misses every row that only `a` has.
QString symmetricDifference(const QString& a, const QString& b);

/// How many rows two SELECTs of the same columns do not share, and a few of them told: where to
/// look. Without `keys` an example is a row's first two columns. With `keys` (columns that name a
/// row) a row that is in both with other values counts once, not as its two versions, and an
/// example says which of its columns differ and how: what a supervisor needs to judge it.
struct RowDifference
{
    QString key;                   // the key's values, joined by '/'
    bool inStored = true;          // the row is in `stored`
    bool inExpected = true;        // the row is in `expected`
    QStringList columns;           // where both have it: the columns that differ...
    QVariantList stored, expected; // ...and their values on either side
};
struct Differing
{
    qint64 rows = 0;
    QStringList examples;         // without keys
    QList<RowDifference> samples; // with keys: the first few, in key order
};
Result<Differing> differing(const QSqlDatabase& db, const QString& stored, const QString& expected,
                            const QStringList& keys = {});
/// A name (table, column) quoted for SQL text, for names that come from the schema itself.
QString quotedName(QString name);
/// A stored value as a message shows it: NULL, a number as it is, text quoted and cut at 40
/// characters.
QString shownValue(const QVariant& v);

/// The primary key's columns of `table` (in `schema`), in key order; empty for a table keyed by rowid.
Result<QStringList> primaryKey(const QSqlDatabase& db, const QString& table,
                               const QString& schema = QStringLiteral("main"));

/// NULL for an empty string, so optional text columns hold NULL rather than ''.
QVariant nullIfEmpty(const QString& s);

} // namespace rework::sql
