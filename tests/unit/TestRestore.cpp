// Restore takes only a whole ReworkTrack backup with no fewer events than the station has (fewer
// only when forced with a reason, which is audited); it keeps what it replaced, and a refusal
// changes nothing on disk.
#include "BadBackups.h"
#include "TestDatabase.h"
#include "storage/AuditLog.h"
#include "storage/Backup.h"
#include "storage/EventChain.h"
#include "storage/Migrator.h"
#include "storage/Restore.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

namespace {

qint64 events(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM events")).value().toLongLong();
}

/// Every file of the data folder with its SHA-256 (the -shm index aside: readers update it).
QMap<QString, QString> folderState(const QString& folder)
{
    QMap<QString, QString> state;
    const QDir dir(folder);
    for (const QString& name :
         dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        if (!name.endsWith(QLatin1StringView("-shm")))
            state.insert(name, test::sha256(dir.filePath(name)));
    }
    return state;
}

/// A request; a forced one by `actor` (an admin's id, or another to be refused).
Restore::Request from(const QString& source, bool force = false, const QString& reason = QString(),
                      const QString& actor = QStringLiteral("ADM0"))
{
    Restore::Request r;
    r.source = source;
    r.force = force;
    r.reason = reason;
    if (force)
        r.actor = OperatorInfo{actor, {}, {}, true};
    return r;
}

/// The station's work, an audit entry, and a backup of it in `dir`.
QString goodBackup(test::TestDatabase& t, const QString& dir)
{
    t.testedUnit(QStringLiteral("CARDR0001"), QStringLiteral("SB00000101"));
    if (!AuditLog(t.db().connection(), t.clock())
             .appendAlone(QStringLiteral("setting"), QStringLiteral("-"), QStringLiteral("-"),
                          QStringLiteral("a = 1")))
        qFatal("audit failed");
    const QString copy = QDir(dir).filePath(QStringLiteral("good.sqlite"));
    if (!Backup::copy(t.db().connection(), copy))
        qFatal("backup failed");
    return copy;
}

} // namespace

class TestRestore : public QObject
{
    Q_OBJECT

private slots:
    void refusesWhatIsNotAWholeBackup_data()
    {
        QTest::addColumn<int>("kind");
        for (const auto& [name, kind] : test::allBadBackups())
            QTest::newRow(name) << int(kind);
    }

