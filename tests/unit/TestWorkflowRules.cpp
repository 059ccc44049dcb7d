// The workflow engine alone: every rule and every error, with hand-built snapshots.
#include "TestDatabase.h"
#include "domain/ItemStates.h"
#include "importers/GpuReportReader.h"
#include "importers/NvidiaSmiImporter.h"
#include "workflow/StepSchema.h"
#include "workflow/WorkflowRules.h"

#include <QJsonArray>
#include <QTest>

using namespace rework;

namespace {

const QString kDie = QStringLiteral("D0000000000AB");
const QString kUnit = QStringLiteral("U0000000000CD");

WorkflowConfig makeConfig()
{
    WorkflowConfig c;
    c.products.insert(QStringLiteral("RTX4090"),
                      Product{QStringLiteral("RTX4090"), QStringLiteral("GeForce RTX 4090"),
                              QStringLiteral("2684"), QStringLiteral("AD102-300-A1"), 24564, 12,
                              QStringLiteral("3")});
    c.products.insert(QStringLiteral("RTX3090"),
                      Product{QStringLiteral("RTX3090"), QStringLiteral("GeForce RTX 3090"),
                              QStringLiteral("2204"), QStringLiteral("GA102-300-A1"), 24576, 12,
                              QStringLiteral("3")});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    c.limits.insert(QStringLiteral("reball.ball_mm"), Limit{0.25, 0.76});
    c.limits.insert(QStringLiteral("mount.peak_c.sac305"), Limit{230, 250});
    c.limits.insert(QStringLiteral("mount.peak_c.sn63pb37"), Limit{205, 225});
    c.limits.insert(QStringLiteral("mount.tal_s"), Limit{60, 90});
    c.limits.insert(QStringLiteral("inspect.void_pct"), Limit{nan, 25});
    c.limits.insert(QStringLiteral("test.pcie_gen"), Limit{4, nan});
    c.limits.insert(QStringLiteral("test.pcie_width"), Limit{16, nan});
    c.limits.insert(QStringLiteral("test.temp_max_c"), Limit{nan, 85});
    c.limits.insert(QStringLiteral("test.mem_mib|RTX4090"), Limit{24000, 24600});
    for (const char* code : {"VOIDS", "BRIDGE", "OPEN", "HEAD_IN_PILLOW", "FAULTY_MEMORY", "PCIE_DEGRADED",
                             "THERMAL", "ARTIFACTS", "MEMORY_SIZE", "BURNIN_ERRORS", "PHYSICAL_DAMAGE"})
        c.defectCodes.insert(QString::fromLatin1(code), QStringLiteral("test"));
    return c;
}

Action act(Step step, const QStringList& kv, const QString& station = QStringLiteral("ST-1"))
{
    Result<QJsonObject> f = StepSchema::parse(step, kv);
    if (!f)
        qFatal("test input does not parse: %s", qPrintable(f.error().oneLine()));
    return Action{step, station, QStringLiteral("OP1"), f.value()};
}

/// The action with a GPU's report, read by the importer from the real RTX 4090 fixture as a rig
/// under load saves it (TestDatabase::rigReport).
Action withReport(Action a, const QString& uuid, int gen = 4, int width = 16,
                  const QString& pstate = QStringLiteral("P0"))
{
    Result<NvidiaSmiReport> parsed =
        NvidiaSmiImporter::parse(test::TestDatabase::rigReport(uuid, gen, width, pstate));
    if (!parsed)
        qFatal("rig report: %s", qPrintable(parsed.error().oneLine()));
    Result<GpuReport> report = GpuReportReader::read(parsed.value());
    if (!report)
        qFatal("rig report: %s", qPrintable(report.error().oneLine()));
    a.report = report.value();
    return a;
}

Snapshot base(Step step)
{
    Snapshot s;
    s.now = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
    s.operatorInfo =
        OperatorInfo{QStringLiteral("OP1"), QStringLiteral("Li Wei"), QStringLiteral("operator"), true};
    s.station = StationInfo{QStringLiteral("ST-1"), stepName(step)};
    s.newDieId = kDie;
    s.newUnitId = kUnit;
    return s;
}

CardState receivedCard(const QString& serial = QStringLiteral("ZT4090A123456"))
{
    return CardState{
        serial, QStringLiteral("RTX4090"), QStringLiteral("LOT-1"), QString(states::Received), {}, {}, {}};
}

DieState die(QLatin1StringView state, const QString& unit = {})
{
    DieState d;
    d.id = kDie;
    d.cardSerial = QStringLiteral("ZT4090A123456");
    d.model = QStringLiteral("RTX4090");
    d.state = state;
    d.unitSerial = unit;
    d.alloy = QStringLiteral("sac305");
    return d;
}

UnitState unit(QLatin1StringView state, int repairs = 0)
{
    UnitState u;
    u.serial = kUnit;
    u.dieId = kDie;
    u.boardSerial = QStringLiteral("SB00000001");
    u.cardSerial = QStringLiteral("ZT4090A123456");
    u.model = QStringLiteral("RTX4090");
    u.state = state;
    u.repairCount = repairs;
    return u;
}

} // namespace

