// One identity per serial: every issued or seen identifier resolves to one kind of item, and a
// scan of a known item where another kind is asked for is refused with what it is and what to scan.
#include "TestDatabase.h"
#include "storage/Sql.h"
#include "workflow/IdentityRegistry.h"
#include "workflow/NextStep.h"

#include <QTest>

using namespace rework;

namespace {

/// A donor card, its die, a board and the unit built from them, plus a packed batch elsewhere.
struct Line
{
    QString card = QStringLiteral("ZT4090A123456");
    QString board = QStringLiteral("SB00077700");
    QString die, unit;
};

Line mountLine(test::TestDatabase& t)
{
    Line l;
    l.unit = t.mountedUnit(l.card, l.board);
    auto die = sql::scalar(t.db().connection(), QStringLiteral("SELECT die_id FROM units WHERE serial = ?"),
                           {l.unit});
    l.die = die.ok() ? die.value().toString() : QString();
    return l;
}

} // namespace

class TestIdentityRegistry : public QObject
{
    Q_OBJECT

private slots:
    void everyKnownSerialHasOneKind()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        const IdentityRegistry registry(t.db().connection());
        const QList<std::pair<QString, IdentityKind>> expected{{l.card, IdentityKind::Card},
                                                               {l.die, IdentityKind::Die},
                                                               {l.board, IdentityKind::Board},
                                                               {l.unit, IdentityKind::Unit}};
        for (const auto& [serial, kind] : expected) {
            auto found = registry.find(serial);
            QVERIFY(found.ok());
            QVERIFY2(found.value().has_value(), qPrintable(serial));
            QCOMPARE(IdentityRegistry::kindName(found.value()->kind), IdentityRegistry::kindName(kind));
            QCOMPARE(found.value()->unitSerial, l.unit); // each part leads to the unit it is in
        }
        auto unknown = registry.find(QStringLiteral("NOSUCHSERIAL"));
        QVERIFY(unknown.ok());
        QVERIFY(!unknown.value().has_value());
    }

    void ourOwnIdsAreNeverTakenInAsDonorCards_data()
    {
        QTest::addColumn<QString>("scan");
        QTest::addColumn<QString>("says");
        QTest::newRow("board of a unit") << "SB00077700"
                                         << "is the server board of unit";
        QTest::newRow("die") << "<die>"
                             << "die";
        QTest::newRow("unit") << "<unit>"
                              << "unit";
        QTest::newRow("die id issued elsewhere") << "D0000000000AB"
                                                 << "is a die or unit id of this system";
        QTest::newRow("unit id issued elsewhere") << "U0000000000AB"
                                                  << "is a die or unit id of this system";
    }

    void ourOwnIdsAreNeverTakenInAsDonorCards()
    {
        QFETCH(QString, scan);
        QFETCH(QString, says);
        test::TestDatabase t;
        const Line l = mountLine(t);
        scan.replace(QStringLiteral("<die>"), l.die).replace(QStringLiteral("<unit>"), l.unit);
        const QString before = t.dump();
        auto r = t.record(Step::Intake, {QStringLiteral("card=") + scan, QStringLiteral("model=RTX4090"),
                                         QStringLiteral("lot=LOT-1")});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::WrongKind);
        QCOMPARE(r.error().field, QStringLiteral("card"));
        QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QStringLiteral("scan the donor card's serial sticker")),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QLatin1Char('^'))); // never a regular expression
        QCOMPARE(t.dump(), before);
    }

    void aBoardMessageSaysWhereItsUnitIs()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        QVERIFY(
            t.record(Step::Inspect, {QStringLiteral("unit=") + l.unit, QStringLiteral("result=pass")}).ok());
        auto r = t.record(Step::Intake, {QStringLiteral("card=") + l.board, QStringLiteral("model=RTX4090"),
                                         QStringLiteral("lot=LOT-1")});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message,
                 QStringLiteral("%1 is the server board of unit %2: unit %2 passed inspection; "
                                "it needs test next; scan the donor card's serial sticker")
                     .arg(l.board, l.unit));
    }

    void aDieWhereTheCardIsAskedForIsNamed()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        const QString before = t.dump();
        auto r = t.record(Step::Strip, {QStringLiteral("card=") + l.die});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::WrongKind);
        QVERIFY2(!r.error().message.contains(QStringLiteral("never received")),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.startsWith(QStringLiteral("die %1 is in unit %2").arg(l.die, l.unit)),
                 qPrintable(r.error().message));
        QCOMPARE(t.dump(), before);
    }

    void aBoardOrUnitIsNotANewBoardAtMount()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        QVERIFY(t.record(Step::Intake, {QStringLiteral("card=ZT4090A999999"), QStringLiteral("model=RTX4090"),
                                        QStringLiteral("lot=LOT-1")})
                    .ok());
        auto stripped = t.record(Step::Strip, {QStringLiteral("card=ZT4090A999999")});
        QVERIFY(stripped.ok());
        const QString die = stripped->createdId();
        QVERIFY(t.record(Step::Reball, {QStringLiteral("die=") + die}).ok());
        const QString before = t.dump();
        for (const QString& board : {l.unit, l.card, QStringLiteral("U0000000000AB")}) {
            auto r = t.record(Step::Mount, {QStringLiteral("die=") + die, QStringLiteral("board=") + board});
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::WrongKind);
            QCOMPARE(r.error().field, QStringLiteral("board"));
        }
        QCOMPARE(t.dump(), before);
    }

    void theBoardSerialStandsForItsUnit()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        auto r = t.record(Step::Inspect,
                          {QStringLiteral("unit=") + l.board.toLower(), QStringLiteral("result=pass")});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->event.subject, l.unit);
        QCOMPARE(r->event.payload.value(QLatin1StringView("unit")).toString(), l.unit);
        QCOMPARE(r->event.payload.value(QLatin1StringView("scanned")).toString(), l.board);
        auto state = sql::scalar(t.db().connection(),
                                 QStringLiteral("SELECT state FROM units WHERE serial = ?"), {l.unit});
        QCOMPARE(state.value().toString(), QStringLiteral("inspected"));
    }

    /// Where scan-anything sends an item, decided by the core: its step's form here; at another
    /// step's station, this PC moves there in single-PC mode; a PC bound to its station says
    /// where to take the item instead; a bake opens wherever the die is.
    void scanAnythingRoutesByTheStepAndTheBinding()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        const NextStepResolver resolver(t.db().connection(), t.clock());
        auto next = resolver.resolve(l.unit);
        QVERIFY(next.ok());
        QVERIFY(next->step == Step::Inspect);
        const StationInfo inspect{QStringLiteral("INSPECT-1"), QStringLiteral("inspect")};
        const StationInfo strip{QStringLiteral("STRIP-1"), QStringLiteral("strip")};

        auto here = resolver.route(next.value(), inspect, true);
        QVERIFY(here.ok() && here->opens && !here->moveTo && here->takeItTo.isEmpty());
        auto moves = resolver.route(next.value(), strip, false);
        QVERIFY(moves.ok() && moves->opens && moves->moveTo);
        QCOMPARE(moves->moveTo->id, QStringLiteral("INSPECT-1"));
        auto bound = resolver.route(next.value(), strip, true);
        QVERIFY(bound.ok() && !bound->opens && !bound->moveTo);
        QVERIFY2(bound->takeItTo.contains(QStringLiteral("Take it to a station of step: Inspect")),
                 qPrintable(bound->takeItTo));

        // a bake is no station's step: its form opens wherever the die is, even on a bound PC
        NextStep bake = next.value();
        bake.step = Step::Bake;
        auto baked = resolver.route(bake, strip, true);
        QVERIFY(baked.ok() && baked->opens && !baked->moveTo);

        // an item that needs nothing at a station opens nothing anywhere
        NextStep done = next.value();
        done.step.reset();
        auto nothing = resolver.route(done, inspect, false);
        QVERIFY(nothing.ok() && !nothing->opens && !nothing->moveTo && nothing->takeItTo.isEmpty());
    }

    void scanAnythingKnowsBoardsAndGpus()
    {
        test::TestDatabase t;
        const Line l = mountLine(t);
        const NextStepResolver resolver(t.db().connection(), t.clock());
        auto board = resolver.resolve(l.board);
        QVERIFY(board.ok());
        QCOMPARE(board->kind, QStringLiteral("unit"));
        QCOMPARE(board->serial, l.unit);
        QVERIFY(board->step == Step::Inspect);
        QVERIFY2(!board->where.contains(QStringLiteral("is new here")), qPrintable(board->where));

        const QString gpu = QStringLiteral("GPU-0a1b2c3d-0000-4000-8000-00000000abcd");
        QVERIFY(
            t.record(Step::Inspect, {QStringLiteral("unit=") + l.unit, QStringLiteral("result=pass")}).ok());
        QVERIFY(t.record(Step::Test, {QStringLiteral("unit=") + l.unit, QStringLiteral("result=pass")},
                         t.report(gpu))
                    .ok());
        auto byGpu = resolver.resolve(gpu.toUpper());
        QVERIFY(byGpu.ok());
        QCOMPARE(byGpu->serial, l.unit);
        QVERIFY(byGpu->step == Step::Pack);

        auto foreign = resolver.resolve(QStringLiteral("U0000000000AB"));
        QVERIFY(!foreign.ok());
        QVERIFY2(foreign.error().message.contains(QStringLiteral("another station")),
                 qPrintable(foreign.error().message));
    }
};

QTEST_GUILESS_MAIN(TestIdentityRegistry)
#include "TestIdentityRegistry.moc"
