// domain/PcieLinkCheck on hand-built figures: the boundaries the fixture-based cases in
// TestNvidiaSmiImporter do not reach.
#include "domain/PcieLinkCheck.h"

#include <QTest>

using namespace rework;

namespace {

using Readings = QList<std::pair<QString, QString>>;

/// A Gen4 x16 card in a Gen4 host, running at Gen4 x16 in P0.
Readings healthy()
{
    return {{"pcie_gen_current", "4"},  {"pcie_gen_max", "4"},        {"pcie_gen_device_max", "4"},
            {"pcie_gen_host_max", "4"}, {"pcie_width_current", "16"}, {"pcie_width_max", "16"},
            {"pstate", "P0"},           {"util_gpu_pct", "0"}};
}

Readings with(Readings r, const QString& key, const QString& value)
{
    for (auto& [k, v] : r) {
        if (k == key) {
            v = value;
            return r;
        }
    }
    r.append({key, value});
    return r;
}

Readings without(Readings r, const QString& key)
{
    r.removeIf([&](const auto& kv) { return kv.first == key; });
    return r;
}

} // namespace

class TestPcieLinkCheck : public QObject
{
    Q_OBJECT

private slots:
    void decidesFromTheFigures_data()
    {
        QTest::addColumn<Readings>("readings");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("genExpected");
        const Readings idle = with(healthy(), "pstate", "P8");
        using S = PcieLinkState;
        QTest::newRow("healthy") << healthy() << int(S::Ok) << 4;
        QTest::newRow("Gen3 under load") << with(healthy(), "pcie_gen_current", "3") << int(S::Degraded) << 4;
        QTest::newRow("x8 under load") << with(healthy(), "pcie_width_current", "8") << int(S::Degraded) << 4;
        QTest::newRow("Gen1 idle") << with(idle, "pcie_gen_current", "1") << int(S::UnprovenIdle) << 4;
        QTest::newRow("x8 idle") << with(idle, "pcie_width_current", "8") << int(S::UnprovenIdle) << 4;
        QTest::newRow("full speed idle") << idle << int(S::Ok) << 4;
        QTest::newRow("Gen1 at 49%") << with(with(idle, "pcie_gen_current", "1"), "util_gpu_pct", "49")
                                     << int(S::UnprovenIdle) << 4;
        QTest::newRow("Gen1 at 50%") << with(with(idle, "pcie_gen_current", "1"), "util_gpu_pct", "50")
                                     << int(S::Degraded) << 4;
        QTest::newRow("Gen3 host caps a Gen4 card")
            << with(with(healthy(), "pcie_gen_host_max", "3"), "pcie_gen_current", "3") << int(S::Ok) << 3;
        QTest::newRow("Gen5 host, Gen4 card at Gen3")
            << with(with(healthy(), "pcie_gen_host_max", "5"), "pcie_gen_current", "3") << int(S::Degraded)
            << 4;
        QTest::newRow("host unknown: the card's maximum")
            << with(without(healthy(), "pcie_gen_host_max"), "pcie_gen_current", "3") << int(S::Degraded)
            << 4;
        const Readings older = without(without(healthy(), "pcie_gen_host_max"), "pcie_gen_device_max");
        QTest::newRow("older report: the link's Max")
            << with(with(older, "pcie_gen_max", "3"), "pcie_gen_current", "2") << int(S::Degraded) << 3;
        QTest::newRow("only the device's current")
            << with(without(healthy(), "pcie_gen_current"), "pcie_gen_device_current", "2")
            << int(S::Degraded) << 4;
        QTest::newRow("no current generation")
            << without(healthy(), "pcie_gen_current") << int(S::Incomplete) << 0;
        QTest::newRow("no maximum width") << without(healthy(), "pcie_width_max") << int(S::Incomplete) << 0;
        QTest::newRow("garbage figure")
            << with(healthy(), "pcie_gen_current", "N/A") << int(S::Incomplete) << 0;
        QTest::newRow("lower-case p0")
            << with(with(idle, "pstate", "p0"), "pcie_gen_current", "1") << int(S::Degraded) << 4;
    }
    void decidesFromTheFigures()
    {
        QFETCH(Readings, readings);
        QFETCH(int, state);
        QFETCH(int, genExpected);
        const PcieLinkCheck c = PcieLinkCheck::assess(readings);
        QCOMPARE(int(c.state), state);
        QCOMPARE(c.genExpected, genExpected);
    }

    void reportsTheFigures()
    {
        const PcieLinkCheck c =
            PcieLinkCheck::assess(with(with(healthy(), "pcie_gen_current", "3"), "pcie_width_current", "8"));
        QCOMPARE(c.state, PcieLinkState::Degraded);
        QCOMPARE(c.genCurrent, 3);
        QCOMPARE(c.widthCurrent, 8);
        QCOMPARE(c.widthExpected, 16);
        QVERIFY(c.genBelow());
        QVERIFY(c.widthBelow());
        QVERIFY(c.underLoad);
    }

    void theLoadThresholdIsAParameter()
    {
        const Readings busy =
            with(with(with(healthy(), "pstate", "P2"), "util_gpu_pct", "30"), "pcie_gen_current", "1");
        QCOMPARE(PcieLinkCheck::assess(busy).state, PcieLinkState::UnprovenIdle);
        QCOMPARE(PcieLinkCheck::assess(busy, 25).state, PcieLinkState::Degraded);
    }
};

QTEST_GUILESS_MAIN(TestPcieLinkCheck)
#include "TestPcieLinkCheck.moc"
