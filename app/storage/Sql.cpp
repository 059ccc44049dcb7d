#include "Sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

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

} // namespace

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
                                                const QVariantList& values)
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
        return storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query")), error);
    }
    return cached;
}

} // namespace

Result<qint64> insert(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
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

void forgetPrepared(const QString& connectionName)
{
    QMutexLocker lock(&cacheLock);
    preparedCache().remove(connectionName);
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

Result<Differing> differing(const QSqlDatabase& db, const QString& a, const QString& b)
{
    const QString rows = symmetricDifference(a, b);
    auto n = scalar(db, QStringLiteral("SELECT count(*) FROM (") + rows + QLatin1Char(')'));
    if (!n)
        return n.error();
    Differing d{n.value().toLongLong(), {}};
    if (d.rows == 0)
        return d;
    // A changed row is there twice (as it is and as it should be): the same place, named once.
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

} // namespace rework::sql
