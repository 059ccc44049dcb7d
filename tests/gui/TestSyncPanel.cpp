// The GUI side of the sync: "Sync now" with progress, the last sync and the events waiting in
// the status bar, a plain error and a planned retry when the server is away.
#include "PgTestServer.h"
#include "TestDatabase.h"
#include "shell/MainWindow.h"
#include "storage/Sql.h"
#include "syncstatus/SyncPanel.h"

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
        done.clear();
        w.syncAction()->trigger();
        QVERIFY(w.findChild<QProgressDialog*>(QStringLiteral("syncProgress")));
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("0 waiting")));
        QVERIFY(!panel->statusLabel()->text().contains(QStringLiteral("never")));
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
        // And nightly, at the configured minute only.
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
};

QTEST_MAIN(TestSyncPanel)
#include "TestSyncPanel.moc"
