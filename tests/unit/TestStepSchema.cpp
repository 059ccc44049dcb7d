#include "domain/EventPayload.h"
#include "workflow/StepSchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace rework;

class TestStepSchema : public QObject
{
    Q_OBJECT

private slots:
    void everyStepHasFieldsAndHelp()
    {
        for (Step s : {Step::Intake, Step::Strip, Step::Reball, Step::Mount, Step::Inspect, Step::Test,
                       Step::Pack, Step::Close, Step::Ship, Step::Scrap, Step::Void}) {
            QVERIFY2(!StepSchema::fields(s).isEmpty(), qPrintable(stepName(s)));
            for (const FieldSpec& f : StepSchema::fields(s))
                QVERIFY2(!f.helpText().isEmpty(), qPrintable(f.key));
        }
    }

    void parsesTypedValues()
    {
        auto r =
            StepSchema::parse(Step::Test, QStringList{"unit=U0000000000CD", "result=PASS", "mem_mib=24564",
                                                      "temp_max_c=71.5", "burnin=pass"});
        QVERIFY(r.ok());
        QCOMPARE(r->value("result").toString(), QStringLiteral("pass"));
        QCOMPARE(r->value("mem_mib").toInt(), 24564);
        QCOMPARE(r->value("temp_max_c").toDouble(), 71.5);
        auto intake =
            StepSchema::parse(Step::Intake, QStringList{"card=ZT4090A123456", "model=RTX4090", "lot=L1",
                                                        "condition=bent, burnt,bent", "posts=yes"});
        QVERIFY(intake.ok());
        QCOMPARE(intake->value("condition").toArray().size(), 2);
        QCOMPARE(intake->value("posts").toBool(), true);
    }

    /// What the schema parses, the typed payload reads back under the same names and types; a
    /// value of the wrong JSON type (a stored payload edited by hand) is not taken as a value.
    void typedPayloadReadsWhatTheSchemaParsed()
    {
        auto test = StepSchema::parse(
            Step::Test, QStringList{"unit=U0000000000CD", "result=fail", "defect=THERMAL", "pcie_gen=4",
                                    "pcie_width=16", "temp_max_c=91.5", "vram_errors=0", "burnin=pass"});
        QVERIFY(test.ok());
        const EventPayload p = EventPayload::read(test.value());
        QCOMPARE(p.unit, QStringLiteral("U0000000000CD"));
        QVERIFY(!p.passed());
        QCOMPARE(p.defect, QStringLiteral("THERMAL"));
        QCOMPARE(p.pcieGen, std::optional<double>(4));
        QCOMPARE(p.pcieWidth, std::optional<double>(16));
        QCOMPARE(p.tempMaxC, std::optional<double>(91.5));
        QCOMPARE(p.vramErrors, std::optional<double>(0)); // zero is a value, not an absence
        QVERIFY(!p.memMib.has_value());
        QCOMPARE(p.burnin, QStringLiteral("pass"));

        auto inspect = StepSchema::parse(Step::Inspect, QStringList{"unit=U0000000000CD", "result=pass",
                                                                    "misaligned=yes", "void_pct=12.5"});
        QVERIFY(inspect.ok());
        const EventPayload q = EventPayload::read(inspect.value());
        QVERIFY(q.passed());
        QVERIFY(q.misaligned);
        QVERIFY(!q.railShort);
        QCOMPARE(q.voidPct, std::optional<double>(12.5));

        QJsonObject edited{{QString(payload::PcieGen), QStringLiteral("4")},
                           {QString(payload::Unit), 42},
                           {QString(payload::Outcome), QString(outcome::Pass)},
                           {QStringLiteral("not_a_key"), QStringLiteral("x")}};
        const EventPayload e = EventPayload::read(edited);
        QVERIFY(!e.pcieGen.has_value());
        QVERIFY(e.unit.isEmpty());
        QCOMPARE(e.outcome, QString(outcome::Pass));
    }

    /// Every input of every step is named in the payload keys, so no reader spells a key itself.
    /// The schema, not a form, says which label follows a step: the die's traveler after strip,
    /// the unit's traveler after mount, the unit label only after a passed test, the batch label
    /// after close; nothing after the other steps.
    void theLabelThatFollowsAStep()
    {
        using Item = StepSchema::LabelDue::Item;
        const auto due = [](Step step, const QString& outcomeName) {
            return StepSchema::labelAfter(step, QJsonObject{{payload::Outcome, outcomeName}},
                                          QStringLiteral("SUBJECT"), QStringLiteral("CREATED"));
        };
        auto strip = due(Step::Strip, outcome::Stripped);
        QVERIFY(strip && strip->item == Item::Die);
        QCOMPARE(strip->subject, QStringLiteral("CREATED"));
        auto mount = due(Step::Mount, outcome::Mounted);
        QVERIFY(mount && mount->item == Item::Unit);
        QCOMPARE(mount->subject, QStringLiteral("CREATED"));
        auto passed = due(Step::Test, outcome::Pass);
        QVERIFY(passed && passed->item == Item::Unit);
        QCOMPARE(passed->subject, QStringLiteral("SUBJECT"));
        QVERIFY(!due(Step::Test, outcome::Repair));
        QVERIFY(!due(Step::Test, outcome::Scrap));
        auto closed = due(Step::Close, outcome::Closed);
        QVERIFY(closed && closed->item == Item::Batch);
        QCOMPARE(closed->subject, QStringLiteral("SUBJECT"));
        for (Step s :
             {Step::Intake, Step::Reball, Step::Inspect, Step::Pack, Step::Ship, Step::Scrap, Step::Void})
            QVERIFY2(!due(s, QString()), qPrintable(stepName(s)));
    }

