#include "DemoGenerator.h"

#include "workflow/StepSchema.h"

#include "auth/OperatorAccounts.h"
#include "domain/Clock.h"
#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "storage/Transaction.h"
#include "workflow/Recorder.h"

#include <QRandomGenerator>
#include <QSqlQuery>

#include <queue>
#include <unordered_map>
#include <vector>

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

/// One card's way along the line: the step it goes to next, and when.
struct Flow
{
    enum class Next
    {
        Intake,
        ScrapCard, // damaged on arrival
        Strip,
        ScrapDie, // chipped while stripped
        Reball,
        Mount,
        Inspect,
        Test,
        Pack,
        Done,
    };
    DemoCard card;
    Next next = Next::Intake;
    QString die, board, unit;
    int attempt = 0; // passes from reball to test that failed
};

/// What is due when: a card's next step, or a batch closed or shipped. Ties keep the order in
/// which they were planned, so one seed always gives the same history.
struct Due
{
    QDateTime at;
    qint64 order = 0;
    qsizetype flow = -1; // -1: a batch action
    Step batchStep = Step::Close;
    QString batch;
    bool operator>(const Due& o) const { return at != o.at ? at > o.at : order > o.order; }
};

/// The line's history, recorded in the order it happened: each card's steps follow each other
/// minutes apart, and the cards overlap on the line as they do on a real one, so the log reads
/// in time order, as a station's own log does.
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
    /// The gap between one step of a card and its next: a few minutes to half an hour.
    QDateTime later() { return m_clock.now().addSecs(between(120, 1800)); }
    void plan(const QDateTime& at, qsizetype flow, Step batchStep = Step::Close, const QString& batch = {})
    {
        m_due.push(Due{at, m_planned++, flow, batchStep, batch});
    }

    /// Records one step now; false if the rules refused it.
    bool step(Step s, const char* station, const QStringList& fields, QString* created = nullptr,
              const std::optional<GpuReport>& report = std::nullopt);
    /// Scraps `item` at `station` and counts it.
    void scrap(const char* station, const QString& item, const char* reason, const char* defect);

    /// The `i`th of `n` cards of a range that starts at `start`. Draws in a fixed order, so
    /// that one seed always gives the same cards.
    DemoCard drawCard(int i, int n, const QDateTime& start);
    /// The step `flow` is due for, and what comes after it.
    void advance(Flow& flow);
    Flow::Next receive(Flow& f);
    Flow::Next strip(Flow& f);
    Flow::Next inspect(Flow& f);
    Flow::Next test(Flow& f);
    /// After a failed inspection or test: back to reball, or (the third time) out of the line.
    Flow::Next failed(Flow& f);
    bool failInspection(const QString& unit);
    bool failTest(const QString& unit);
    bool passTest(const DemoCard& c, const QString& unit);
    void pack(Flow& f);
    /// A full carton closed; the truck takes the carton closed before it.
    void close(const QString& batch);
    void ship(const QString& batch);

    ManualClock m_clock;
    QDateTime m_end; // the history's end: now, for `reworkctl demo`
    Recorder m_recorder;
    QRandomGenerator m_rng;
    DemoGenerator::Options m_options;
    DemoGenerator::Summary m_summary;
    std::unordered_map<qsizetype, Flow> m_flows; // the cards on the line, by their number
    std::priority_queue<Due, std::vector<Due>, std::greater<>> m_due;
    qint64 m_planned = 0;
    QHash<QString, QString> m_openBatch; // model -> batch id
    QHash<QString, int> m_batchFill;
    QStringList m_closedBatches; // closed, waiting for the truck
    int m_batchCounter = 0;
};

