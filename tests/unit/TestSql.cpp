// The statements a station database keeps on SQLite's own API (sql::keepStatements) bind and read
// values exactly as QtSql's driver does, so rows written or read by either path are the same; they
// fail as QtSql's did, leave no statement open, and let the connection close.
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace rework;

namespace {

/// A QSQLITE connection of the test's own on `path`, which keeps no native statements: the
/// QtSql path of the same functions.
class PlainConnection
{
public:
    explicit PlainConnection(const QString& path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~PlainConnection()
    {
        sql::forgetPrepared(QStringLiteral("plain"));
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    }
    const QSqlDatabase& db() const { return m_db; }

private:
    QSqlDatabase m_db;
};

/// What a test compares: the value, its type, and whether it is null.
QString described(const QVariant& v)
{
    return QStringLiteral("%1:%2:%3")
        .arg(QString::fromLatin1(v.metaType().name()), v.isNull() ? "null" : "set", v.toString());
}

} // namespace

class TestSql : public QObject
{
    Q_OBJECT

private slots:
    void valuesBindAndReadBackAsQtSqlDoes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        const QSqlDatabase& native = db.value()->connection();
        PlainConnection plain(path);
        QVERIFY(plain.db().isOpen());
        QVERIFY(sql::keepsStatements(native));
        QVERIFY(!sql::keepsStatements(plain.db()));
        QVERIFY(sql::exec(native, QStringLiteral("CREATE TABLE t (path TEXT, k INTEGER, v)")).ok());

        const QList<QVariant> values{
            QVariant(),
            QVariant(QString()),
            QVariant(QString("")),
            QVariant(QStringLiteral("焊球 ^~_\\> 'q'")),
            QVariant(QByteArray()),
            QVariant(QByteArray("\x00\x01z", 3)),
            QVariant(42),
            QVariant(qint64(1) << 40),
            QVariant(uint(4000000000u)),
            QVariant(true),
            QVariant(false),
            QVariant(2.5),
            QVariant(QDateTime(QDate(2026, 12, 2), QTime(10, 11, 12, 345), Qt::UTC)),
            QVariant(QDateTime()),
            QVariant(QDate(2026, 12, 2)),
            QVariant(QTime(7, 8, 9, 10)),
            QVariant(QMetaType::fromType<QString>()),
        };
        for (int k = 0; k < values.size(); ++k) {
            QVERIFY(sql::exec(native, QStringLiteral("INSERT INTO t VALUES ('native', ?, ?)"), {k, values[k]})
                        .ok());
            QVERIFY(
                sql::exec(plain.db(), QStringLiteral("INSERT INTO t VALUES ('qtsql', ?, ?)"), {k, values[k]})
                    .ok());
        }
        // The same stored value (type and content) for every kind of QVariant, from either path.
        auto stored = sql::scalar(
            native, QStringLiteral("SELECT count(*) FROM t a JOIN t b ON a.k = b.k AND a.path = 'native' "
                                   "AND b.path = 'qtsql' AND typeof(a.v) = typeof(b.v) AND a.v IS b.v"));
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().toInt(), values.size());