    void everyFieldKeyIsANamedPayloadKey()
    {
        QSet<QString> named;
        for (payload::Key key : payload::All)
            named.insert(key);
        for (Step step : {Step::Intake, Step::Strip, Step::Reball, Step::Mount, Step::Inspect, Step::Test,
                          Step::Pack, Step::Close, Step::Ship, Step::Scrap, Step::Void, Step::Bake}) {
            for (const FieldSpec& f : StepSchema::fields(step))
                QVERIFY2(named.contains(f.key), qPrintable(stepName(step) + QLatin1Char('.') + f.key));
        }
    }

    void absentMarkersAreNotIdentities_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("N/A") << "N/A";
        QTest::newRow("REDACTED") << "REDACTED";
        QTest::newRow("all zero") << "GPU-00000000-0000-0000-0000-000000000000";
        QTest::newRow("blank") << "  ";
    }
    void absentMarkersAreNotIdentities()
    {
        QFETCH(QString, value);
        auto r = StepSchema::parse(Step::Test,
                                   QStringList{"unit=U0000000000CD", "result=pass", "gpu_uuid=" + value});
        QVERIFY(r.ok());
        QVERIFY(!r->contains("gpu_uuid"));
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QStringList>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const int test = static_cast<int>(Step::Test);
        const int intake = static_cast<int>(Step::Intake);
        QTest::newRow("missing required") << test << QStringList{"unit=U0000000000CD"} << "missing_field"
                                          << "result";
        QTest::newRow("unknown field")
            << test << QStringList{"unit=U1", "result=pass", "colour=red"} << "unknown_field"
            << "colour";
        QTest::newRow("repeated field")
            << test << QStringList{"unit=U1", "unit=U2", "result=pass"} << "invalid_value"
            << "unit";
        QTest::newRow("no equals") << test << QStringList{"unit"} << "usage"
                                   << "unit";
        QTest::newRow("empty key") << test << QStringList{"=x"} << "usage"
                                   << "=x";
        QTest::newRow("not a number")
            << test << QStringList{"unit=U1", "result=pass", "mem_mib=lots"} << "invalid_value"
            << "mem_mib";
        QTest::newRow("fraction for int")
            << test << QStringList{"unit=U1", "result=pass", "pcie_gen=4.5"} << "invalid_value"
            << "pcie_gen";
        QTest::newRow("nan") << test << QStringList{"unit=U1", "result=pass", "temp_max_c=nan"}
                             << "invalid_value"
                             << "temp_max_c";
        QTest::newRow("inf") << test << QStringList{"unit=U1", "result=pass", "temp_max_c=inf"}
                             << "invalid_value"
                             << "temp_max_c";
        QTest::newRow("implausible") << test << QStringList{"unit=U1", "result=pass", "temp_max_c=500"}
                                     << "out_of_range"
                                     << "temp_max_c";
        QTest::newRow("negative") << test << QStringList{"unit=U1", "result=pass", "vram_errors=-1"}
                                  << "out_of_range"
                                  << "vram_errors";
        QTest::newRow("bad choice") << test << QStringList{"unit=U1", "result=maybe"} << "invalid_value"
                                    << "result";
        QTest::newRow("bad list item")
            << intake << QStringList{"card=ZT4090A123456", "model=RTX4090", "lot=L1", "condition=ok,wet"}
            << "invalid_value"
            << "condition";
        QTest::newRow("bad bool") << intake
                                  << QStringList{"card=ZT4090A123456", "model=RTX4090", "lot=L1",
                                                 "posts=perhaps"}
                                  << "invalid_value"
                                  << "posts";
        QTest::newRow("bad time") << static_cast<int>(Step::Strip)
                                  << QStringList{"card=ZT4090A123456", "dry_storage_left_at=yesterday"}
                                  << "invalid_value"
                                  << "dry_storage_left_at";
        QTest::newRow("control chars") << intake
                                       << QStringList{"card=ZT4090A123456", "model=RTX4090", "lot=L1",
                                                      QStringLiteral("notes=a") + QChar(7) + "b"}
                                       << "invalid_value"
                                       << "notes";
        QTest::newRow("too long") << intake
                                  << QStringList{"card=ZT4090A123456", "model=RTX4090", "lot=L1",
                                                 "notes=" + QString(600, QLatin1Char('x'))}
                                  << "invalid_value"
                                  << "notes";
    }
    void rejectsBadInput()
    {
        QFETCH(int, step);
        QFETCH(QStringList, input);
        QFETCH(QString, code);
        QFETCH(QString, field);
        auto r = StepSchema::parse(static_cast<Step>(step), input);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().codeName(), code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStepSchema)
#include "TestStepSchema.moc"
