// Label variables come from the record, not from the print: a die stripped one day by one
// operator and labelled later by another says when and by whom it was stripped; labels of items
// not in the state the label is for are refused with what to do.
#include "TestDatabase.h"
#include "labels/LabelPrinter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rework;

namespace {

const QDateTime kStripDay(QDate(2026, 11, 16), QTime(12, 0), Qt::UTC);
const QDateTime kPrintDay(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

QString localDate(const QDateTime& t)
{
    return t.toLocalTime().date().toString(Qt::ISODate);
}

} // namespace

class TestLabelData : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;

    LabelPrinter printer() { return LabelPrinter(t->db().connection(), t->folder()); }
    Result<LabelData::Variables> load(LabelTemplate::Kind kind, const QString& subject)
    {
        return LabelData::load(t->db().connection(), kind, subject, QStringLiteral("SUP1"), kPrintDay);
    }
    /// A PDF print as SUP1 on the print day; the file must not exist after a refusal.
    Result<LabelPrintLog::Print> print(const QString& templateName, const QString& subject,
                                       const QString& path)
    {
        LabelPrinter::Request r;
        r.templateName = templateName;
        r.subject = subject;
        r.output = LabelPrinter::Output::Pdf;
        r.target = path;
        r.stationId = QStringLiteral("PACK-1");
        r.operatorId = QStringLiteral("SUP1");
        r.now = kPrintDay;
        return printer().print(r);
    }
    QString filledText(const QString& templateName, const QString& subject)
    {
        auto label = printer().prepare(templateName, subject, QStringLiteral("SUP1"), kPrintDay);
        return label ? label->texts.join(QLatin1Char('|'))
                     : QStringLiteral("<refused: %1>").arg(label.error().message);
    }
    /// Expects the print to be refused with `code`, a message with `hint`, and nothing written.
    void expectRefused(const QString& templateName, const QString& subject, ErrorCode code, const char* hint)
    {
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("label.pdf"));
        const QString before = t->dump();
        auto r = print(templateName, subject, path);
        QVERIFY2(!r.ok(), qPrintable(subject));
        QVERIFY2(r.error().code == code, qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QString::fromLatin1(hint)), qPrintable(r.error().message));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(t->dump(), before);
    }