        // Read back through each path: the same QVariant type, nullness and value.
        const QString read = QStringLiteral("SELECT k, v, typeof(v) FROM t WHERE path = 'qtsql' ORDER BY k");
        auto fromNative = sql::rows(native, read);
        auto fromPlain = sql::rows(plain.db(), read);
        QVERIFY(fromNative.ok());
        QVERIFY(fromPlain.ok());
        QCOMPARE(fromNative.value().size(), values.size());
        QCOMPARE(fromPlain.value().size(), values.size());
        for (int k = 0; k < values.size(); ++k) {
            for (int c = 0; c < 3; ++c)
                QCOMPARE(described(fromNative.value()[k][c]), described(fromPlain.value()[k][c]));
        }
        auto nullRow = sql::row(native, QStringLiteral("SELECT v FROM t WHERE k = 0 AND path = 'native'"));
        QVERIFY(nullRow.ok() && nullRow.value());
        QVERIFY(nullRow.value()->first().isNull());
        QCOMPARE(nullRow.value()->first().metaType(), QMetaType::fromType<QString>());
        // scalar() of no row is an invalid QVariant on both paths.
        QVERIFY(!sql::scalar(native, QStringLiteral("SELECT v FROM t WHERE k = -1")).value().isValid());
        QVERIFY(!sql::scalar(plain.db(), QStringLiteral("SELECT v FROM t WHERE k = -1")).value().isValid());
        // insert() returns the new rowid.
        auto id = sql::insert(native, QStringLiteral("INSERT INTO t VALUES ('native', 99, 'x')"), {});
        QVERIFY(id.ok());
        QCOMPARE(id.value(),
                 sql::scalar(native, QStringLiteral("SELECT max(rowid) FROM t")).value().toLongLong());
    }

    void aFailureSaysWhyAndLeavesNothingOpen()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(db.ok());
        const QSqlDatabase& c = db.value()->connection();
        QVERIFY(sql::exec(c, QStringLiteral("CREATE TABLE u (a TEXT UNIQUE NOT NULL)")).ok());
        QVERIFY(sql::exec(c, QStringLiteral("INSERT INTO u VALUES (?)"), {QStringLiteral("one")}).ok());

        Status twice = sql::exec(c, QStringLiteral("INSERT INTO u VALUES (?)"), {QStringLiteral("one")});
        QVERIFY(!twice.ok());
        QVERIFY2(twice.error().oneLine().contains(QLatin1StringView("UNIQUE constraint failed: u.a")),
                 qPrintable(twice.error().oneLine()));
        Status missing = sql::exec(c, QStringLiteral("INSERT INTO u VALUES (?)"), {QVariant()});
        QVERIFY(missing.error().oneLine().contains(QLatin1StringView("NOT NULL")));
        Status count = sql::exec(c, QStringLiteral("INSERT INTO u VALUES (?)"), {});
        QVERIFY2(count.error().oneLine().contains(QLatin1StringView("parameter count")),
                 qPrintable(count.error().oneLine()));
        Status two = sql::exec(c, QStringLiteral("INSERT INTO u VALUES ('x'); INSERT INTO u VALUES ('y')"));
        QVERIFY2(two.error().oneLine().contains(QLatin1StringView("more than one statement")),
                 qPrintable(two.error().oneLine()));
        QCOMPARE(sql::scalar(c, QStringLiteral("SELECT count(*) FROM u")).value().toInt(), 1);
        auto badSql = sql::row(c, QStringLiteral("SELECT nope FROM u"));
        QVERIFY(!badSql.ok());
        QVERIFY(badSql.error().oneLine().contains(QLatin1StringView("no such column: nope")));

        // A row read half-way and a failed statement leave nothing open: the connection is in
        // autocommit and no statement of its own is running.
        QVERIFY(sql::row(c, QStringLiteral("SELECT a FROM u UNION ALL SELECT 'two'")).ok());
        sqlite3* h = sql::handle(c);
        QVERIFY(h);
        QVERIFY(!sql::inTransaction(c));
        for (sqlite3_stmt* s = sqlite3_next_stmt(h, nullptr); s; s = sqlite3_next_stmt(h, s))
            QVERIFY2(!sqlite3_stmt_busy(s), sqlite3_sql(s));

        // A transaction through the kept BEGIN/COMMIT: its rows are there, a rolled back one's not.
        {
            Transaction tx(c);
            QVERIFY(tx.begin().ok());
            QVERIFY(sql::inTransaction(c));
            QVERIFY(sql::exec(c, QStringLiteral("INSERT INTO u VALUES (?)"), {QStringLiteral("kept")}).ok());
            QVERIFY(tx.commit().ok());
        }
        {
            Transaction tx(c);
            QVERIFY(tx.begin().ok());
            QVERIFY(
                sql::exec(c, QStringLiteral("INSERT INTO u VALUES (?)"), {QStringLiteral("dropped")}).ok());
        } // rolled back unsaved
        QVERIFY(!sql::inTransaction(c));
        QCOMPARE(sql::column(c, QStringLiteral("SELECT a FROM u ORDER BY a")).value(),
                 QStringList({"kept", "one"}));
    }

    /// A busy file says so and what to do, as before: the hint comes from SQLite's own text.
    void aBusyFileSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        auto other = Database::open(path);
        QVERIFY(other.ok());
        QVERIFY(sql::exec(other.value()->connection(), QStringLiteral("PRAGMA busy_timeout = 50")).ok());
        Transaction holder(db.value()->connection());
        QVERIFY(holder.begin().ok());
        Transaction waiting(other.value()->connection());
        Status busy = waiting.begin();
        QVERIFY(!busy.ok());
        QVERIFY2(busy.error().oneLine().contains(QLatin1StringView("database is locked")),
                 qPrintable(busy.error().oneLine()));
        QVERIFY(busy.error().oneLine().contains(QLatin1StringView("start a transaction")));
    }

    /// The kept statements are finalized before the connection closes, so SQLite really closes
    /// it: the WAL is checkpointed and removed, as after a clean exit.
    void closingReallyClosesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(sql::exec(db.value()->connection(), QStringLiteral("CREATE TABLE w (a)")).ok());
            for (int i = 0; i < 20; ++i)
                QVERIFY(sql::exec(db.value()->connection(), QStringLiteral("INSERT INTO w VALUES (?)"), {i})
                            .ok());
            QVERIFY(sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM w")).ok());
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    }
};

QTEST_GUILESS_MAIN(TestSql)
#include "TestSql.moc"
