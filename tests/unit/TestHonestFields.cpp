// Honest fields: serials are never rewritten, names people type are stored in one spelling, times
// have happened, choices do not contradict each other, and nothing is stored the operator did not
// see. Every refusal leaves the database as it was.
#include "TestDatabase.h"
#include "domain/SerialRules.h"
#include "storage/Sql.h"
#include "workflow/StepSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rework;

namespace {

QJsonObject payloadOf(test::TestDatabase& t, const QString& step)
{
    auto p = sql::scalar(
        t.db().connection(),
        QStringLiteral("SELECT payload FROM events WHERE step = ? ORDER BY seq DESC LIMIT 1"), {step});
    return p.ok() ? QJsonDocument::fromJson(p.value().toString().toUtf8()).object() : QJsonObject();
}

} // namespace

class TestHonestFields : public QObject
{
    Q_OBJECT

private slots:
    void serialsAreRefusedNeverRewritten_data()
    {
        QTest::addColumn<QString>("card");
        QTest::newRow("sharp s") << QStringLiteral("ZT4090Aß23456");
        QTest::newRow("long s") << QStringLiteral("ZT4090Aſ23456");
        QTest::newRow("fi ligature") << QStringLiteral("ZT4090Aﬁ23456");
        QTest::newRow("full-width digit") << QStringLiteral("ZT4090A１23456");
        QTest::newRow("zero-width space") << QStringLiteral("ZT4090A\u200B123456");
        QTest::newRow("dashes only") << QStringLiteral("--------");
        QTest::newRow("dash at the end") << QStringLiteral("ZT4090A12345-");
    }

    void serialsAreRefusedNeverRewritten()
    {
        QFETCH(QString, card);
        test::TestDatabase t;
        const QString before = t.dump();
        auto r = t.record(Step::Intake, {QStringLiteral("card=") + card, QStringLiteral("model=RTX4090"),
                                         QStringLiteral("lot=L1")});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().code == ErrorCode::MalformedSerial || r.error().code == ErrorCode::InvalidValue,
                 qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(QLatin1Char('^')), qPrintable(r.error().message)); // no regex
        QCOMPARE(t.dump(), before);
        QVERIFY(SerialRules::normalise(SerialKind::Card, QStringLiteral("zt4090aß")) ==
                QStringLiteral("ZT4090Aß")); // only ASCII letters change case
    }

    void lotsAndMaterialsAreStoredInOneSpelling()
    {
        test::TestDatabase t;
        const QStringList spellings{QStringLiteral("FX-77"), QStringLiteral("fx-77"),
                                    QStringLiteral("ＦＸ-７７"), QStringLiteral("FX-77\u200B"),
                                    QStringLiteral(" FX\u2060-77 ")};
        int n = 0;
        for (const QString& lot : spellings) {
            const QString card = QStringLiteral("ZT4090A10000%1").arg(++n);
            auto r = t.record(Step::Intake, {QStringLiteral("card=") + card, QStringLiteral("model=RTX4090"),
                                             QStringLiteral("lot=") + lot});
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        }
        auto lots = sql::column(t.db().connection(), QStringLiteral("SELECT DISTINCT lot FROM cards"));
        QVERIFY(lots.ok());
        QCOMPARE(lots.value(), QStringList{QStringLiteral("FX-77")});

        auto stencil = StepSchema::parse(Step::Reball, QStringList{QStringLiteral("die=D0000000000AB"),
                                                                   QStringLiteral("stencil= ｓｔ-0\u200B9 "),
                                                                   QStringLiteral("flux_lot=fl 1")});
        QVERIFY(stencil.ok());
        QCOMPARE(stencil->value(QStringLiteral("stencil")).toString(), QStringLiteral("ST-09"));
        QCOMPARE(stencil->value(QStringLiteral("flux_lot")).toString(), QStringLiteral("FL 1"));
    }

    void contradictoryOrEmptyChoicesAreRefused_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("code");
        QTest::newRow("ok and burnt")
            << int(Step::Intake) << "condition=ok,burnt" << int(ErrorCode::Contradiction);
        QTest::newRow("burnt and ok")
            << int(Step::Intake) << "condition=burnt, OK" << int(ErrorCode::Contradiction);
        QTest::newRow("commas only") << int(Step::Intake) << "condition=,,," << int(ErrorCode::InvalidValue);
        QTest::newRow("none and damage")
            << int(Step::Strip) << "damage=none,chipped_die" << int(ErrorCode::Contradiction);
    }

    void contradictoryOrEmptyChoicesAreRefused()
    {
        QFETCH(int, step);
        QFETCH(QString, field);
        QFETCH(int, code);
        QStringList fields{QStringLiteral("card=ZT4090A123456"), field};
        if (step == int(Step::Intake))
            fields << QStringLiteral("model=RTX4090") << QStringLiteral("lot=L1");
        auto r = StepSchema::parse(static_cast<Step>(step), fields);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(r.error().field, field.section(QLatin1Char('='), 0, 0));
    }

    void nothingIsStoredTheOperatorDidNotSee()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {QStringLiteral("card=ZT4090A123456"), QStringLiteral("model=RTX4090"),
                                        QStringLiteral("lot=L1")})
                    .ok());
        QVERIFY(!payloadOf(t, QStringLiteral("intake")).contains(QStringLiteral("condition")));
        QVERIFY(t.record(Step::Strip, {QStringLiteral("card=ZT4090A123456")}).ok());
        QVERIFY(!payloadOf(t, QStringLiteral("strip")).contains(QStringLiteral("damage")));
        // What the operator did tick is kept.
        QVERIFY(t.record(Step::Intake, {QStringLiteral("card=ZT4090A123457"), QStringLiteral("model=RTX4090"),
                                        QStringLiteral("lot=L1"), QStringLiteral("condition=bent")})
                    .ok());
        QCOMPARE(payloadOf(t, QStringLiteral("intake")).value(QStringLiteral("condition")).toArray(),
                 QJsonArray{QStringLiteral("bent")});
    }

    void enteredTimesHaveHappened_data()
    {
        QTest::addColumn<QString>("when");
        QTest::newRow("2031") << "2031-01-01T00:00:00Z";
        QTest::newRow("9999") << "9999-12-31T23:59:59Z";
        QTest::newRow("an hour ahead") << "+3600";
    }

    void enteredTimesHaveHappened()
    {
        QFETCH(QString, when);
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {QStringLiteral("card=ZT4090A123456"), QStringLiteral("model=RTX4090"),
                                        QStringLiteral("lot=L1")})
                    .ok());
        if (when.startsWith(QLatin1Char('+')))
            when = t.clock().now().addSecs(when.mid(1).toInt() + 60).toUTC().toString(Qt::ISODate);
        const QString before = t.dump();
        auto strip = t.record(Step::Strip, {QStringLiteral("card=ZT4090A123456"),
                                            QStringLiteral("dry_storage_left_at=") + when});
        QVERIFY(!strip.ok());
        QCOMPARE(strip.error().code, ErrorCode::OutOfRange);
        QCOMPARE(strip.error().field, QStringLiteral("dry_storage_left_at"));
        QCOMPARE(t.dump(), before);
        // A moment ago is fine: the floor-life clock starts then.
        auto ok = t.record(Step::Strip, {QStringLiteral("card=ZT4090A123456"),
                                         QStringLiteral("dry_storage_left_at=") +
                                             t.clock().now().addSecs(-600).toUTC().toString(Qt::ISODate)});
        QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHonestFields)
#include "TestHonestFields.moc"
