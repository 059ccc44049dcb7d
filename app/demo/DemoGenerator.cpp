#include "DemoGenerator.h"

#include "workflow/StepSchema.h"

#include "auth/OperatorAccounts.h"
#include "domain/Clock.h"
#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "storage/StationRegistry.h"
#include "workflow/Recorder.h"

#include <QRandomGenerator>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

struct DemoStation
{
    const char* id;
    const char* step;
};

constexpr DemoStation kStations[] = {
    {"INTAKE-01", "intake"},   {"STRIP-01", "strip"}, {"REBALL-01", "reball"}, {"MOUNT-01", "mount"},
    {"INSPECT-01", "inspect"}, {"TEST-01", "test"},   {"PACK-01", "pack"},
};

struct DemoOperator
{
    const char* id;
    const char* name;
    const char* role;
};

constexpr DemoOperator kOperators[] = {
    {"OP001", "Li Wei", "operator"},     {"OP002", "Zhang Min", "operator"},
    {"OP003", "Wang Fang", "operator"},  {"OP004", "Chen Jie", "operator"},
    {"SUP01", "Liu Yang", "supervisor"}, {"ADMIN", "Zhao Lei", "admin"},
};

constexpr const char* kPartners[] = {"asus", "msi", "gigabyte", "zotac", "palit", "galax", "colorful"};

/// One donor card as it arrives, drawn before its first step.
struct DemoCard
{
    QString model, partner, serial, lot;
    int stopAfter = 99; // the last step an in-progress unit reaches (1 intake ... 6 test)
    int pcbRevision = 0;
    QString uuid; // the die's GPU UUID: read at intake when the donor still works, always at test
    bool posts = false;
};

/// How one pass from reball to test ended.
enum class Pass
{
    Ended,  // packed, refused, or stopped in progress
    Failed, // inspection or test failed: back to reball
};

class Run
{
public:
    Run(Database& db, const DemoGenerator::Options& o)
        : m_clock(o.end.isValid() ? o.end : systemClock().now()), m_end(m_clock.now()),
          m_recorder(db, m_clock), m_rng(o.seed ? o.seed : QRandomGenerator::system()->generate()),
          m_options(o)
    {
    }

    Result<DemoGenerator::Summary> go();

private:
    bool chance(double p) { return m_rng.generateDouble() < p; }
    int between(int lo, int hi)
    {
        return lo + static_cast<int>(m_rng.bounded(static_cast<quint32>(hi - lo + 1)));
    }
    QString digits(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QChar(u'0' + static_cast<char16_t>(m_rng.bounded(10)));
        return s;
    }
    QString hex(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QString::number(m_rng.bounded(16), 16);
        return s;
    }
    QString anOperator() { return QString::fromLatin1(kOperators[m_rng.bounded(4)].id); }

    /// Records one step a few minutes after the previous one; false if the rules refused it.
    bool step(Step s, const char* station, const QStringList& fields, QString* created = nullptr,
              const std::optional<GpuReport>& report = std::nullopt);
    void packUnit(const QString& unit, const QString& model);

    /// The `i`th of `n` cards of a range that starts at `start`. Draws in a fixed order, so
    /// that one seed always gives the same cards.
    DemoCard drawCard(int i, int n, const QDateTime& start);
    /// Takes one card as far along the line as it goes.
    void process(const DemoCard& c);
    /// Intake, and now and then scrap on arrival; false if the card goes no further.
    bool receive(const DemoCard& c);
    /// Strip, and now and then a chipped die; false if the die goes no further.
    bool strip(const DemoCard& c, QString& die);
    /// Reball to test, repeated after each failure until the unit passes or is scrapped.
    void rework(const DemoCard& c, const QString& die);
    Pass reflowAndJudge(const DemoCard& c, const QString& die, const QString& board);
    /// A failed inspection or test; false if it was not recorded (the history ended).
    bool failInspection(const QString& unit);
    bool failTest(const QString& unit);
    bool passTest(const DemoCard& c, const QString& unit);
    /// A supervisor ships a closed batch.
    void shipBatch(const QString& batch);