    void refusesWhatIsNotAWholeBackup()
    {
        QFETCH(int, kind);
        test::TestDatabase t;
        t.admin(); // forced too: refused for the file, not for who forces it
        QTemporaryDir dir;
        const QString bad = test::makeBadBackup(test::BadBackup(kind), goodBackup(t, dir.path()), dir.path());
        const QMap<QString, QString> before = folderState(t.folder());
        const QString dump = t.dump();
        for (const bool force : {false, true}) {
            Result<Restore::Outcome> r =
                Restore(t.db(), t.clock())
                    .run(from(bad, force, force ? QStringLiteral("testing") : QString()));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, test::isTampered(test::BadBackup(kind)) ? ErrorCode::Contradiction
                                                                             : ErrorCode::InvalidValue);
            QVERIFY2(r.error().message.contains(bad), qPrintable(r.error().message));
            QCOMPARE(folderState(t.folder()), before);
            QCOMPARE(t.dump(), dump);
        }
    }

    void aMissingFileIsNamed()
    {
        test::TestDatabase t;
        const QString none = t.folder() + QStringLiteral("/none.sqlite");
        Result<Restore::Outcome> r = Restore(t.db(), t.clock()).run(from(none));
        QCOMPARE(r.error().code, ErrorCode::UnknownField);
        QVERIFY(r.error().message.contains(none));
    }

    void theDatabaseInUseIsNoBackup()
    {
        test::TestDatabase t;
        QTemporaryDir dir;
        // A restore killed part-way left its copy of a good backup; it is no backup either.
        const QString staging = Restore::stagingPath(t.path());
        QVERIFY(QFile::copy(goodBackup(t, dir.path()), staging));
        const QMap<QString, QString> before = folderState(t.folder());
        for (const QString& source : {t.path(), staging}) {
            Result<Restore::Outcome> r = Restore(t.db(), t.clock()).run(from(source));
            QCOMPARE(r.error().code, ErrorCode::InvalidValue);
            QVERIFY2(r.error().message.contains(QStringLiteral("in use")), qPrintable(r.error().message));
            QCOMPARE(folderState(t.folder()), before);
        }
    }

    void refusesFewerEventsUnlessForcedWithAReason()
    {
        test::TestDatabase t;
        t.admin(); // the admin who may force it, made before any count
        QTemporaryDir dir;
        const QString good = goodBackup(t, dir.path());
        const qint64 atBackup = events(t.db().connection());
        t.testedUnit(QStringLiteral("CARDR0002"), QStringLiteral("SB00000102"));
        const qint64 now = events(t.db().connection());
        QVERIFY(now > atBackup);
        const QMap<QString, QString> before = folderState(t.folder());
        const QString dump = t.dump();

        Result<Restore::Outcome> r = Restore(t.db(), t.clock()).run(from(good));
        QCOMPARE(r.error().field, QStringLiteral("events"));
        QVERIFY2(r.error().message.contains(QStringLiteral("--force --reason")),
                 qPrintable(r.error().message));
        QCOMPARE(Restore(t.db(), t.clock()).run(from(good, true, QStringLiteral("  "))).error().code,
                 ErrorCode::MissingField);
        // Only an admin forces a restore: no actor, an operator or a supervisor are refused.
        QCOMPARE(Restore(t.db(), t.clock())
                     .run(from(good, true, QStringLiteral("older"), QString()))
                     .error()
                     .field,
                 QStringLiteral("operator"));
        for (const char* who : {"OP1", "SUP1"})
            QCOMPARE(Restore(t.db(), t.clock())
                         .run(from(good, true, QStringLiteral("older"), QString::fromLatin1(who)))
                         .error()
                         .code,
                     ErrorCode::NotPermitted);
        QCOMPARE(folderState(t.folder()), before);
        QCOMPARE(t.dump(), dump);

        r = Restore(t.db(), t.clock())
                .run(from(good, true, QStringLiteral("card scanned at the wrong station")));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->eventsBefore, now);
        QCOMPARE(r->eventsAfter, atBackup);
        QCOMPARE(events(t.db().connection()), atBackup);
        // Audited in the restored database, both chains intact.
        auto last = sql::row(t.db().connection(),
                             QStringLiteral("SELECT kind, detail FROM audit_log ORDER BY seq DESC LIMIT 1"));
        QVERIFY(last.ok() && last.value());
        QCOMPARE(last.value()->at(0).toString(), QStringLiteral("restore_forced"));
        QVERIFY(last.value()->at(1).toString().startsWith(
            QStringLiteral("forced: card scanned at the wrong station")));
        QVERIFY(last.value()->at(1).toString().contains(r->replacedKept));
        QCOMPARE(AuditLog(t.db().connection()).verify().value(), 0);
        QCOMPARE(EventChain(t.db().connection()).verify().value().brokenSeq, 0);
        // What it replaced is kept whole and private.
        QCOMPARE(test::dumpFile(r->replacedKept), dump);
        QCOMPARE(test::modeOf(r->replacedKept), 0600);
    }

    void aGoodRestoreKeepsWhatItReplaced()
    {
        test::TestDatabase t;
        QTemporaryDir dir;
        const QString good = goodBackup(t, dir.path());
        const QString dump = t.dump();
        Result<Restore::Outcome> first = Restore(t.db(), t.clock()).run(from(good));
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->eventsBefore, first->eventsAfter);
        QCOMPARE(test::dumpFile(first->replacedKept), dump);
        QVERIFY(test::dumpFile(t.path()).contains(QStringLiteral("|restore|-|-|events ")));
        // Again in the same second: another name, the first copy kept.
        Result<Restore::Outcome> second = Restore(t.db(), t.clock()).run(from(good));
        QVERIFY(second.ok());
        QVERIFY(second->replacedKept != first->replacedKept);
        QVERIFY(QFileInfo::exists(first->replacedKept) && QFileInfo::exists(second->replacedKept));
        QVERIFY(!QFileInfo::exists(Restore::stagingPath(t.path())));
        // The restored database takes new work.
        QVERIFY(t.record(Step::Intake, {"card=CARDR0003", "model=RTX4090", "lot=LOT-1"}).ok());
    }

    void anOlderSchemaIsMigrated()
    {
        test::TestDatabase t;
        t.admin();
        QTemporaryDir dir;
        const QString older = dir.filePath(QStringLiteral("older.sqlite"));
        {
            std::unique_ptr<Database> db =
                std::move(Database::open(older, Database::Migration::Skip).value());
            QVERIFY(Migrator::migrate(db->connection(), 9).ok());
        }
        // The older file lacks the set-up's reference changes (its stations and operators).
        Result<Restore::Outcome> r =
            Restore(t.db(), t.clock()).run(from(older, true, QStringLiteral("older schema")));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(Migrator::currentVersion(t.db().connection()).value(), Migrator::latestVersion());
        QCOMPARE(
            sql::scalar(t.db().connection(), QStringLiteral("SELECT kind FROM audit_log")).value().toString(),
            QStringLiteral("restore_forced"));
    }
};

QTEST_GUILESS_MAIN(TestRestore)
#include "TestRestore.moc"
