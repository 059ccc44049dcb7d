// workflow/ReadingLimits: each reading of a real nvidia-smi report beside the limit of its model,
// green or red as the test finding would judge it.
#include "TestDatabase.h"
#include "domain/EventPayload.h"
#include "importers/GpuReportReader.h"
#include "storage/LimitStore.h"
#include "workflow/ReadingLimits.h"

#include <QTest>

using namespace rework;

namespace {

const ReadingCheck* find(const QList<ReadingCheck>& checks, const QString& key)
{
    for (const ReadingCheck& c : checks) {
        if (c.key == key)
            return &c;
    }
    return nullptr;
}
// A pointer into a temporary list dangles at once: only a named list may be searched.
const ReadingCheck* find(QList<ReadingCheck>&& checks, const QString& key) = delete;

} // namespace

class TestReadingLimits : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;

    GpuReport fixture(const QString& name)
    {
        Result<GpuReport> r = GpuReportReader::readFile(
            QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/") + name, -1, t->folder());
        [&] { QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message)); }();
        return r.ok() ? r.value() : GpuReport{};
    }

private slots:
    void init() { t = std::make_unique<test::TestDatabase>(); }
    void cleanup() { t.reset(); }

    void limitsAreWrittenAsPeopleReadThem()
    {
        QCOMPARE(ReadingLimits::limitText(Limit{24000, 24600}), QStringLiteral("24000 to 24600"));
        QCOMPARE(ReadingLimits::limitText(Limit{4, std::nan("")}), QStringLiteral("at least 4"));
        QCOMPARE(ReadingLimits::limitText(Limit{std::nan(""), 85}), QStringLiteral("at most 85"));
        QCOMPARE(ReadingLimits::limitText(Limit{}), QString());
    }

    void onlyTheGpuReadingsAreReadings()
    {
        for (const char* key :
             {"gpu_uuid", "vbios", "driver", "mem_mib", "pcie_gen", "pcie_width", "temp_max_c"})
            QVERIFY2(ReadingLimits::isReading(QString::fromLatin1(key)), key);
        for (const char* key : {"partner", "unit", "result", "burnin", "notes"})
            QVERIFY2(!ReadingLimits::isReading(QString::fromLatin1(key)), key);
        QCOMPARE(ReadingLimits::limitName(QStringLiteral("mem_mib")), QStringLiteral("test.mem_mib"));
        QCOMPARE(ReadingLimits::limitName(QStringLiteral("vbios")), QString());
    }

    /// The RTX 4090 report (real, taken idle): its memory is within the RTX4090's limit, its
    /// temperature within 85 °C, its Gen 1 link below the Gen 4 limit but read at idle.
    void anIdleRtx4090ReportAtTest()
    {
        const GpuReport r = fixture(QStringLiteral("netdata_rtx-4090-driver-535.xml"));
        const QList<ReadingCheck> checks =
            ReadingLimits::check(Step::Test, r, QStringLiteral("RTX4090"), t->recorder().config());
        QStringList keys;
        for (const ReadingCheck& c : checks)
            keys << c.key;
        // the schema's order; the partner is no reading
        QCOMPARE(keys.join(QLatin1Char(',')),
                 QStringLiteral("gpu_uuid,vbios,driver,mem_mib,pcie_gen,pcie_width,temp_max_c"));
        const ReadingCheck* mem = find(checks, QStringLiteral("mem_mib"));
        QCOMPARE(mem->value, QStringLiteral("24564"));
        QCOMPARE(mem->limit, QStringLiteral("24000 to 24600"));
        QCOMPARE(mem->mark, ReadingCheck::Mark::Within);
        const ReadingCheck* gen = find(checks, QStringLiteral("pcie_gen"));
        QCOMPARE(gen->value, QStringLiteral("1"));
        QCOMPARE(gen->limit, QStringLiteral("at least 4"));
        QCOMPARE(gen->mark, ReadingCheck::Mark::Unproven);
        QVERIFY(gen->note.contains(QStringLiteral("idle")));
        QCOMPARE(find(checks, QStringLiteral("pcie_width"))->mark, ReadingCheck::Mark::Within);
        const ReadingCheck* temp = find(checks, QStringLiteral("temp_max_c"));
        QCOMPARE(temp->value, QStringLiteral("40"));
        QCOMPARE(temp->limit, QStringLiteral("at most 85"));
        QCOMPARE(temp->mark, ReadingCheck::Mark::Within);
        QCOMPARE(find(checks, QStringLiteral("vbios"))->mark, ReadingCheck::Mark::NoLimit);
        QCOMPARE(find(checks, QStringLiteral("gpu_uuid"))->mark, ReadingCheck::Mark::Within);
    }

    /// A model's own limit counts over the default: the same report is too hot for a tighter one.
    void aModelsOwnLimitJudgesItsReport()
    {
        QVERIFY(LimitStore(t->db().connection(), t->clock())
                    .setLimit(QStringLiteral("test.temp_max_c"), QStringLiteral("RTX4090"), std::nullopt,
                              35.0, t->admin())
                    .ok());
        QVERIFY(t->recorder().reloadConfig().ok());
        const GpuReport r = fixture(QStringLiteral("netdata_rtx-4090-driver-535.xml"));
        const QList<ReadingCheck> ofModel =
            ReadingLimits::check(Step::Test, r, QStringLiteral("RTX4090"), t->recorder().config());
        const ReadingCheck* temp = find(ofModel, QStringLiteral("temp_max_c"));
        QVERIFY(temp);
        QCOMPARE(temp->limit, QStringLiteral("at most 35"));
        QCOMPARE(temp->mark, ReadingCheck::Mark::Outside);
        // without a model, the product whose PCI device the report names (RTX4090, 2684)
        const QList<ReadingCheck> ofDevice =
            ReadingLimits::check(Step::Test, r, QString(), t->recorder().config());
        const ReadingCheck* byDevice = find(ofDevice, QStringLiteral("temp_max_c"));
        QVERIFY(byDevice);
        QCOMPARE(byDevice->mark, ReadingCheck::Mark::Outside);
    }

    /// A report of the wrong memory size is red at intake already (the gate refuses it there).
    void aReportOfAnotherModelsMemoryIsRed()
    {
        const GpuReport r = fixture(QStringLiteral("influxdata_rtx-4000-sff-ada-v13.xml"));
        const QList<ReadingCheck> checks =
            ReadingLimits::check(Step::Intake, r, QStringLiteral("RTX4090"), t->recorder().config());
        const ReadingCheck* mem = find(checks, QStringLiteral("mem_mib"));
        QCOMPARE(mem->value, QStringLiteral("20475"));
        QCOMPARE(mem->mark, ReadingCheck::Mark::Outside);
        QVERIFY(!find(checks, QStringLiteral("pcie_gen"))); // intake reads no link
    }

    /// A report whose GPU UUID is masked (zeros) proves no identity: red, with the reason.
    void aMaskedUuidCannotPass()
    {
        const GpuReport r =
            fixture(QStringLiteral("utkuozdemir_linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05.txt"));
        const QList<ReadingCheck> checks =
            ReadingLimits::check(Step::Test, r, QString(), t->recorder().config());
        const ReadingCheck* uuid = find(checks, QStringLiteral("gpu_uuid"));
        QVERIFY(uuid);
        QCOMPARE(uuid->value, QString());
        QCOMPARE(uuid->mark, ReadingCheck::Mark::Outside);
        QVERIFY(!uuid->note.isEmpty());
    }

    /// Under load, a link below what card and slot support is red even within the limit.
    void aDegradedLinkUnderLoadIsRed()
    {
        const GpuReport r = t->report(test::TestDatabase::gpuUuid(1), 4, 8, QStringLiteral("P0"));
        QVERIFY(t->recorder().config().limits.contains(QStringLiteral("test.pcie_width")));
        const QList<ReadingCheck> checks =
            ReadingLimits::check(Step::Test, r, QStringLiteral("RTX4090"), t->recorder().config());
        const ReadingCheck* width = find(checks, QStringLiteral("pcie_width"));
        QVERIFY(width);
        QCOMPARE(width->value, QStringLiteral("8"));
        QCOMPARE(width->mark, ReadingCheck::Mark::Outside);
        const GpuReport healthy = t->report(test::TestDatabase::gpuUuid(2));
        for (const ReadingCheck& c :
             ReadingLimits::check(Step::Test, healthy, QStringLiteral("RTX4090"), t->recorder().config()))
            QVERIFY2(c.mark != ReadingCheck::Mark::Outside && c.mark != ReadingCheck::Mark::Unproven,
                     qPrintable(c.key));
    }
};

QTEST_GUILESS_MAIN(TestReadingLimits)
#include "TestReadingLimits.moc"