    ManualClock m_clock;
    QDateTime m_end; // the history's end: now, for `reworkctl demo`
    Recorder m_recorder;
    QRandomGenerator m_rng;
    DemoGenerator::Options m_options;
    DemoGenerator::Summary m_summary;
    QHash<QString, QString> m_openBatch; // model -> batch id
    QHash<QString, int> m_batchFill;
    QStringList m_closedBatches; // closed, waiting for the truck
    int m_batchCounter = 0;
};

bool Run::step(Step s, const char* station, const QStringList& fields, QString* created,
               const std::optional<GpuReport>& report)
{
    m_clock.advanceSeconds(between(120, 1800));
    // The last cards are still on the line when the history ends: nothing happens after it.
    if (m_clock.now() > m_end)
        return false;
    Result<QJsonObject> parsed = StepSchema::parse(s, fields);
    Result<Recorded> r =
        parsed
            ? m_recorder.record(Action{s, QString::fromLatin1(station), anOperator(), parsed.value(), report})
            : Result<Recorded>(parsed.error());
    if (!r) {
        spdlog::info("demo: {} refused: {}", stepName(s).toStdString(), r.error().logLine());
        return false;
    }
    ++m_summary.events;
    if (created)
        *created = r.value().createdId();
    return true;
}

void Run::packUnit(const QString& unit, const QString& model)
{
    QString& batch = m_openBatch[model];
    if (batch.isEmpty()) {
        batch = QStringLiteral("B%1-%2")
                    .arg(m_clock.now().toString(QStringLiteral("yyMMdd")))
                    .arg(++m_batchCounter, 3, 10, QLatin1Char('0'));
    }
    if (!step(Step::Pack, "PACK-01", {QStringLiteral("unit=") + unit, QStringLiteral("batch=") + batch}))
        return;
    if (++m_batchFill[batch] >= 10) {
        if (step(Step::Close, "PACK-01", {QStringLiteral("batch=") + batch})) {
            // The truck takes the batch closed before this one; the newest waits for the next.
            if (!m_closedBatches.isEmpty())
                shipBatch(m_closedBatches.takeFirst());
            m_closedBatches << batch;
        }
        batch.clear();
    }
}

Result<DemoGenerator::Summary> Run::go()
{
    const int n = m_options.units;
    const qint64 span = static_cast<qint64>(m_options.days) * 86400;
    const QDateTime end = m_clock.now();
    const QDateTime start = end.addSecs(-span);
    const qint64 perUnit = n > 0 ? span / n : span;

    for (int i = 0; i < n; ++i) {
        m_clock.set(start.addSecs(perUnit * i));
        process(drawCard(i, n, start));
    }
    return m_summary;
}

DemoCard Run::drawCard(int i, int n, const QDateTime& start)
{
    DemoCard c;
    const double modelPick = m_rng.generateDouble();
    c.model = modelPick < 0.7   ? QStringLiteral("RTX4090")
              : modelPick < 0.9 ? QStringLiteral("RTX4090D")
                                : QStringLiteral("RTX3090");
    c.partner = QString::fromLatin1(kPartners[m_rng.bounded(7)]);
    c.serial = c.partner.left(2).toUpper() + digits(12);
    c.lot = QStringLiteral("LOT-%1-%2")
                .arg(start.addDays(i * m_options.days / qMax(1, n)).toString(QStringLiteral("yyMMdd")))
                .arg(1 + i / 40);
    // Units near the end of the range are still in progress: they stop at some step.
    const bool inProgress = i >= n - n / 7;
    c.stopAfter = inProgress ? between(1, 6) : 99;
    c.pcbRevision = between(0, 3);
    c.uuid = QStringLiteral("GPU-%1-%2-%3-%4-%5").arg(hex(8), hex(4), hex(4), hex(4), hex(12));
    c.posts = chance(0.6);
    return c;
}

