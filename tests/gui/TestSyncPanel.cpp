// The GUI side of the sync: "Sync now" with progress, the last sync and the events waiting in
// the status bar, a plain error and a planned retry when the server is away.
#include "LoginDriver.h"
#include "PgTestServer.h"
#include "TestDatabase.h"
#include "domain/IdGenerator.h"
#include "shell/MainWindow.h"
#include "storage/ConfigStore.h"
#include "storage/EventStore.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "syncstatus/SyncPanel.h"
#include "workflow/Recorder.h"
#include "workflow/StepSchema.h"

#include <QAction>
#include <QLabel>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTest>

using namespace rework;

class TestSyncPanel : public QObject
{
    Q_OBJECT

private slots:
    void syncNowFromTheMenu()
    {
        test::PgTestServer pg;
        QVERIFY(pg.ok());
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SyncPanel* panel = w.syncPanel();
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("never")));
        // "Sync now" is a supervisor's: the core checks sync.run for whoever asks.
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("SUP1"));

        // Not set up yet: a plain message, nothing else.
        QSignalSpy done(panel, &SyncPanel::finished);
        w.syncAction()->trigger();
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY(done.first().at(1).toString().contains(QStringLiteral("sync configure")));

        QVERIFY(SyncSettings::fromUrl(pg.url())->save(t.folder()).ok());
        QVERIFY(SyncEngine(t.db(), SyncSettings::fromUrl(pg.url()).value()).initServer().ok());
        QVERIFY(t.record(Step::Intake, {"card=CARDG0001", "model=RTX4090", "lot=LOT-1"}).ok());
        // The intake and the set-up's reference changes (stations, operators) wait to be sent.
        const qint64 waiting = SyncEngine::pending(t.db().connection()).value();
        QVERIFY(waiting > 1);
        QTRY_VERIFY(panel->statusLabel()->text().contains(QStringLiteral("%1 waiting").arg(waiting)));
        QVERIFY2(panel->statusLabel()->text().startsWith(QStringLiteral("Sync: never synced · ")),
                 qPrintable(panel->statusLabel()->text()));
        done.clear();
        w.syncAction()->trigger();
        QVERIFY(w.findChild<QProgressDialog*>(QStringLiteral("syncProgress")));
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("0 waiting")));
        QVERIFY(!panel->statusLabel()->text().contains(QStringLiteral("never")));
        QVERIFY(panel->statusLabel()->text().startsWith(QStringLiteral("Sync: last ")));
        // Besides the server's baseline of its reference data (origin 'server').
        QCOMPARE(pg.psql(QStringLiteral("SELECT count(*) FROM events WHERE origin <> 'server'")),
                 QStringList{QString::number(waiting)});
        QVERIFY(!panel->nextAttempt().isValid());

        // The server goes away: the station says so and plans a retry.
        QVERIFY(pg.stop());
        QVERIFY(t.record(Step::Intake, {"card=CARDG0002", "model=RTX4090", "lot=LOT-1"}).ok());
        done.clear();
        w.syncAction()->trigger();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY(done.first().at(1).toString().contains(QStringLiteral("cannot be reached")));
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("1 waiting")));
        QVERIFY(!panel->statusLabel()->toolTip().isEmpty());
        QVERIFY(panel->nextAttempt() > t.clock().now().addSecs(4 * 60)); // the station's clock
        QVERIFY(pg.restart());

        // The scheduler: nothing before the retry is due, the retry when it is.
        QVERIFY(!panel->runIfDue(t.clock().now()));
        done.clear();
        QVERIFY(panel->runIfDue(panel->nextAttempt()));
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().at(0).toBool());
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("0 waiting")));
        QVERIFY(!panel->nextAttempt().isValid());
        // And nightly, at the configured minute only (interval 0: nightly only).
        QVERIFY(ConfigStore(t.db().connection(), t.clock())
                    .setConfigValue(QStringLiteral("sync.interval_minutes"), QStringLiteral("0"), t.admin())
                    .ok());
        SyncSettings nightly = SyncSettings::fromUrl(pg.url()).value();
        nightly.nightlyAt = QStringLiteral("02:00");
        QVERIFY(nightly.save(t.folder()).ok());
        const QDate today = QDate::currentDate();
        QVERIFY(!panel->runIfDue(QDateTime(today, QTime(1, 59))));
        done.clear();
        QVERIFY(panel->runIfDue(QDateTime(today, QTime(2, 0))));
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().at(0).toBool());
    }

    /// The menu shows "Sync now" only to a role that may; and the core refuses it to anyone else
    /// even when the panel is asked directly.
    void anOperatorMayNotSyncNow()
    {
        test::TestDatabase t;
        QVERIFY(SyncSettings::fromUrl(QStringLiteral("postgresql://rework@127.0.0.1:9/rework"))
                    ->save(t.folder())
                    .ok());
        MainWindow w(t.db(), t.recorder());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("OP1"));
        QVERIFY(!w.syncAction()->isEnabled());
        QSignalSpy done(w.syncPanel(), &SyncPanel::finished);
        w.syncPanel()->syncNow();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("sync.run")),
                 qPrintable(done.first().at(1).toString()));
    }

    void syncsInTheBackgroundEveryInterval()
    {
        test::PgTestServer pg;
        QVERIFY(pg.ok());
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        SyncPanel* panel = w.syncPanel();
        SyncSettings settings = SyncSettings::fromUrl(pg.url()).value();
        QVERIFY(SyncEngine(t.db(), settings).initServer().ok());
        // A nightly minute far from the times tried below.
        const QDateTime start = t.clock().now();
        settings.nightlyAt = start.toLocalTime().addSecs(12 * 3600).time().toString(QStringLiteral("HH:mm"));
        QVERIFY(settings.save(t.folder()).ok());
        QCOMPARE(ConfigStore(t.db().connection())
                     .configNumber(QStringLiteral("sync.interval_minutes"), -1)
                     .value(),
                 15);

        // Never synced: the first tick syncs. No progress dialog comes in the operator's way.
        QSignalSpy done(panel, &SyncPanel::finished);
        QVERIFY(panel->runIfDue(start));
        QVERIFY(!w.findChild<QProgressDialog*>(QStringLiteral("syncProgress")));
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));

        // Every 15 minutes after the last sync, by the station's clock.
        t.clock().advanceSeconds(14 * 60 + 59);
        QVERIFY(!panel->runIfDue(t.clock().now()));
        t.clock().advanceSeconds(1);
        done.clear();
        QVERIFY(panel->runIfDue(t.clock().now()));
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().at(0).toBool());
        QVERIFY(!panel->runIfDue(t.clock().now().addSecs(60)));

        // 0: nightly only.
        QVERIFY(ConfigStore(t.db().connection(), t.clock())
                    .setConfigValue(QStringLiteral("sync.interval_minutes"), QStringLiteral("0"), t.admin())
                    .ok());
        t.clock().advanceSeconds(3 * 3600);
        QVERIFY(!panel->runIfDue(t.clock().now()));
        const QDateTime nightly(t.clock().now().toLocalTime().date().addDays(1),
                                QTime::fromString(settings.nightlyAt, QStringLiteral("HH:mm")));
        done.clear();
        QVERIFY(panel->runIfDue(nightly));
        QVERIFY(done.wait(30000));
    }

    void showsHowLongAgoEachStationSynced()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        SyncPanel* panel = w.syncPanel();
        const QDateTime now = t.clock().now();
        for (const auto& [origin, stations, ago] :
             {std::tuple{"o1", "INTAKE-1", 5 * 60}, std::tuple{"o2", "TEST-1", 2 * 3600 + 120},
              std::tuple{"o3", "PACK-1", 3 * 24 * 3600}})
            QVERIFY(
                sql::exec(t.db().connection(),
                          QStringLiteral(
                              "INSERT INTO sync_origins (origin, stations, last_push_at) VALUES (?, ?, ?)"),
                          {QString::fromLatin1(origin), QString::fromLatin1(stations),
                           now.addSecs(-ago).toString(Qt::ISODateWithMs)})
                    .ok());
        panel->refreshStatus();
        const QString text = panel->statusLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("INTAKE-1 5 min ago")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("TEST-1 2 h ago")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("PACK-1 3 d ago")), qPrintable(text));
        // The longest silent first.
        QVERIFY(text.indexOf(QStringLiteral("PACK-1")) < text.indexOf(QStringLiteral("INTAKE-1")));
        QVERIFY(panel->statusLabel()->toolTip().contains(QStringLiteral("TEST-1 2 h ago")));
    }

    void aLongQueueIsCountedOnlyAsFarAsTheBarShows()
    {
        // A station that never syncs keeps all it recorded waiting (7.5 million events at a million
        // units): the bar counts after every save and at start, so it stops counting at its limit.
        test::TestDatabase t;
        const qint64 setUp = SyncEngine::pending(t.db().connection()).value();
        {
            Transaction tx(t.db().connection());
            QVERIFY(tx.begin().ok());
            EventStore store(t.db().connection());
            const QDateTime start = t.clock().now().addDays(-1);
            for (qint64 i = 0; i < SyncPanel::kCountedUpTo; ++i) {
                EventRecord e;
                e.recordedAt = start.addMSecs(i);
                e.id = IdGenerator::uuidV7(e.recordedAt);
                e.stationId = QStringLiteral("INTAKE-1");
                e.operatorId = QStringLiteral("OP1");
                e.step = QStringLiteral("intake");
                e.subject = QStringLiteral("ZT4090Q%1").arg(i, 6, 10, QLatin1Char('0'));
                e.payload = {{"card", e.subject}, {"model", "RTX4090"}, {"lot", "LOT-Q"}};
                QVERIFY(store.append(e, {{QStringLiteral("card"), e.subject}}).ok());
            }
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(SyncEngine::pending(t.db().connection()).value(), setUp + SyncPanel::kCountedUpTo);
        QCOMPARE(SyncEngine::pendingUpTo(t.db().connection(), SyncPanel::kCountedUpTo).value(),
                 SyncPanel::kCountedUpTo + 1);
        QCOMPARE(SyncEngine::pendingUpTo(t.db().connection(), 3).value(), 4);
        MainWindow w(t.db(), t.recorder());
        const QString over =
            QStringLiteral("over %1 waiting").arg(QLocale().toString(SyncPanel::kCountedUpTo));
        QVERIFY2(w.syncPanel()->statusLabel()->text().contains(over),
                 qPrintable(w.syncPanel()->statusLabel()->text()));
        QVERIFY(t.record(Step::Intake, {"card=CARDG0009", "model=RTX4090", "lot=LOT-1"}).ok());
        QVERIFY(w.syncPanel()->statusLabel()->text().contains(over));
    }

    void theMinuteTickShowsWhatOtherProgramsRecorded()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        const qint64 before = SyncEngine::pending(t.db().connection()).value();
        QVERIFY(w.syncPanel()->statusLabel()->text().contains(QStringLiteral("%1 waiting").arg(before)));
        // reworkctl on the same file: its own connection and recorder, no signal to this window.
        {
            auto other = Database::open(t.path());
            QVERIFY(other);
            Recorder cli(*other.value(), t.clock());
            for (const char* card : {"card=CARDG0101", "card=CARDG0102"})
                QVERIFY(cli.record(Action{Step::Intake, QStringLiteral("INTAKE-1"), QStringLiteral("OP1"),
                                          StepSchema::parse(Step::Intake, {QString::fromLatin1(card),
                                                                           QStringLiteral("model=RTX4090"),
                                                                           QStringLiteral("lot=LOT-1")})
                                              .value()})
                            .ok());
        }
        QVERIFY(w.syncPanel()->statusLabel()->text().contains(QStringLiteral("%1 waiting").arg(before)));
        w.syncPanel()->runIfDue(t.clock().now());
        QVERIFY2(w.syncPanel()->statusLabel()->text().contains(QStringLiteral("%1 waiting").arg(before + 2)),
                 qPrintable(w.syncPanel()->statusLabel()->text()));
    }
};

QTEST_MAIN(TestSyncPanel)
#include "TestSyncPanel.moc"