bool Run::step(Step s, const char* station, const QStringList& fields, QString* created,
               const std::optional<GpuReport>& report)
{
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

void Run::scrap(const char* station, const QString& item, const char* reason, const char* defect)
{
    if (step(Step::Scrap, station,
             {QStringLiteral("item=") + item, QStringLiteral("reason=") + QLatin1StringView(reason),
              QStringLiteral("defect=") + QLatin1StringView(defect)}))
        ++m_summary.scrapped;
}

Result<DemoGenerator::Summary> Run::go()
{
    const int n = m_options.units;
    const qint64 span = static_cast<qint64>(m_options.days) * 86400;
    const QDateTime end = m_clock.now();
    const QDateTime start = end.addSecs(-span);
    // Every card asked for arrives within the history: the last one at most half an hour (the
    // longest gap) before its end. In milliseconds: a million cards in a week are 0.6 s apart.
    const qint64 usableMs = (span - std::min<qint64>(1800, span / 2)) * 1000;
    // Card i arrives a few minutes after start + i × usableMs / n. Each is drawn when the one before it
    // arrives, so only the cards on the line are held, even for a million; never before that one.
    int arrived = 0;
    const auto arrive = [&](int i) {
        m_flows.emplace(i, Flow{drawCard(i, n, start), Flow::Next::Intake, {}, {}, {}, 0});
        const QDateTime now = m_clock.now();
        m_clock.set(start.addMSecs(static_cast<qint64>(i) * usableMs / n));
        plan(std::max(now, later()), i);
        m_clock.set(now);
    };
    m_clock.set(start);
    if (n > 0)
        arrive(0);
    // The earliest due first; nothing happens after the history's end.
    while (!m_due.empty() && m_due.top().at <= m_end) {
        const Due due = m_due.top();
        m_due.pop();
        m_clock.set(due.at);
        if (due.flow < 0) {
            due.batchStep == Step::Close ? close(due.batch) : ship(due.batch);
            continue;
        }
        Flow& flow = m_flows.at(due.flow);
        const bool arriving = flow.next == Flow::Next::Intake;
        advance(flow);
        if (flow.next != Flow::Next::Done)
            plan(later(), due.flow);
        else
            m_flows.erase(due.flow);
        // After the flow is done with: `flow` is not used once the map has changed.
        if (arriving && ++arrived < n)
            arrive(arrived);
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
                .arg(start.addDays(static_cast<qint64>(i) * m_options.days / qMax(1, n))
                         .toString(QStringLiteral("yyMMdd")))
                .arg(1 + i / 40);
    // Units near the end of the range are still in progress: they stop at some step.
    const bool inProgress = i >= n - n / 7;
    c.stopAfter = inProgress ? between(1, 6) : 99;
    c.pcbRevision = between(0, 3);
    c.uuid = QStringLiteral("GPU-%1-%2-%3-%4-%5").arg(hex(8), hex(4), hex(4), hex(4), hex(12));
    c.posts = chance(0.6);
    return c;
}

void Run::advance(Flow& f)
{
    using Next = Flow::Next;
    const DemoCard& c = f.card;
    switch (f.next) {
    case Next::Intake:
        f.next = receive(f);
        return;
    case Next::ScrapCard:
        scrap("INTAKE-01", c.serial, "physical damage beyond repair", "PHYSICAL_DAMAGE");
        f.next = Next::Done;
        return;
    case Next::Strip:
        f.next = strip(f);
        return;
    case Next::ScrapDie:
        scrap("STRIP-01", f.die, "die corner chipped", "DIE_CHIPPED");
        f.next = Next::Done;
        return;
    case Next::Reball:
        f.next =
            step(Step::Reball, "REBALL-01",
                 {QStringLiteral("die=") + f.die, QStringLiteral("stencil=ST-AD102-0%1").arg(between(1, 3)),
                  QStringLiteral("flux_lot=FX%1").arg(between(1000, 1010))}) &&
                    c.stopAfter > 3
                ? Next::Mount
                : Next::Done;
        return;
    case Next::Mount:
        f.next = step(Step::Mount, "MOUNT-01",
                      {QStringLiteral("die=") + f.die, QStringLiteral("board=") + f.board,
                       QStringLiteral("peak_c=%1").arg(between(234, 246)),
                       QStringLiteral("tal_s=%1").arg(between(62, 88))},
                      &f.unit) &&
                         c.stopAfter > 4
                     ? Next::Inspect
                     : Next::Done;
        return;
    case Next::Inspect:
        f.next = inspect(f);
        return;
    case Next::Test:
        f.next = test(f);
        return;
    case Next::Pack:
        pack(f);
        f.next = Next::Done;
        return;
    case Next::Done:
        return;
    }
}

Flow::Next Run::receive(Flow& f)
{
    const DemoCard& c = f.card;
    QStringList intake{QStringLiteral("card=") + c.serial, QStringLiteral("model=") + c.model,
                       QStringLiteral("lot=") + c.lot, QStringLiteral("partner=") + c.partner,
                       QStringLiteral("pcb_rev=1.%1").arg(c.pcbRevision)};
    intake << (c.posts ? QStringLiteral("posts=yes") : QStringLiteral("posts=no"));
    if (c.posts)
        intake << QStringLiteral("gpu_uuid=") + c.uuid;
    if (!step(Step::Intake, "INTAKE-01", intake))
        return Flow::Next::Done;
    ++m_summary.cards;
    if (chance(0.03))
        return Flow::Next::ScrapCard;
    return c.stopAfter > 1 ? Flow::Next::Strip : Flow::Next::Done;
}

Flow::Next Run::strip(Flow& f)
{
    if (!step(Step::Strip, "STRIP-01",
              {QStringLiteral("card=") + f.card.serial,
               QStringLiteral("date_code=%1%2").arg(between(22, 24)).arg(between(10, 52))},
              &f.die))
        return Flow::Next::Done;
    if (chance(0.02))
        return Flow::Next::ScrapDie;
    f.board = QStringLiteral("SB") + digits(10);
    return f.card.stopAfter > 2 ? Flow::Next::Reball : Flow::Next::Done;
}

Flow::Next Run::inspect(Flow& f)
{
    // Inspection: about one in ten fails on voids or bridges.
    if (chance(0.1))
        return failInspection(f.unit) ? failed(f) : Flow::Next::Done;
    return step(Step::Inspect, "INSPECT-01",
                {QStringLiteral("unit=") + f.unit, QStringLiteral("result=pass"),
                 QStringLiteral("void_pct=%1").arg(between(3, 20))}) &&
                   f.card.stopAfter > 5
               ? Flow::Next::Test
               : Flow::Next::Done;
}

Flow::Next Run::test(Flow& f)
{
    // Test: most pass; failures on memory, PCIe link or temperature.
    if (chance(0.08))
        return failTest(f.unit) ? failed(f) : Flow::Next::Done;
    if (!passTest(f.card, f.unit))
        return Flow::Next::Done;
    ++m_summary.units;
    return f.card.stopAfter > 6 ? Flow::Next::Pack : Flow::Next::Done;
}

Flow::Next Run::failed(Flow& f)
{
    // A unit that failed a third time is scrapped; before that it goes round again.
    if (f.attempt++ >= 2) {
        ++m_summary.scrapped;
        return Flow::Next::Done;
    }
    ++m_summary.repairs;
    return Flow::Next::Reball;
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

void Run::pack(Flow& f)
{
    QString& batch = m_openBatch[f.card.model];
    if (batch.isEmpty()) {
        batch = QStringLiteral("B%1-%2")
                    .arg(m_clock.now().toString(QStringLiteral("yyMMdd")))
                    .arg(++m_batchCounter, 3, 10, QLatin1Char('0'));
    }
    if (!step(Step::Pack, "PACK-01", {QStringLiteral("unit=") + f.unit, QStringLiteral("batch=") + batch}))
        return;
    if (++m_batchFill[batch] >= 10) {
        plan(later(), -1, Step::Close, batch);
        batch.clear();
    }
}

void Run::close(const QString& batch)
{
    if (!step(Step::Close, "PACK-01", {QStringLiteral("batch=") + batch}))
        return;
    // The truck takes the batch closed before this one; the newest waits for the next.
    if (!m_closedBatches.isEmpty())
        plan(m_clock.now().addSecs(600), -1, Step::Ship, m_closedBatches.takeFirst());
    m_closedBatches << batch;
}

void Run::ship(const QString& batch)
{
    if (m_recorder.record(Step::Ship, QStringLiteral("PACK-01"), QStringLiteral("SUP01"),
                          {QStringLiteral("batch=") + batch})) {
        m_summary.shipped += 10;
        ++m_summary.events;
    }
}

} // namespace

Result<bool> DemoGenerator::isNew(const QSqlDatabase& db)
{
    // Index probes only: this is asked at every start and after every save. The derived tables
    // are asked too, so that a file whose log was cut short by hand does not pass as new.
    auto n = sql::scalar(db,
                         QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM events) "
                                        "AND NOT EXISTS (SELECT 1 FROM operators WHERE id <> ?) "
                                        "AND NOT EXISTS (SELECT 1 FROM stations WHERE id <> ?)"),
                         {QStringLiteral("SYSTEM"), QStringLiteral("SYSTEM")});
    if (!n)
        return n.error();
    return n.value().toBool();
}