private slots:
    void init() { t = std::make_unique<test::TestDatabase>(); }

    void dieLabelSaysWhenAndByWhomItWasStripped()
    {
        t->clock().set(kStripDay);
        QVERIFY(t->record(Step::Intake, {"card=CARDR0001", "model=RTX4090", "lot=LOT-R"}).ok());
        const QString die = t->record(Step::Strip, {"card=CARDR0001"}, "OP1")->createdId();
        auto v = load(LabelTemplate::Kind::Die, die);
        QVERIFY2(v.ok(), qPrintable(v ? QString() : v.error().message));
        QCOMPARE(v->value("die.stripped_at"), localDate(kStripDay.addSecs(120)));
        QCOMPARE(v->value("die.stripped_by"), QStringLiteral("OP1"));
        QCOMPARE(v->value("operator.id"), QStringLiteral("OP1"));
        QCOMPARE(v->value("operator.name"), QStringLiteral("Li Wei"));
        // The print is its own fact, and the old names still mean the print.
        QCOMPARE(v->value("printed_at"), localDate(kPrintDay));
        QCOMPARE(v->value("printed_by"), QStringLiteral("SUP1"));
        QCOMPARE(v->value("printed_by.name"), QStringLiteral("Liu Yang"));
        QCOMPARE(v->value("date"), v->value("printed_at"));
        QCOMPARE(v->value("operator"), v->value("printed_by"));
        const QString text = filledText("die-traveler", die);
        QVERIFY2(text.contains("Stripped " + localDate(kStripDay) + " by OP1"), qPrintable(text));
        QVERIFY2(!text.contains(localDate(kPrintDay)) && !text.contains("SUP1"), qPrintable(text));
    }

    void unitLabelSaysWhenAndByWhomItPassedItsTest()
    {
        t->clock().set(kStripDay);
        const QString unit = t->mountedUnit("CARDR0002", "SB00000R02");
        t->clock().set(kStripDay.addDays(3));
        QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        QVERIFY(t->passTest(unit, "OP1").ok());
        auto v = load(LabelTemplate::Kind::Unit, unit);
        QVERIFY2(v.ok(), qPrintable(v ? QString() : v.error().message));
        QCOMPARE(v->value("unit.mounted_at"), localDate(kStripDay));
        QCOMPARE(v->value("unit.tested_at"), localDate(kStripDay.addDays(3)));
        QCOMPARE(v->value("unit.tested_by"), QStringLiteral("OP1"));
        QCOMPARE(v->value("die.stripped_at"), localDate(kStripDay));
        const QString text = filledText("unit-label", unit);
        QVERIFY2(text.contains("Tested " + localDate(kStripDay.addDays(3)) + " by OP1"), qPrintable(text));
        QVERIFY2(!text.contains(localDate(kPrintDay)), qPrintable(text));
    }

    /// From mount on the unit has a label to scan: the traveler, which says when and by whom it
    /// was mounted and nothing of a test; the unit label proper still waits for the test.
    void unitTravelerPrintsFromMountOn()
    {
        t->clock().set(kStripDay);
        const QString unit = t->mountedUnit("CARDR0009", "SB00000R09");
        const QString text = filledText("unit-traveler", unit);
        QVERIFY2(text.contains("UNIT " + unit), qPrintable(text));
        QVERIFY2(text.contains("Mounted " + localDate(kStripDay) + " by OP1"), qPrintable(text));
        QVERIFY2(text.contains("Board SB00000R09"), qPrintable(text));
        QTemporaryDir out;
        QVERIFY(print("unit-traveler", unit, out.filePath("traveler.pdf")).ok());
        QVERIFY(QFile::exists(out.filePath("traveler.pdf")));
        const QString scrapped = t->mountedUnit("CARDR0010", "SB00000R10");
        QVERIFY(
            t->record(Step::Scrap, {"item=" + scrapped, "reason=cracked", "defect=PHYSICAL_DAMAGE"}).ok());
        expectRefused("unit-traveler", scrapped, ErrorCode::ItemScrapped, "is scrapped");
    }

    void unitLabelOfAnUntestedUnitIsRefused()
    {
        const QString unit = t->mountedUnit("CARDR0003", "SB00000R03");
        expectRefused("unit-label", unit, ErrorCode::OutOfOrder, "has not passed its test");
    }

    void unitLabelOfAFailedUnitIsRefused()
    {
        const QString unit = t->mountedUnit("CARDR0004", "SB00000R04");
        QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        QVERIFY(t->record(Step::Test, {"unit=" + unit, "result=fail", "temp_max_c=95"}).ok());
        expectRefused("unit-label", unit, ErrorCode::OutOfOrder, "has not passed its test");
    }

    void unitLabelOfAScrappedUnitIsRefused()
    {
        const QString unit = t->testedUnit("CARDR0005", "SB00000R05");
        QVERIFY(t->record(Step::Scrap, {"item=" + unit, "reason=cracked", "defect=PHYSICAL_DAMAGE"}).ok());
        expectRefused("unit-label", unit, ErrorCode::ItemScrapped, "is scrapped");
    }

    void dieTravelerOfAScrappedDieIsRefused()
    {
        QVERIFY(t->record(Step::Intake, {"card=CARDR0007", "model=RTX4090", "lot=LOT-R"}).ok());
        const QString die = t->record(Step::Strip, {"card=CARDR0007"})->createdId();
        QVERIFY(!filledText("die-traveler", die).startsWith("<refused"));
        QVERIFY(t->record(Step::Scrap, {"item=" + die, "reason=cracked", "defect=PHYSICAL_DAMAGE"}).ok());
        expectRefused("die-traveler", die, ErrorCode::ItemScrapped, "is scrapped");
    }

    void batchLabelOfAnOpenBatchIsRefused()
    {
        const QString unit = t->testedUnit("CARDR0006", "SB00000R06");
        QVERIFY(t->record(Step::Pack, {"unit=" + unit, "batch=B-REC-1"}).ok());
        expectRefused("batch-label", "B-REC-1", ErrorCode::OutOfOrder, "still open");
        t->clock().set(kStripDay.addDays(5));
        QVERIFY(t->record(Step::Close, {"batch=B-REC-1"}).ok());
        auto v = load(LabelTemplate::Kind::Batch, "B-REC-1");
        QVERIFY2(v.ok(), qPrintable(v ? QString() : v.error().message));
        QCOMPARE(v->value("batch.closed_at"), localDate(kStripDay.addDays(5)));
        QCOMPARE(v->value("batch.closed_by"), QStringLiteral("OP1"));
        const QString text = filledText("batch-label", "B-REC-1");
        QVERIFY2(text.contains("Closed " + localDate(kStripDay.addDays(5))), qPrintable(text));
    }
};

QTEST_MAIN(TestLabelData)
#include "TestLabelData.moc"
