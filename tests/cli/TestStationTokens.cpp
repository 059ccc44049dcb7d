// Station tokens (`reworkctl token`): a test rig records its own steps at its own station with a
// secret instead of an operator's PIN, as TOKEN:<id>; everything else is refused, by the CLI's
// proof and again by the workflow rules; only an admin makes or revokes one; the secret is never
// stored.
#include "Reworkctl.h"
#include "TestDatabase.h"

#include "domain/Clock.h"
#include "storage/Database.h"
#include "workflow/Recorder.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using rework::test::reworkctl;
using rework::test::Run;

namespace {

/// The first column of the first row of `statement`, on the file at `path`.
QVariant valueOn(const QString& path, const QString& statement)
{
    QVariant v;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        if (q.exec(statement) && q.next())
            v = q.value(0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return v;
}

QString errorCode(const Run& r)
{
    return r.json().value("error").toObject().value("code").toString();
}

} // namespace

class TestStationTokens : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_secret;

    Run recordIntake(const QString& station, const QString& card, const QString& secret)
    {
        return reworkctl(m_db,
                         {"--json", "record", "intake", "--station", station, "--token-stdin", "card=" + card,
                          "model=RTX4090", "lot=LOT-7"},
                         QString(), secret.toUtf8() + '\n');
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("line.sqlite"));
        for (const QStringList& args :
             {QStringList{"init"},
              {"operator", "add", "ADM1", "--name", "Zhao Min", "--role", "admin", "--pin", "1234"},
              {"operator", "add", "SUP1", "--name", "Liu Yang", "--role", "supervisor", "--pin", "1234",
               "--operator", "ADM1"},
              {"operator", "add", "OP1", "--name", "Li Wei", "--role", "operator", "--pin", "1234",
               "--operator", "ADM1"},
              {"station", "add", "INTAKE-1", "--step", "intake", "--operator", "ADM1"},
              {"station", "add", "INTAKE-2", "--step", "intake", "--operator", "ADM1"},
              {"station", "add", "TEST-01", "--step", "test", "--operator", "ADM1"}}) {
            const Run r = reworkctl(m_db, args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + QStringLiteral(": ") + r.err));
        }
    }

    void onlyAnAdminCreatesOne_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("pin");
        QTest::newRow("operator") << "OP1" << rework::test::kPin;
        QTest::newRow("supervisor") << "SUP1" << rework::test::kPin;
        QTest::newRow("admin without a PIN") << "ADM1" << QString();
        QTest::newRow("admin with a wrong PIN") << "ADM1"
                                                << "9999";
    }
    void onlyAnAdminCreatesOne()
    {
        QFETCH(QString, actor);
        QFETCH(QString, pin);
        const QString before = rework::test::dumpFile(m_db);
        const Run r = reworkctl(
            m_db,
            {"--json", "token", "create", "--station", "INTAKE-1", "--steps", "intake", "--operator", actor},
            pin);
        QVERIFY2(r.exitCode != 0, qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("rwt_")));
        if (pin == rework::test::kPin) // a wrong PIN counts toward the lockout, as it should
            QCOMPARE(rework::test::dumpFile(m_db), before);
    }

    void createsWithASecretShownOnce()
    {
        // Steps of another station are refused when the token is made. (The first proven command
        // clears the failed PIN of the test before, so the dump is taken after it.)
        const Run wrongStep = reworkctl(m_db, {"--json", "token", "create", "--station", "INTAKE-1",
                                               "--steps", "test", "--operator", "ADM1"});
        QCOMPARE(wrongStep.exitCode, 1);
        QCOMPARE(valueOn(m_db, "SELECT count(*) FROM station_tokens").toInt(), 0);
        const QString before = rework::test::dumpFile(m_db);
        const Run noStation = reworkctl(m_db, {"--json", "token", "create", "--station", "NOPE-1", "--steps",
                                               "intake", "--operator", "ADM1"});
        QCOMPARE(noStation.exitCode, 1);
        const Run noSteps = reworkctl(m_db, {"--json", "token", "create", "--station", "INTAKE-1", "--steps",
                                             ",", "--operator", "ADM1"});
        QCOMPARE(noSteps.exitCode, 1);
        QCOMPARE(rework::test::dumpFile(m_db), before);

        const Run r = reworkctl(m_db, {"--json", "token", "create", "--station", "INTAKE-1", "--steps",
                                       "intake", "--operator", "ADM1"});
        QCOMPARE(r.exitCode, 0);
        m_secret = r.json().value("secret").toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^rwt_[A-Z2-7]{32}$")).match(m_secret).hasMatch(),
                 qPrintable(m_secret));
        QCOMPARE(r.json().value("operator").toString(), QStringLiteral("TOKEN:1"));
        // Listed without its secret; stored only as its hash.
        const Run listed = reworkctl(m_db, {"--json", "token", "list"});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(QStringLiteral("INTAKE-1")));
        QVERIFY(!listed.out.contains(m_secret));
        QVERIFY(!rework::test::dumpFile(m_db).contains(m_secret));
        QVERIFY(!rework::test::dumpFile(m_db).contains(m_secret.mid(4)));
        QVERIFY(valueOn(m_db, "SELECT hash FROM station_tokens WHERE id = 1")
                    .toString()
                    .startsWith("$argon2id$"));
        QCOMPARE(valueOn(m_db,
                         "SELECT count(*) FROM audit_log WHERE kind = 'token_created' AND operator_id = "
                         "'ADM1'")
                     .toInt(),
                 1);
    }

    void recordsItsStepAtItsStation()
    {
        const Run r = recordIntake("INTAKE-1", "ZT4090A100001", m_secret);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(valueOn(m_db, "SELECT operator_id FROM events WHERE subject = 'ZT4090A100001'").toString(),
                 QStringLiteral("TOKEN:1"));
        // the same from the environment
        qputenv("REWORKTRACK_TOKEN", m_secret.toUtf8());
        const Run env = reworkctl(m_db,
                                  {"--json", "record", "intake", "--station", "INTAKE-1",
                                   "card=ZT4090A100002", "model=RTX4090", "lot=LOT-7"},
                                  QString());
        qunsetenv("REWORKTRACK_TOKEN");
        QVERIFY2(env.exitCode == 0, qPrintable(env.out + env.err));
        QCOMPARE(valueOn(m_db, "SELECT operator_id FROM events WHERE subject = 'ZT4090A100002'").toString(),
                 QStringLiteral("TOKEN:1"));
    }

    void refusesWhatTheTokenDoesNotCover_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("secret");
        const QStringList intake2{"--json",
                                  "record",
                                  "intake",
                                  "--station",
                                  "INTAKE-2",
                                  "--token-stdin",
                                  "card=ZT4090A100009",
                                  "model=RTX4090",
                                  "lot=LOT-7"};
        QTest::newRow("another station") << intake2 << "";
        QTest::newRow("another step") << QStringList{"--json",
                                                     "record",
                                                     "scrap",
                                                     "--station",
                                                     "INTAKE-1",
                                                     "--token-stdin",
                                                     "item=ZT4090A100001",
                                                     "reason=dropped"}
                                      << "";
        QStringList intake1 = intake2;
        intake1[4] = QStringLiteral("INTAKE-1");
        QTest::newRow("wrong secret") << intake1 << "rwt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        QTest::newRow("not a secret") << intake1 << "1234";
        QTest::newRow("no secret") << intake1 << "-";
    }
    void refusesWhatTheTokenDoesNotCover()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, secret);
        const QString used = secret.isEmpty() ? m_secret : secret == QLatin1String("-") ? QString() : secret;
        const QString before = rework::test::dumpFile(m_db);
        const Run r = reworkctl(m_db, args, QString(), used.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(errorCode(r), QStringLiteral("not_permitted"));
        QCOMPARE(rework::test::dumpFile(m_db), before);
    }

    // The CLI's proof is not the only guard: the rules refuse TOKEN:1 elsewhere, whoever calls.
    void theRulesRefuseOtherStationsAndSteps()
    {
        const QString before = rework::test::dumpFile(m_db);
        {
            auto db = rework::Database::open(m_db);
            QVERIFY(db.ok());
            rework::Recorder recorder(*db.value(), rework::systemClock());
            auto otherStation =
                recorder.record(rework::Step::Intake, QStringLiteral("INTAKE-2"), QStringLiteral("TOKEN:1"),
                                QStringList{"card=ZT4090A100010", "model=RTX4090", "lot=LOT-7"});
            QVERIFY(!otherStation.ok());
            QCOMPARE(otherStation.error().code, rework::ErrorCode::NotPermitted);
            auto otherStep =
                recorder.record(rework::Step::Scrap, QStringLiteral("INTAKE-1"), QStringLiteral("TOKEN:1"),
                                QStringList{"item=ZT4090A100001", "reason=dropped"});
            QVERIFY(!otherStep.ok());
            QCOMPARE(otherStep.error().code, rework::ErrorCode::NotPermitted);
            auto noSuchToken =
                recorder.record(rework::Step::Intake, QStringLiteral("INTAKE-1"), QStringLiteral("TOKEN:99"),
                                QStringList{"card=ZT4090A100011", "model=RTX4090", "lot=LOT-7"});
            QVERIFY(!noSuchToken.ok());
            QCOMPARE(noSuchToken.error().code, rework::ErrorCode::UnknownOperator);
        }
        QCOMPARE(rework::test::dumpFile(m_db), before);
    }

    void refusedAfterRevoke()
    {
        const QString before = rework::test::dumpFile(m_db);
        const Run byOperator = reworkctl(m_db, {"--json", "token", "revoke", "1", "--operator", "OP1"});
        QCOMPARE(byOperator.exitCode, 1);
        QCOMPARE(rework::test::dumpFile(m_db), before);
        const Run revoked = reworkctl(m_db, {"--json", "token", "revoke", "TOKEN:1", "--operator", "ADM1"});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.out + revoked.err));
        QCOMPARE(valueOn(m_db, "SELECT count(*) FROM audit_log WHERE kind = 'token_revoked'").toInt(), 1);
        const QString afterRevoke = rework::test::dumpFile(m_db);
        const Run r = recordIntake("INTAKE-1", "ZT4090A100003", m_secret);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(errorCode(r), QStringLiteral("not_permitted"));
        QCOMPARE(rework::test::dumpFile(m_db), afterRevoke);
        // and in the core: a revoked token is an inactive operator
        {
            auto db = rework::Database::open(m_db);
            QVERIFY(db.ok());
            rework::Recorder recorder(*db.value(), rework::systemClock());
            auto again =
                recorder.record(rework::Step::Intake, QStringLiteral("INTAKE-1"), QStringLiteral("TOKEN:1"),
                                QStringList{"card=ZT4090A100003", "model=RTX4090", "lot=LOT-7"});
            QVERIFY(!again.ok());
            QCOMPARE(again.error().code, rework::ErrorCode::OperatorInactive);
        }
        QCOMPARE(rework::test::dumpFile(m_db), afterRevoke);
        // listed as revoked; revoking twice is refused
        QVERIFY(reworkctl(m_db, {"token", "list"}).out.contains(QStringLiteral("revoked")));
        QCOMPARE(reworkctl(m_db, {"--json", "token", "revoke", "1", "--operator", "ADM1"}).exitCode, 1);
    }

    void theSecretIsNowhereInTheFile()
    {
        QFile f(m_db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(m_secret.toUtf8()));
        QVERIFY(!bytes.contains(m_secret.mid(4).toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestStationTokens)
#include "TestStationTokens.moc"
