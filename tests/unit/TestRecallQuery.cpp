// Reverse trace on a small history: A and B share lot LOT-1, stencil ST1, mounting operator OP1
// and the hour they were mounted; A and C share flux lot FX1; C was shipped; D shares nothing.
#include "TestDatabase.h"
#include "reports/RecallQuery.h"

#include <QTest>

using namespace rework;

class TestRecallQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    QString unitA, dieA;

    QString build(const QString& card, const QString& lot, const QString& flux, const QString& stencil,
                  const QString& profile, const QString& op, QString* die = nullptr)
    {
        auto ok = [](const Result<Recorded>& r) {
            if (!r)
                qFatal("setup: %s", qPrintable(r.error().oneLine()));
            return r.value();
        };
        ok(t->record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=" + lot}));
        const QString d = ok(t->record(Step::Strip, {"card=" + card})).createdId();
        ok(t->record(Step::Reball, {"die=" + d, "flux_lot=" + flux, "stencil=" + stencil}));
        if (die)
            *die = d;
        return ok(t->record(Step::Mount, {"die=" + d, "board=SB" + card.right(8), "profile=" + profile}, op))
            .createdId();
    }

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        unitA = build("CARDA0001", "LOT-1", "FX1", "ST1", "P1", "OP1", &dieA);
        build("CARDB0001", "LOT-1", "FX2", "ST1", "P2", "OP1");
        t->clock().advanceSeconds(10 * 3600);
        const QString unitC = build("CARDC0001", "LOT-2", "FX1", "ST2", "P2", "SUP1");
        QVERIFY(t->record(Step::Inspect, {"unit=" + unitC, "result=pass"}).ok());
        QVERIFY(t->passTest(unitC).ok());
        QVERIFY(t->record(Step::Pack, {"unit=" + unitC, "batch=B-R-1"}).ok());
        QVERIFY(t->record(Step::Close, {"batch=B-R-1"}, "SUP1").ok());
        QVERIFY(t->record(Step::Ship, {"batch=B-R-1"}, "SUP1").ok());
        build("CARDD0001", "LOT-3", "FX3", "ST3", "P3", "SUP1");
    }

    void eachLinkFindsItsItems_data()
    {
        QTest::addColumn<int>("link");
        QTest::addColumn<QStringList>("cards");
        QTest::newRow("lot") << int(RecallQuery::Link::Lot) << QStringList{"CARDB0001"};
        QTest::newRow("flux lot") << int(RecallQuery::Link::FluxLot) << QStringList{"CARDC0001"};
        QTest::newRow("stencil") << int(RecallQuery::Link::Stencil) << QStringList{"CARDB0001"};
        QTest::newRow("profile") << int(RecallQuery::Link::Profile) << QStringList{};
        QTest::newRow("operator") << int(RecallQuery::Link::Operator) << QStringList{"CARDB0001"};
        QTest::newRow("window") << int(RecallQuery::Link::Window) << QStringList{"CARDB0001"};
    }
    void eachLinkFindsItsItems()
    {
        QFETCH(int, link);
        QFETCH(QStringList, cards);
        auto hits = RecallQuery(t->db().connection()).find(unitA, {static_cast<RecallQuery::Link>(link)});
        QVERIFY(hits.ok());
        QStringList found;
        for (const auto& h : hits.value())
            found << h.card;
        QCOMPARE(found, cards);
    }

    void allLinksShippedFirstWithWhereItIs()
    {
        // scanning the die finds the same as scanning the unit
        auto hits = RecallQuery(t->db().connection()).find(dieA, RecallQuery::allLinks());
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->at(0).card, QStringLiteral("CARDC0001"));
        QCOMPARE(hits->at(0).state, QStringLiteral("shipped"));
        QCOMPARE(hits->at(0).batch, QStringLiteral("B-R-1"));
        QCOMPARE(hits->at(0).shared, QStringList{"flux lot FX1"});
        QCOMPARE(hits->at(1).card, QStringLiteral("CARDB0001"));
        QCOMPARE(hits->at(1).state, QStringLiteral("mounted"));
        QCOMPARE(hits->at(1).shared.size(), 4); // lot, stencil, operator, window
    }

    void unknownSerialIsAnError()
    {
        auto hits =
            RecallQuery(t->db().connection()).find(QStringLiteral("NOPE0000"), RecallQuery::allLinks());
        QVERIFY(!hits.ok());
        QCOMPARE(hits.error().code, ErrorCode::UnknownSerial);
    }
};

QTEST_GUILESS_MAIN(TestRecallQuery)
#include "TestRecallQuery.moc"