Result<std::optional<DemoGenerator::Summary>> DemoGenerator::generateIfNew(Database& db,
                                                                           const Options& options)
{
    Result<bool> fresh = isNew(db.connection());
    if (!fresh)
        return fresh.error();
    if (!fresh.value())
        return std::optional<Summary>();
    Result<Summary> s = generate(db, options);
    if (!s)
        return s.error();
    return std::optional<Summary>(s.value());
}

Result<DemoGenerator::Summary> DemoGenerator::generate(Database& db, const Options& options)
{
    // Whether the file is new and its set-up are one write transaction: nobody (a first admin
    // made from a shell meanwhile) comes between the look and the demo's accounts.
    Transaction setUpTx(db.connection());
    if (Status st = setUpTx.begin(); !st)
        return st.error();
    Result<bool> fresh = isNew(db.connection());
    if (!fresh)
        return fresh.error();
    if (!fresh.value())
        return makeError(ErrorCode::NotPermitted, QStringLiteral("db"),
                         tr("demo data goes only into a new database; this one is in use (it has "
                            "stations, operators or a history). Use a new file: --db PATH"));
    // The line is set up an hour before its history starts: its stations, operators and target
    // are on record before the first work that names them.
    const QDateTime end = options.end.isValid() ? options.end : systemClock().now();
    ManualClock setUp(end.addSecs(-static_cast<qint64>(options.days) * 86400 - 3600));
    ConfigStore configStore(db.connection(), setUp);
    OperatorAccounts accounts(db.connection(), setUp);
    StationRegistry stationRegistry(db.connection(), setUp);
    for (const DemoStation& s : kStations) {
        if (Status st = stationRegistry.addStation(QString::fromLatin1(s.id), QString::fromLatin1(s.step));
            !st)
            return st.error();
    }
    for (const DemoOperator& o : kOperators) {
        if (Status st = accounts.addOperator(QString::fromLatin1(o.id), QString::fromLatin1(o.name),
                                             QString::fromLatin1(o.role), QString::fromLatin1(kDemoPin));
            !st)
            return st.error();
    }
    // A target the demo line can just about reach: its cards per shift, plus a tenth.
    const int shifts = std::max(1, options.days * 2);
    if (Status st = configStore.setConfigValue(
            QStringLiteral("throughput.target_per_shift"),
            QString::number(std::max(1, (options.units * 11 / 10 + shifts - 1) / shifts)),
            QStringLiteral("ADMIN"));
        !st)
        return st.error();
    if (Status st = setUpTx.commit(); !st)
        return st.error();
    // Demo data is disposable: skip the per-commit fsync while generating, restore it after.
    QSqlQuery pragma(db.connection());
    pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    Options fixed = options;
    fixed.end = end;
    Run run(db, fixed);
    Result<Summary> summary = run.go();
    pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    if (summary)
        spdlog::info("demo data: {} cards, {} units tested, {} events", summary->cards, summary->units,
                     summary->events);
    return summary;
}

} // namespace rework