void Run::process(const DemoCard& c)
{
    if (!receive(c) || c.stopAfter <= 1)
        return;
    QString die;
    if (!strip(c, die) || c.stopAfter <= 2)
        return;
    rework(c, die);
}

bool Run::receive(const DemoCard& c)
{
    QStringList intake{QStringLiteral("card=") + c.serial, QStringLiteral("model=") + c.model,
                       QStringLiteral("lot=") + c.lot, QStringLiteral("partner=") + c.partner,
                       QStringLiteral("pcb_rev=1.%1").arg(c.pcbRevision)};
    intake << (c.posts ? QStringLiteral("posts=yes") : QStringLiteral("posts=no"));
    if (c.posts)
        intake << QStringLiteral("gpu_uuid=") + c.uuid;
    if (!step(Step::Intake, "INTAKE-01", intake))
        return false;
    ++m_summary.cards;
    if (chance(0.03)) {
        if (step(Step::Scrap, "INTAKE-01",
                 {QStringLiteral("item=") + c.serial, QStringLiteral("reason=physical damage beyond repair"),
                  QStringLiteral("defect=PHYSICAL_DAMAGE")}))
            ++m_summary.scrapped;
        return false;
    }
    return true;
}

bool Run::strip(const DemoCard& c, QString& die)
{
    if (!step(Step::Strip, "STRIP-01",
              {QStringLiteral("card=") + c.serial,
               QStringLiteral("date_code=%1%2").arg(between(22, 24)).arg(between(10, 52))},
              &die))
        return false;
    if (chance(0.02)) {
        if (step(Step::Scrap, "STRIP-01",
                 {QStringLiteral("item=") + die, QStringLiteral("reason=die corner chipped"),
                  QStringLiteral("defect=DIE_CHIPPED")}))
            ++m_summary.scrapped;
        return false;
    }
    return true;
}

void Run::rework(const DemoCard& c, const QString& die)
{
    const QString board = QStringLiteral("SB") + digits(10);
    for (int attempt = 0;; ++attempt) {
        if (reflowAndJudge(c, die, board) == Pass::Ended)
            return;
        // A unit that failed a third time is scrapped; before that it goes round again.
        if (attempt >= 2) {
            ++m_summary.scrapped;
            return;
        }
        ++m_summary.repairs;
    }
}

Pass Run::reflowAndJudge(const DemoCard& c, const QString& die, const QString& board)
{
    if (!step(Step::Reball, "REBALL-01",
              {QStringLiteral("die=") + die, QStringLiteral("stencil=ST-AD102-0%1").arg(between(1, 3)),
               QStringLiteral("flux_lot=FX%1").arg(between(1000, 1010))}) ||
        c.stopAfter <= 3)
        return Pass::Ended;
    QString unit;
    if (!step(Step::Mount, "MOUNT-01",
              {QStringLiteral("die=") + die, QStringLiteral("board=") + board,
               QStringLiteral("peak_c=%1").arg(between(234, 246)),
               QStringLiteral("tal_s=%1").arg(between(62, 88))},
              &unit) ||
        c.stopAfter <= 4)
        return Pass::Ended;
    // Inspection: about one in ten fails on voids or bridges.
    if (chance(0.1))
        return failInspection(unit) ? Pass::Failed : Pass::Ended;
    if (!step(Step::Inspect, "INSPECT-01",
              {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"),
               QStringLiteral("void_pct=%1").arg(between(3, 20))}) ||
        c.stopAfter <= 5)
        return Pass::Ended;
    // Test: most pass; failures on memory, PCIe link or temperature.
    if (chance(0.08))
        return failTest(unit) ? Pass::Failed : Pass::Ended;
    if (!passTest(c, unit))
        return Pass::Ended;
    ++m_summary.units;
    if (c.stopAfter > 6)
        packUnit(unit, c.model);
    return Pass::Ended;
}