#define EXPECT_ERROR(result, errorCode, fieldName)                                                           \
    do {                                                                                                     \
        const auto& r_ = (result);                                                                           \
        QVERIFY2(!r_.ok(), "expected a refusal");                                                            \
        QCOMPARE(r_.error().codeName(), errorCodeName(errorCode));                                           \
        QCOMPARE(r_.error().field, QStringLiteral(fieldName));                                               \
        QVERIFY(!r_.error().message.isEmpty());                                                              \
    } while (false)

#define EXPECT_OK(result)                                                                                    \
    do {                                                                                                     \
        const auto& r_ = (result);                                                                           \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(r_.error().oneLine()));                                  \
    } while (false)

class TestWorkflowRules : public QObject
{
    Q_OBJECT

private:
    WorkflowConfig c = makeConfig();

    Result<Decision> decide(const Action& a, const Snapshot& s) { return WorkflowRules::decide(a, s, c); }

private slots:
    void init() { c = makeConfig(); }

    // --- who and where -----------------------------------------------------------------------
    void rejectsUnknownOperator()
    {
        Snapshot s = base(Step::Intake);
        s.operatorInfo.reset();
        EXPECT_ERROR(decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}), s),
                     ErrorCode::UnknownOperator, "operator");
    }
    void rejectsDisabledOperator()
    {
        Snapshot s = base(Step::Intake);
        s.operatorInfo->active = false;
        EXPECT_ERROR(decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}), s),
                     ErrorCode::OperatorInactive, "operator");
    }
    // A station token (TOKEN:<id>) records only its steps at its station, whatever its role says.
    void stationTokenRecordsOnlyItsStepsAtItsStation()
    {
        Snapshot s = base(Step::Intake);
        s.operatorInfo = OperatorInfo{QStringLiteral("TOKEN:1"), QStringLiteral("station token 1"),
                                      QStringLiteral("token"), true};
        s.token = TokenScope{QStringLiteral("ST-1"), {QStringLiteral("intake")}};
        const Action intake = act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"});
        QVERIFY(decide(intake, s).ok());
        Snapshot elsewhere = s;
        elsewhere.token->station = QStringLiteral("ST-2");
        EXPECT_ERROR(decide(intake, elsewhere), ErrorCode::NotPermitted, "operator");
        Snapshot otherStep = s;
        otherStep.token->steps = {QStringLiteral("test")};
        EXPECT_ERROR(decide(intake, otherStep), ErrorCode::NotPermitted, "operator");
        Snapshot revoked = s;
        revoked.operatorInfo->active = false;
        EXPECT_ERROR(decide(intake, revoked), ErrorCode::OperatorInactive, "operator");
    }
    void rejectsUnknownStation()
    {
        Snapshot s = base(Step::Intake);
        s.station.reset();
        EXPECT_ERROR(decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}), s),
                     ErrorCode::UnknownStation, "station");
    }
    void rejectsStepAtStationOfAnotherStep()
    {
        Snapshot s = base(Step::Strip);
        EXPECT_ERROR(decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}), s),
                     ErrorCode::WrongStation, "station");
    }

    // --- intake ------------------------------------------------------------------------------
    void intakeRecordsCardWithDefaults()
    {
        auto r = decide(act(Step::Intake, {"card=zt4090a123456", "model=rtx 4090", "lot=lot-1"}),
                        base(Step::Intake));
        EXPECT_OK(r);
        QCOMPARE(r->primarySerial, QStringLiteral("ZT4090A123456"));
        // Nothing the operator did not tick: no hidden "ok".
        QVERIFY(!r->payload.contains(QStringLiteral("condition")));
        QCOMPARE(r->payload.value(QStringLiteral("lot")).toString(), QStringLiteral("LOT-1"));
        QCOMPARE(r->subjects.size(), 1);
    }
    void rejectsUnknownModel()
    {
        EXPECT_ERROR(
            decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX9999", "lot=L1"}), base(Step::Intake)),
            ErrorCode::InvalidValue, "model");
    }
    void rejectsMalformedCardSerial_data()
    {
        QTest::addColumn<QString>("card");
        QTest::newRow("too short") << "AB12";
        QTest::newRow("bad char") << "ZT4090_12345";
        QTest::newRow("too long") << "ZT4090A1234567890123456789";
        QTest::newRow("inner space") << "ZT40 90A12345";
    }
    void rejectsMalformedCardSerial()
    {
        QFETCH(QString, card);
        Action a{Step::Intake, QStringLiteral("ST-1"), QStringLiteral("OP1"),
                 QJsonObject{{QStringLiteral("card"), card},
                             {QStringLiteral("model"), QStringLiteral("RTX4090")},
                             {QStringLiteral("lot"), QStringLiteral("L1")}}};
        EXPECT_ERROR(decide(a, base(Step::Intake)), ErrorCode::MalformedSerial, "card");
    }
    void cardFormatIsConfigurablePerProduct()
    {
        QVERIFY(c.serials.setPattern(SerialKind::Card, QStringLiteral("RTX3090"),
                                     QStringLiteral("^GB[0-9]{10}$")));
        EXPECT_ERROR(
            decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX3090", "lot=L1"}), base(Step::Intake)),
            ErrorCode::MalformedSerial, "card");
        EXPECT_OK(
            decide(act(Step::Intake, {"card=GB0123456789", "model=RTX3090", "lot=L1"}), base(Step::Intake)));
        // other models keep the default
        EXPECT_OK(
            decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}), base(Step::Intake)));
    }
    void rejectsDonorCardReceivedTwice()
    {
        Snapshot s = base(Step::Intake);
        s.card = receivedCard();
        EXPECT_ERROR(decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}), s),
                     ErrorCode::AlreadyUsed, "card");
    }
    void rejectsGpuUuidAlreadyOnAnotherCard()
    {
        Snapshot s = base(Step::Intake);
        s.gpuUuidOwner = QStringLiteral("OTHERCARD01");
        EXPECT_ERROR(decide(act(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1",
                                               "gpu_uuid=GPU-12345678-1234-1234-1234-123456789abc"}),
                            s),
                     ErrorCode::DuplicateGpuUuid, "gpu_uuid");
    }

    // --- strip -------------------------------------------------------------------------------
    void stripCreatesDieWithProductDefaults()
    {
        Snapshot s = base(Step::Strip);
        s.card = receivedCard();
        auto r = decide(act(Step::Strip, {"card=ZT4090A123456"}), s);
        EXPECT_OK(r);
        QCOMPARE(r->createdId, kDie);
        QCOMPARE(r->payload.value(QStringLiteral("marking")).toString(), QStringLiteral("AD102-300-A1"));
        QCOMPARE(r->payload.value(QStringLiteral("memory_chips")).toInt(), 12);
        QCOMPARE(r->payload.value(QStringLiteral("dry_storage_left_at")).toString(),
                 s.now.toString(Qt::ISODateWithMs));
        QCOMPARE(r->payload.value(QStringLiteral("msl")).toString(), QStringLiteral("3"));
    }
    void rejectsStripOfUnknownCard()
    {
        EXPECT_ERROR(decide(act(Step::Strip, {"card=ZT4090A123456"}), base(Step::Strip)),
                     ErrorCode::UnknownSerial, "card");
    }
    void rejectsCardStrippedTwice()
    {
        Snapshot s = base(Step::Strip);
        s.card = receivedCard();
        s.card->state = states::Stripped;
        EXPECT_ERROR(decide(act(Step::Strip, {"card=ZT4090A123456"}), s), ErrorCode::AlreadyUsed, "card");
    }
    void rejectsStripOfScrappedCard()
    {
        Snapshot s = base(Step::Strip);
        s.card = receivedCard();
        s.card->state = states::Scrapped;
        EXPECT_ERROR(decide(act(Step::Strip, {"card=ZT4090A123456"}), s), ErrorCode::ItemScrapped, "card");
    }
    void rejectsMalformedDieMarking()
    {
        Snapshot s = base(Step::Strip);
        s.card = receivedCard();
        EXPECT_ERROR(decide(act(Step::Strip, {"card=ZT4090A123456", "marking=AD102"}), s),
                     ErrorCode::MalformedSerial, "marking");
        EXPECT_ERROR(decide(act(Step::Strip, {"card=ZT4090A123456", "date_code=2299"}), s),
                     ErrorCode::MalformedSerial, "date_code");
    }

    // --- reball ------------------------------------------------------------------------------
    void reballAcceptsStrippedAndRepairDies()
    {
        for (QLatin1StringView state : {states::Stripped, states::Repair}) {
            Snapshot s = base(Step::Reball);
            s.die = die(state);
            auto r = decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s);
            EXPECT_OK(r);
            QCOMPARE(r->payload.value(QStringLiteral("alloy")).toString(), QStringLiteral("sac305"));
        }
    }
    void rejectsReballOfUnknownDie()
    {
        EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), base(Step::Reball)),
                     ErrorCode::UnknownSerial, "die");
    }
    void rejectsMalformedDieId()
    {
        EXPECT_ERROR(decide(act(Step::Reball, {"die=ZT4090A123456"}), base(Step::Reball)),
                     ErrorCode::MalformedSerial, "die");
    }
    void rejectsReballOutOfOrder()
    {
        for (QLatin1StringView state : {states::Reballed, states::Mounted}) {
            Snapshot s = base(Step::Reball);
            s.die = die(state, state == states::Mounted ? kUnit : QString());
            EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s), ErrorCode::OutOfOrder,
                         "die");
        }
    }
    void rejectsBallDiameterOutsideLimit()
    {
        Snapshot s = base(Step::Reball);
        s.die = die(states::Stripped);
        EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie, "ball_mm=0.9"}), s),
                     ErrorCode::OutOfRange, "ball_mm");
    }
    void rejectsWorkOnScrappedOrShippedDie()
    {
        Snapshot s = base(Step::Reball);
        s.die = die(states::Scrapped);
        EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s), ErrorCode::ItemScrapped,
                     "die");
        s.die = die(states::Shipped);
        EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s), ErrorCode::ItemShipped,
                     "die");
    }

    void dieMustBeBakedPastItsFloorLife()
    {
        Snapshot s = base(Step::Reball);
        s.die = die(states::Stripped);
        s.die->msl = QStringLiteral("3");
        s.die->exposedAt = s.now.addSecs(-167 * 3600);
        EXPECT_OK(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s)); // 167 h < 168 h
        s.die->exposedAt = s.now.addSecs(-169 * 3600);
        EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s), ErrorCode::MslExpired,
                     "die");
        Snapshot m = base(Step::Mount);
        m.die = s.die;
        m.die->state = states::Reballed;
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), m),
                     ErrorCode::MslExpired, "die");
        // MSL 5a: 24 h
        s.die->msl = QStringLiteral("5a");
        s.die->exposedAt = s.now.addSecs(-25 * 3600);
        EXPECT_ERROR(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s), ErrorCode::MslExpired,
                     "die");
        // MSL 1: no floor life
        s.die->msl = QStringLiteral("1");
        s.die->exposedAt = s.now.addDays(-400);
        EXPECT_OK(decide(act(Step::Reball, {QStringLiteral("die=") + kDie}), s));
    }
    void bakeRules()
    {
        Snapshot s = base(Step::Bake);
        s.die = die(states::Stripped);
        auto r = decide(act(Step::Bake, {QStringLiteral("die=") + kDie, "hours=9"}), s);
        EXPECT_OK(r);
        QCOMPARE(r->payload.value("end").toString(), s.now.toString(Qt::ISODateWithMs));
        QCOMPARE(r->payload.value("start").toString(), s.now.addSecs(-9 * 3600).toString(Qt::ISODateWithMs));
        QCOMPARE(r->payload.value("temp_c").toInt(), 125);
        EXPECT_ERROR(StepSchema::parse(Step::Bake, QStringList{QStringLiteral("die=") + kDie}),
                     ErrorCode::MissingField, "hours");
        EXPECT_ERROR(
            decide(act(Step::Bake, {QStringLiteral("die=") + kDie, "hours=9", "end=2099-01-01T00:00:00Z"}),
                   s),
            ErrorCode::OutOfRange, "end");
        s.die = die(states::Mounted, kUnit);
        EXPECT_ERROR(decide(act(Step::Bake, {QStringLiteral("die=") + kDie, "hours=9"}), s),
                     ErrorCode::OutOfOrder, "die");
    }

    // --- mount -------------------------------------------------------------------------------
    void mountCreatesUnit()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed);
        auto r = decide(
            act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001", "peak_c=240", "tal_s=75"}),
            s);
        EXPECT_OK(r);
        QCOMPARE(r->createdId, kUnit);
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("mounted"));
        QCOMPARE(r->subjects.size(), 4);
    }
    void rejectsMountBeforeReball()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Stripped);
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), s),
                     ErrorCode::OutOfOrder, "die");
    }
    void rejectsDieMountedTwice()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Mounted, kUnit);
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000002"}), s),
                     ErrorCode::AlreadyUsed, "die");
    }
    void rejectsBoardUsedTwice()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed);
        s.board =
            BoardState{QStringLiteral("SB00000001"), QString(states::Mounted), QStringLiteral("UOTHER"), 1};
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), s),
                     ErrorCode::AlreadyUsed, "board");
    }
    void remountInRepairLoopKeepsUnitAndRequiresSameBoard()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed, kUnit);
        s.die->reflowCount = 1;
        s.unit = unit(states::Repair, 1);
        s.board = BoardState{QStringLiteral("SB00000001"), QString(states::Mounted), kUnit, 1};
        auto r = decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), s);
        EXPECT_OK(r);
        QCOMPARE(r->createdId, kUnit);
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("remounted"));
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000009"}), s),
                     ErrorCode::InvalidValue, "board");
    }
    void rejectsReflowPastLimit()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed, kUnit);
        s.die->reflowCount = 3;
        s.unit = unit(states::Repair, 2);
        s.board = BoardState{QStringLiteral("SB00000001"), QString(states::Mounted), kUnit, 1};
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), s),
                     ErrorCode::ReflowLimit, "die");
        s.die->reflowCount = 1;
        s.board->reflowCount = 3;
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), s),
                     ErrorCode::ReflowLimit, "board");
        c.reflowLimit = 4;
        EXPECT_OK(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001"}), s));
    }
    void rejectsPeakTemperatureOutsideAlloyLimit()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed);
        EXPECT_ERROR(
            decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001", "peak_c=255"}), s),
            ErrorCode::OutOfRange, "peak_c");
        // 215 °C is right for leaded solder and too cold for SAC305
        EXPECT_ERROR(
            decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001", "peak_c=215"}), s),
            ErrorCode::OutOfRange, "peak_c");
        s.die->alloy = QStringLiteral("sn63pb37");
        EXPECT_OK(
            decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001", "peak_c=215"}), s));
    }
    void rejectsTimeAboveLiquidusOutsideLimit()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed);
        EXPECT_ERROR(
            decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB00000001", "tal_s=45"}), s),
            ErrorCode::OutOfRange, "tal_s");
    }
    void rejectsMalformedBoardSerial()
    {
        Snapshot s = base(Step::Mount);
        s.die = die(states::Reballed);
        EXPECT_ERROR(decide(act(Step::Mount, {QStringLiteral("die=") + kDie, "board=SB#1"}), s),
                     ErrorCode::MalformedSerial, "board");
    }

    // --- inspect -----------------------------------------------------------------------------
    void inspectPassMovesOn()
    {
        Snapshot s = base(Step::Inspect);
        s.unit = unit(states::Mounted);
        auto r =
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=pass", "void_pct=12"}), s);
        EXPECT_OK(r);
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("pass"));
    }
    void rejectsInspectOfUnknownUnit()
    {
        EXPECT_ERROR(
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=pass"}), base(Step::Inspect)),
            ErrorCode::UnknownSerial, "unit");
    }
    void rejectsInspectOutOfOrder()
    {
        Snapshot s = base(Step::Inspect);
        s.unit = unit(states::Inspected);
        EXPECT_ERROR(decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=pass"}), s),
                     ErrorCode::OutOfOrder, "unit");
    }
    void rejectsPassWithVoidsOverLimit()
    {
        Snapshot s = base(Step::Inspect);
        s.unit = unit(states::Mounted);
        EXPECT_ERROR(
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=pass", "void_pct=30"}), s),
            ErrorCode::Contradiction, "result");
        EXPECT_ERROR(
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=pass", "bridges=1"}), s),
            ErrorCode::Contradiction, "result");
        EXPECT_ERROR(
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=pass", "defect=VOIDS"}), s),
            ErrorCode::Contradiction, "defect");
    }
    void failDerivesDefectFromMeasurements()
    {
        Snapshot s = base(Step::Inspect);
        s.unit = unit(states::Mounted);
        auto r =
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=fail", "void_pct=31"}), s);
        EXPECT_OK(r);
        QCOMPARE(r->payload.value(QStringLiteral("defect")).toString(), QStringLiteral("VOIDS"));
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("repair"));
    }
    void failWithoutDefectIsRefused()
    {
        Snapshot s = base(Step::Inspect);
        s.unit = unit(states::Mounted);
        EXPECT_ERROR(decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=fail"}), s),
                     ErrorCode::MissingField, "defect");
        EXPECT_ERROR(
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=fail", "defect=NOSUCH"}), s),
            ErrorCode::InvalidValue, "defect");
    }
    void failAtRepairLimitScraps()
    {
        Snapshot s = base(Step::Inspect);
        s.unit = unit(states::Mounted, 1);
        auto r =
            decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=fail", "defect=BRIDGE"}), s);
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("repair"));
        s.unit->repairCount = 2;
        r = decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=fail", "defect=BRIDGE"}), s);
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("scrap"));
        c.maxRepairAttempts = 3;
        r = decide(act(Step::Inspect, {QStringLiteral("unit=") + kUnit, "result=fail", "defect=BRIDGE"}), s);
        QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("repair"));
    }

    // --- test --------------------------------------------------------------------------------
    void testPassRecordsReadings()
    {
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Inspected);
        auto r = decide(withReport(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass",
                                                    "mem_mib=24564", "pcie_gen=4", "pcie_width=16"}),
                                   QStringLiteral("GPU-12345678-1234-1234-1234-123456789ABC")),
                        s);
        EXPECT_OK(r);
        // The report's values are stored; typed ones that agree with it are welcome.
        QCOMPARE(r->payload.value(QStringLiteral("gpu_uuid")).toString(),
                 QStringLiteral("GPU-12345678-1234-1234-1234-123456789abc"));
        QCOMPARE(r->payload.value(QStringLiteral("mem_mib")).toDouble(), 24564.0);
        QCOMPARE(r->payload.value(QStringLiteral("pcie_gen")).toDouble(), 4.0);
        QCOMPARE(r->payload.value(QStringLiteral("pcie_gen_max")).toDouble(), 4.0);
        QCOMPARE(r->payload.value(QStringLiteral("report_product")).toString(),
                 QStringLiteral("NVIDIA GeForce RTX 4090"));
        QCOMPARE(r->payload.value(QStringLiteral("report_device_id")).toString(), QStringLiteral("2684"));
        QCOMPARE(r->payload.value(QStringLiteral("pstate")).toString(), QStringLiteral("P0"));
    }
    void rejectsTestBeforeInspection()
    {
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Mounted);
        EXPECT_ERROR(decide(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass"}), s),
                     ErrorCode::OutOfOrder, "unit");
    }
    void rejectsGpuUuidAlreadyOnAnotherUnit()
    {
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Inspected);
        s.gpuUuidOwner = QStringLiteral("U00000000OTHER");
        EXPECT_ERROR(decide(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass",
                                             "gpu_uuid=GPU-12345678-1234-1234-1234-123456789abc"}),
                            s),
                     ErrorCode::DuplicateGpuUuid, "gpu_uuid");
    }
    void rejectsGpuUuidDifferentFromIntake()
    {
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Inspected);
        s.card = receivedCard();
        s.card->gpuUuid = QStringLiteral("GPU-aaaaaaaa-1234-1234-1234-123456789abc");
        EXPECT_ERROR(decide(withReport(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass"}),
                                       QStringLiteral("GPU-12345678-1234-1234-1234-123456789abc")),
                            s),
                     ErrorCode::GpuUuidMismatch, "gpu_uuid");
        // the UUID read at intake is the right one
        EXPECT_OK(decide(withReport(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass"}),
                                    QStringLiteral("GPU-aaaaaaaa-1234-1234-1234-123456789abc")),
                         s));
    }
    void rejectsPassWithDegradedReadings_data()
    {
        QTest::addColumn<QString>("reading"); // typed: what no report says
        QTest::addColumn<int>("gen");         // the report's link, under load
        QTest::addColumn<int>("width");
        QTest::newRow("pcie gen 3 under load") << "" << 3 << 16;
        QTest::newRow("pcie x8 under load") << "" << 4 << 8;
        QTest::newRow("vram errors") << "vram_errors=4" << 4 << 16;
        QTest::newRow("vram fail") << "vram=fail" << 4 << 16;
        QTest::newRow("burn-in fail") << "burnin=fail" << 4 << 16;
    }
    void rejectsPassWithDegradedReadings()
    {
        QFETCH(QString, reading);
        QFETCH(int, gen);
        QFETCH(int, width);
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Inspected);
        QStringList pass{QStringLiteral("unit=") + kUnit, "result=pass"};
        QStringList fail{QStringLiteral("unit=") + kUnit, "result=fail"};
        if (!reading.isEmpty()) {
            pass << reading;
            fail << reading;
        }
        const QString gpu = QStringLiteral("GPU-12345678-1234-1234-1234-123456789abc");
        EXPECT_ERROR(decide(withReport(act(Step::Test, pass), gpu, gen, width), s), ErrorCode::Contradiction,
                     "result");
        auto failed = decide(withReport(act(Step::Test, fail), gpu, gen, width), s);
        EXPECT_OK(failed);
        QVERIFY(!failed->payload.value(QStringLiteral("defect")).toString().isEmpty());
    }
    void typedReadingsFailAUnitWithoutAReport_data()
    {
        QTest::addColumn<QString>("reading");
        QTest::newRow("pcie gen 3") << "pcie_gen=3";
        QTest::newRow("pcie x8") << "pcie_width=8";
        QTest::newRow("memory size") << "mem_mib=12282";
        QTest::newRow("hot") << "temp_max_c=93";
    }
    void typedReadingsFailAUnitWithoutAReport()
    {
        QFETCH(QString, reading);
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Inspected);
        // Without a report a unit can only fail; the readings name the defect.
        auto fail = decide(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=fail", reading}), s);
        EXPECT_OK(fail);
        QVERIFY(!fail->payload.value(QStringLiteral("defect")).toString().isEmpty());
        EXPECT_ERROR(decide(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass", reading}), s),
                     ErrorCode::ReportRequired, "smi");
    }
    void rejectsWorkOnScrappedOrShippedUnit()
    {
        Snapshot s = base(Step::Test);
        s.unit = unit(states::Scrapped);
        EXPECT_ERROR(decide(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass"}), s),
                     ErrorCode::ItemScrapped, "unit");
        s.unit = unit(states::Shipped);
        EXPECT_ERROR(decide(act(Step::Test, {QStringLiteral("unit=") + kUnit, "result=pass"}), s),
                     ErrorCode::ItemShipped, "unit");
    }

    // --- pack, close, ship --------------------------------------------------------------------
    void packOpensNewBatch()
    {
        Snapshot s = base(Step::Pack);
        s.unit = unit(states::Tested);
        auto r = decide(act(Step::Pack, {QStringLiteral("unit=") + kUnit, "batch=B2611-001"}), s);
        EXPECT_OK(r);
        QVERIFY(r->payload.value(QStringLiteral("batch_opened")).toBool());
    }
    void rejectsPackOfUntestedOrFailedUnit()
    {
        Snapshot s = base(Step::Pack);
        for (QLatin1StringView state : {states::Mounted, states::Inspected, states::Repair}) {
            s.unit = unit(state);
            EXPECT_ERROR(decide(act(Step::Pack, {QStringLiteral("unit=") + kUnit, "batch=B2611-001"}), s),
                         ErrorCode::OutOfOrder, "unit");
        }
    }
    void rejectsUnitPackedTwice()
    {
        Snapshot s = base(Step::Pack);
        s.unit = unit(states::Packed);
        s.unit->batchId = QStringLiteral("B2611-001");
        EXPECT_ERROR(decide(act(Step::Pack, {QStringLiteral("unit=") + kUnit, "batch=B2611-002"}), s),
                     ErrorCode::AlreadyUsed, "unit");
    }
    void rejectsPackIntoClosedBatch()
    {
        Snapshot s = base(Step::Pack);
        s.unit = unit(states::Tested);
        s.batch =
            BatchState{QStringLiteral("B2611-001"), QStringLiteral("RTX4090"), QString(states::Closed), 10};
        EXPECT_ERROR(decide(act(Step::Pack, {QStringLiteral("unit=") + kUnit, "batch=B2611-001"}), s),
                     ErrorCode::BatchNotOpen, "batch");
    }
    void rejectsMixingModelsInBatch()
    {
        Snapshot s = base(Step::Pack);
        s.unit = unit(states::Tested);
        s.batch =
            BatchState{QStringLiteral("B2611-001"), QStringLiteral("RTX3090"), QString(states::Open), 3};
        EXPECT_ERROR(decide(act(Step::Pack, {QStringLiteral("unit=") + kUnit, "batch=B2611-001"}), s),
                     ErrorCode::BatchModelMismatch, "batch");
    }
    void rejectsMalformedBatchId()
    {
        Snapshot s = base(Step::Pack);
        s.unit = unit(states::Tested);
        EXPECT_ERROR(decide(act(Step::Pack, {QStringLiteral("unit=") + kUnit, "batch=X1"}), s),
                     ErrorCode::MalformedSerial, "batch");
    }
    void closeAndShipFollowTheirOrder()
    {
        Snapshot s = base(Step::Close);
        EXPECT_ERROR(decide(act(Step::Close, {"batch=B2611-001"}), s), ErrorCode::UnknownSerial, "batch");
        s.batch =
            BatchState{QStringLiteral("B2611-001"), QStringLiteral("RTX4090"), QString(states::Open), 0};
        EXPECT_ERROR(decide(act(Step::Close, {"batch=B2611-001"}), s), ErrorCode::BatchEmpty, "batch");
        EXPECT_ERROR(decide(act(Step::Ship, {"batch=B2611-001"}), s), ErrorCode::OutOfOrder, "batch");
        s.batch->unitCount = 4;
        EXPECT_OK(decide(act(Step::Close, {"batch=B2611-001"}), s));
        s.batch->state = states::Closed;
        EXPECT_ERROR(decide(act(Step::Close, {"batch=B2611-001"}), s), ErrorCode::BatchNotOpen, "batch");
        EXPECT_OK(decide(act(Step::Ship, {"batch=B2611-001"}), s));
        s.batch->state = states::Shipped;
        EXPECT_ERROR(decide(act(Step::Ship, {"batch=B2611-001"}), s), ErrorCode::ItemShipped, "batch");
    }

    // --- scrap and void ----------------------------------------------------------------------
    void scrapRules()
    {
        Snapshot s = base(Step::Scrap);
        EXPECT_ERROR(decide(act(Step::Scrap, {"item=NOPE12345", "reason=x"}), s), ErrorCode::UnknownSerial,
                     "item");
        s.itemKind = QStringLiteral("unit");
        s.unit = unit(states::Packed);
        EXPECT_ERROR(decide(act(Step::Scrap, {QStringLiteral("item=") + kUnit, "reason=x"}), s),
                     ErrorCode::OutOfOrder, "item");
        s.unit = unit(states::Scrapped);
        EXPECT_ERROR(decide(act(Step::Scrap, {QStringLiteral("item=") + kUnit, "reason=x"}), s),
                     ErrorCode::ItemScrapped, "item");
        s.unit = unit(states::Repair);
        auto r = decide(act(Step::Scrap, {QStringLiteral("item=") + kUnit, "reason=cracked"}), s);
        EXPECT_OK(r);
        QCOMPARE(r->subjects.size(), 4);
        Snapshot d = base(Step::Scrap);
        d.itemKind = QStringLiteral("die");
        d.die = die(states::Mounted, kUnit);
        EXPECT_ERROR(decide(act(Step::Scrap, {QStringLiteral("item=") + kDie, "reason=x"}), d),
                     ErrorCode::InvalidValue, "item");
        EXPECT_ERROR(StepSchema::parse(Step::Scrap, QStringList{QStringLiteral("item=") + kDie}),
                     ErrorCode::MissingField, "reason");
    }
    void voidRules()
    {
        Snapshot s = base(Step::Void);
        const QString id = QStringLiteral("01a2250f-ce05-745a-99ca-3f8f5217b394");
        EXPECT_ERROR(decide(act(Step::Void, {QStringLiteral("event=") + id, "reason=typo"}), s),
                     ErrorCode::NotPermitted, "operator");
        s.operatorInfo->role = QStringLiteral("supervisor");
        EXPECT_ERROR(decide(act(Step::Void, {QStringLiteral("event=") + id, "reason=typo"}), s),
                     ErrorCode::UnknownSerial, "event");
        s.target = EventInfo{id, QStringLiteral("test"), false, {}, {}, {}};
        EXPECT_OK(decide(act(Step::Void, {QStringLiteral("event=") + id, "reason=typo"}), s));
        EXPECT_ERROR(StepSchema::parse(Step::Void, QStringList{QStringLiteral("event=") + id}),
                     ErrorCode::MissingField, "reason");
        s.target->voided = true;
        EXPECT_ERROR(decide(act(Step::Void, {QStringLiteral("event=") + id, "reason=typo"}), s),
                     ErrorCode::AlreadyVoided, "event");
        s.target->voided = false;
        s.target->blockedBy = QStringLiteral("later");
        s.target->blockedByStep = QStringLiteral("pack");
        EXPECT_ERROR(decide(act(Step::Void, {QStringLiteral("event=") + id, "reason=typo"}), s),
                     ErrorCode::VoidBlocked, "event");
        s.target = EventInfo{id, QStringLiteral("void"), false, {}, {}, {}};
        EXPECT_ERROR(decide(act(Step::Void, {QStringLiteral("event=") + id, "reason=typo"}), s),
                     ErrorCode::InvalidValue, "event");
    }
};

QTEST_GUILESS_MAIN(TestWorkflowRules)
#include "TestWorkflowRules.moc"
