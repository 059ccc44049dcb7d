// The printable reports: produced, non-empty, and readable (pdftotext finds headings and serials).
#include "TestDatabase.h"
#include "reports/BarChartImage.h"
#include "reports/PrintedPages.h"
#include "reports/ReportDocument.h"
#include "storage/ConfigStore.h"
#include "storage/StationRegistry.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace rework;

namespace {

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    QStringList units;
    QTemporaryDir dir;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is needed (packaging/install-deps.sh installs poppler-utils)");
        t = std::make_unique<test::TestDatabase>();
        for (int i = 1; i <= 3; ++i) {
            const QString unit =
                t->testedUnit(QStringLiteral("CARDR000%1").arg(i), QStringLiteral("SB0000000%1").arg(i));
            QVERIFY(t->record(Step::Pack, {"unit=" + unit, "batch=B-REP-1"}).ok());
            units << unit;
        }
        const QString failing = t->mountedUnit("CARDR0009", "SB00000009");
        QVERIFY(t->record(Step::Inspect, {"unit=" + failing, "result=fail", "void_pct=33"}).ok());
        QVERIFY(t->record(Step::Close, {"batch=B-REP-1"}, "SUP1").ok());
    }

    void batchReportListsEveryUnitWithItsGenealogy()
    {
        const QString path = dir.filePath(QStringLiteral("batch.pdf"));
        QVERIFY(ReportDocument::writeBatchReport(t->db().connection(), QStringLiteral("B-REP-1"), path).ok());
        QVERIFY(QFile(path).size() > 1000);
        const QString text = pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("Batch report B-REP-1")), qPrintable(text.left(500)));
        QVERIFY(text.contains(QStringLiteral("Genealogy")));
        for (const QString& u : units)
            QVERIFY2(text.contains(u), qPrintable(u));
        for (const char* card : {"CARDR0001", "CARDR0002", "CARDR0003"})
            QVERIFY(text.contains(QString::fromLatin1(card)));
        QVERIFY(!text.contains(QStringLiteral("CARDR0009"))); // not in this batch
    }

    void shiftReportHasFiguresChartsAndTables()
    {
        const QString path = dir.filePath(QStringLiteral("shift.pdf"));
        const KpiFilter day = KpiFilter::shift(t->clock().now().date(), false);
        QVERIFY(ReportDocument::writeShiftReport(t->db().connection(), day,
                                                 QStringLiteral("Day shift report"), path)
                    .ok());
        const QString text = pdfText(path);
        for (const char* heading :
             {"Day shift report", "Yield", "Charts", "Defects", "Operators", "Aging WIP"})
            QVERIFY2(text.contains(QString::fromLatin1(heading)), heading);
        QVERIFY(text.contains(QStringLiteral("VOIDS"))); // the failed inspection's defect
        QVERIFY(text.contains(QStringLiteral("75.0%"))); // first-pass inspect yield: 3 of 4
        // the night shift of the same day saw nothing
        const QString night = dir.filePath(QStringLiteral("night.pdf"));
        QVERIFY(ReportDocument::writeShiftReport(t->db().connection(),
                                                 KpiFilter::shift(t->clock().now().date(), true),
                                                 QStringLiteral("Night shift report"), night)
                    .ok());
        QVERIFY(!pdfText(night).contains(QStringLiteral("VOIDS")));
    }

    /// Throughput is told against its target for the report's shifts (a station's own target
    /// where it has one), in a table and as a red line on the chart; work in progress, which is
    /// the line as it stands now, says so in a report of a past period.
    void aReportSaysItsTargetAndWhenItsWorkInProgressIsFrom()
    {
        ConfigStore config(t->db().connection());
        QVERIFY(config
                    .setConfigValue(QStringLiteral("throughput.target_per_shift"), QStringLiteral("3"),
                                    t->admin())
                    .ok());
        QVERIFY(config
                    .setConfigValue(QStringLiteral("throughput.target_per_shift.INSPECT-1"),
                                    QStringLiteral("2"), t->admin())
                    .ok());
        // A station that recorded nothing is furthest behind its target: it is listed with 0.
        QVERIFY(StationRegistry(t->db().connection())
                    .addStation(QStringLiteral("TEST-2"), QStringLiteral("test"), {}, t->admin())
                    .ok());
        const QDate today = t->clock().now().date();
        KpiFilter shift = KpiFilter::shift(today, false);
        shift.now = t->clock().now();
        const QString shiftPdf = dir.filePath(QStringLiteral("target-shift.pdf"));
        QVERIFY(ReportDocument::writeShiftReport(t->db().connection(), shift, QStringLiteral("Day shift"),
                                                 shiftPdf)
                    .ok());
        const QString shiftText = pdfText(shiftPdf);
        QVERIFY2(shiftText.contains(QStringLiteral("Target for 1 shift(s)")), qPrintable(shiftText));
        // four inspections (three passes, one fail) against INSPECT-1's own 2; three tests against 3
        static const QRegularExpression inspect(QStringLiteral("INSPECT-1\\s+4\\s+2\\s+200\\.0%"));
        static const QRegularExpression test(QStringLiteral("TEST-1\\s+3\\s+3\\s+100\\.0%"));
        QVERIFY2(inspect.match(shiftText).hasMatch(), qPrintable(shiftText));
        QVERIFY2(test.match(shiftText).hasMatch(), qPrintable(shiftText));
        static const QRegularExpression idle(QStringLiteral("TEST-2\\s+0\\s+3\\s+0\\.0%"));
        QVERIFY2(idle.match(shiftText).hasMatch(), qPrintable(shiftText));
        // Now falls in the shift: its WIP is its own, and its throughput is so far.
        QVERIFY2(!shiftText.contains(QStringLiteral("as the line stands at")), qPrintable(shiftText));
        QVERIFY2(shiftText.contains(QStringLiteral("throughput so far, against the whole period")),
                 qPrintable(shiftText));

        KpiFilter daily;
        daily.from = daily.to = today;
        daily.now = t->clock().now();
        const QString dailyPdf = dir.filePath(QStringLiteral("target-daily.pdf"));
        QVERIFY(
            ReportDocument::writeShiftReport(t->db().connection(), daily, QStringLiteral("Daily"), dailyPdf)
                .ok());
        static const QRegularExpression inspectDaily(QStringLiteral("INSPECT-1\\s+4\\s+4\\s+100\\.0%"));
        const QString dailyText = pdfText(dailyPdf);
        QVERIFY2(dailyText.contains(QStringLiteral("Target for 2 shift(s)")), qPrintable(dailyText));
        QVERIFY2(inspectDaily.match(dailyText).hasMatch(), qPrintable(dailyText));

        // The day before, asked for now: its WIP is today's, and it says so.
        KpiFilter past;
        past.from = past.to = today.addDays(-1);
        past.now = t->clock().now();
        const QString pastPdf = dir.filePath(QStringLiteral("past.pdf"));
        QVERIFY(ReportDocument::writeShiftReport(t->db().connection(), past, QStringLiteral("Daily"), pastPdf)
                    .ok());
        const QString pastText = pdfText(pastPdf);
        const QString asOf = QStringLiteral("as the line stands at %1")
                                 .arg(t->clock().now().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QVERIFY2(pastText.contains(asOf), qPrintable(pastText));
        QVERIFY2(pastText.contains(QStringLiteral("Aging WIP at ")), qPrintable(pastText));
        QVERIFY2(!pastText.contains(QStringLiteral("throughput so far")), qPrintable(pastText));
        // The line as the other tests found it.
        for (const char* key : {"throughput.target_per_shift", "throughput.target_per_shift.INSPECT-1"})
            QVERIFY(config.setConfigValue(QString::fromLatin1(key), QStringLiteral("0"), t->admin()).ok());

        // The chart: each bar's target drawn red across its own slot, none where there is none.
        const QImage chart =
            BarChartImage::paint(QStringLiteral("t"), {QStringLiteral("A"), QStringLiteral("B")}, {2, 2},
                                 QSize(400, 300), {4, 0}, QStringLiteral("target"));
        const auto redIn = [&](int fromX, int toX) {
            int red = 0;
            for (int y = 40; y < 250; ++y)
                for (int x = fromX; x < toX; ++x) {
                    const QColor c = chart.pixelColor(x, y);
                    red += c.red() > 180 && c.green() < 90 && c.blue() < 90;
                }
            return red;
        };
        QVERIFY(redIn(40, 200) > 20);
        QCOMPARE(redIn(220, 390), 0);
    }

    void aHeadingNeverEndsAPage_data()
    {
        QTest::addColumn<QString>("section"); // after the heading
        QTest::addColumn<QString>("first");   // what must be on the heading's page
        QString table = QStringLiteral("<table border=\"1\"><thead><tr><th>Serial</th></tr></thead>");
        for (int i = 0; i < 5; ++i)
            table += QStringLiteral("<tr><td>SERIAL%1</td></tr>").arg(i);
        table += QStringLiteral("</table>");
        QTest::newRow("a table") << table << QStringLiteral("SERIAL0");
        QTest::newRow("a paragraph") << QStringLiteral("<p>BODY0</p><p>BODY1</p>") << QStringLiteral("BODY0");
        QTest::newRow("a sub-section")
            << QStringLiteral("<h3>UNIT0</h3>") + table << QStringLiteral("SERIAL0");
    }
    /// A section's heading is never the last thing on a page: wherever the break falls, the
    /// heading goes over with what follows it. Printed as the reports print (A4, 15 mm, 150 dpi)
    /// after 30 to 110 lines, and every page read back with pdftotext.
    void aHeadingNeverEndsAPage()
    {
        QFETCH(QString, section);
        QFETCH(QString, first);
        int moved = 0, twoPages = 0;
        for (int lines = 30; lines <= 110; ++lines) {
            QString html;
            for (int i = 0; i < lines; ++i)
                html += QStringLiteral("<p>line %1</p>").arg(i);
            QTextDocument doc;
            doc.setHtml(html + QStringLiteral("<h2>Aging WIP</h2>") + section);
            const QString path = dir.filePath(QStringLiteral("breaks-%1.pdf").arg(lines));
            {
                QPdfWriter pdf(path);
                pdf.setPageSize(QPageSize(QPageSize::A4));
                pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
                pdf.setResolution(150);
                printPages(doc, pdf);
            }
            for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
                moved += (b.blockFormat().headingLevel() > 0 &&
                          (b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore))
                             ? 1
                             : 0;
            const QStringList pages = pdfText(path).split(QLatin1Char('\f'), Qt::SkipEmptyParts);
            twoPages += pages.size() >= 2 ? 1 : 0;
            for (const QString& page : pages) {
                QStringList text;
                for (const QString& line : page.split(QLatin1Char('\n'))) {
                    if (!line.trimmed().isEmpty())
                        text << line.trimmed();
                }
                static const QRegularExpression pageNumber(QStringLiteral("^\\d+ */ *\\d+$"));
                QVERIFY2(!text.isEmpty() && pageNumber.match(text.last()).hasMatch(),
                         qPrintable(text.join(QLatin1Char('|'))));
                text.removeLast();
                if (text.contains(QLatin1String("Aging WIP")))
                    QVERIFY2(
                        text.contains(first),
                        qPrintable(QStringLiteral("%1 lines before: the heading ends a page").arg(lines)));
            }
        }
        QVERIFY(twoPages > 0);
        QVERIFY(moved > 0); // some of these put the heading at a page's foot
    }

    /// Identifiers print as typed: no "ff" or "fi" ligature turns a GPU UUID into other characters
    /// for whoever copies or searches it from the PDF.
    void identifiersPrintAsTyped()
    {
        const QStringList ids{QStringLiteral("GPU-9139ba4c-f5ad-e149-94ff-e178eb215fca"),
                              QStringLiteral("GPU-0ffi0ffl-fffe-4000-8000-00000000ff01"),
                              QStringLiteral("OFFICE-fl1")};
        QString html = QStringLiteral("<table border=\"1\">");
        for (const QString& id : ids)
            html += QStringLiteral("<tr><td>%1</td></tr>").arg(id);
        QTextDocument doc;
        doc.setHtml(html + QStringLiteral("</table><p>") + ids.join(QLatin1Char(' ')) +
                    QStringLiteral("</p>"));
        const QString path = dir.filePath(QStringLiteral("ids.pdf"));
        {
            QPdfWriter pdf(path);
            pdf.setResolution(150);
            printPages(doc, pdf);
        }
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}); // raw text, no layout
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString& id : ids)
            QVERIFY2(text.count(id) == 2, qPrintable(id + QStringLiteral(" in: ") + text));
    }

    void errorsAreClear()
    {
        const Status unknown = ReportDocument::writeBatchReport(
            t->db().connection(), QStringLiteral("B-NONE-1"), dir.filePath("x.pdf"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, ErrorCode::UnknownSerial);
        const Status unwritable = ReportDocument::writeBatchReport(
            t->db().connection(), QStringLiteral("B-REP-1"), QStringLiteral("/nonexistent/dir/b.pdf"));
        QVERIFY(!unwritable.ok());
    }
};

QTEST_MAIN(TestReports)
#include "TestReports.moc"