bool Run::failInspection(const QString& unit)
{
    const bool voids = chance(0.6);
    return step(Step::Inspect, "INSPECT-01",
                {QStringLiteral("unit=") + unit, QStringLiteral("result=fail"),
                 voids ? QStringLiteral("void_pct=%1").arg(between(27, 40))
                       : QStringLiteral("bridges=%1").arg(between(1, 3))});
}

bool Run::failTest(const QString& unit)
{
    const int kind = between(0, 2);
    QStringList fail{QStringLiteral("unit=") + unit, QStringLiteral("result=fail")};
    if (kind == 0)
        fail << QStringLiteral("vram=fail") << QStringLiteral("vram_errors=%1").arg(between(1, 500));
    else if (kind == 1)
        fail << QStringLiteral("pcie_gen=4") << QStringLiteral("pcie_width=8");
    else
        fail << QStringLiteral("temp_max_c=%1").arg(between(88, 96));
    return step(Step::Test, "TEST-01", fail);
}

bool Run::passTest(const DemoCard& c, const QString& unit)
{
    // What a test rig's nvidia-smi report of this GPU, taken under burn-in, would say: the
    // product's own name, PCI device and memory, as the line's product table has them (a 4090 D
    // reports device 2685, and a report of another model is refused).
    const Product product = m_recorder.config().products.value(c.model);
    GpuReport report;
    report.productName = QStringLiteral("NVIDIA ") + product.name;
    report.deviceId = product.deviceId;
    report.gpuUuid = c.uuid;
    report.vbios = QStringLiteral("95.02.3C.00.%1").arg(between(10, 99));
    report.memMib = product.memoryMib;
    report.tempC = between(62, 80);
    report.pcie = PcieLinkFigures{4, 4, 4, 16, 16, QStringLiteral("P0"), 100};
    return step(Step::Test, "TEST-01",
                {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"), QStringLiteral("burnin=pass"),
                 QStringLiteral("burnin_min=60"), QStringLiteral("vram=pass"),
                 QStringLiteral("vram_errors=0")},
                nullptr, report);
}

void Run::shipBatch(const QString& batch)
{
    m_clock.advanceSeconds(600);
    if (m_clock.now() > m_end)
        return;
    if (m_recorder.record(Step::Ship, QStringLiteral("PACK-01"), QStringLiteral("SUP01"),
                          {QStringLiteral("batch=") + batch})) {
        m_summary.shipped += 10;
        ++m_summary.events;
    }
}

} // namespace

Result<DemoGenerator::Summary> DemoGenerator::generate(Database& db, const Options& options)
{
    ConfigStore configStore(db.connection());
    OperatorAccounts accounts(db.connection());
    StationRegistry stationRegistry(db.connection());
    for (const DemoStation& s : kStations) {
        Status st = stationRegistry.addStation(QString::fromLatin1(s.id), QString::fromLatin1(s.step));
        if (!st && st.error().code != ErrorCode::AlreadyUsed)
            return st.error();
    }
    for (const DemoOperator& o : kOperators) {
        Status st = accounts.addOperator(QString::fromLatin1(o.id), QString::fromLatin1(o.name),
                                         QString::fromLatin1(o.role), QString::fromLatin1(kDemoPin));
        if (!st && st.error().code != ErrorCode::AlreadyUsed)
            return st.error();
    }
    // Demo data is disposable: skip the per-commit fsync while generating, restore it after.
    QSqlQuery pragma(db.connection());
    pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    // A target the demo line can just about reach: its cards per shift, plus a tenth.
    const int shifts = std::max(1, options.days * 2);
    if (Status st = configStore.setConfigValue(
            QStringLiteral("throughput.target_per_shift"),
            QString::number(std::max(1, (options.units * 11 / 10 + shifts - 1) / shifts)),
            QStringLiteral("ADMIN"));
        !st)
        return st.error();
    Run run(db, options);
    Result<Summary> summary = run.go();
    pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    if (summary)
        spdlog::info("demo data: {} cards, {} units tested, {} events", summary->cards, summary->units,
                     summary->events);
    return summary;
}

} // namespace rework
