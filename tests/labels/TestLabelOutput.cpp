// Labels as they leave the program: PDFs whose barcodes a scanner tool reads back exactly, ZPL
// identical to golden files, the exact bytes a network printer receives, a queue that keeps
// what an unreachable printer did not take, and reprints that need a reason.
#include "FakeZebra.h"
#include "TcpListener.h"
#include "TestDatabase.h"
#include "labels/LabelPainter.h"
#include "labels/LabelPrinter.h"
#include "labels/LabelTemplateStore.h"
#include "labels/ZplWriter.h"
#include "storage/AuditLog.h"
#include "storage/Sql.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace rework;

namespace {

/// What zbarimg reads in a PNG, for one symbology ("code128", "qrcode"), or dmtxread for
/// "datamatrix".
QString decodePng(const QString& png, const char* symbology)
{
    if (qstrcmp(symbology, "datamatrix") == 0) {
        // Each image here holds one Data Matrix: -N1 stops at it instead of searching the rest of
        // the label until the time limit (15 s for a unit label at 300 dpi).
        QProcess dmtx;
        dmtx.start(QStringLiteral("dmtxread"), {QStringLiteral("-n"), QStringLiteral("-N1"),
                                                QStringLiteral("-m"), QStringLiteral("20000"), png});
        dmtx.waitForFinished(30000);
        return QString::fromUtf8(dmtx.readAllStandardOutput()).trimmed();
    }
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"),
               {QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("-Sdisable"),
                QStringLiteral("-S%1.enable").arg(QString::fromLatin1(symbology)), png});
    zbar.waitForFinished(30000);
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

/// A PDF's first page rastered at `dpi` by pdftoppm, as `pdf`-page.png; empty on failure.
QString rasterPdf(const QString& pdf, int dpi)
{
    const QString png = pdf + QStringLiteral("-page");
    QProcess raster;
    raster.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"),
                  QStringLiteral("-singlefile"), pdf, png});
    if (!raster.waitForFinished(30000) || raster.exitCode() != 0)
        return {};
    return png + QStringLiteral(".png");
}

/// What zbarimg reads in a PDF's first page rastered at `dpi`, for one symbology ("code128", "qrcode").
QString decode(const QString& pdf, const char* symbology, int dpi = 300)
{
    const QString png = rasterPdf(pdf, dpi);
    return png.isEmpty() ? QStringLiteral("<pdftoppm failed>") : decodePng(png, symbology);
}

/// The node_modules folder holding zpl-renderer-js: $REWORK_ZPL_RENDERER_MODULES, else the
/// folder CMake was given; empty if neither has it.
QString rendererModules()
{
    QString folder =
        qEnvironmentVariable("REWORK_ZPL_RENDERER_MODULES", QStringLiteral(REWORK_ZPL_RENDERER_MODULES));
    return QFile::exists(folder + QStringLiteral("/zpl-renderer-js/package.json")) ? folder : QString();
}

/// What zebrash, an independent ZPL renderer, prints for `zpl`, as a PNG; empty on failure.
QString renderZpl(const QByteArray& zpl, const LabelTemplate& t, const QString& folder)
{
    QFile file(folder + QStringLiteral("/label.zpl"));
    if (!file.open(QIODevice::WriteOnly) || file.write(zpl) != zpl.size())
        return {};
    file.close();
    const QString png = folder + QStringLiteral("/zpl.png");
    // zebrash draws in whole dots per mm (a Zebra's 8, 12 or 24) and sizes its canvas from them:
    // at 7.99 it would cut a 203 dpi label to 7 dots a millimetre. The canvas is given in those
    // units, so that it holds every dot of ^PW and ^LL.
    const double dpmm = std::round(t.dpi / 25.4);
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), rendererModules());
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"),
               {QStringLiteral(REWORK_SOURCE_DIR "/tests/labels/render-zpl.cjs"), file.fileName(), png,
                QString::number(std::ceil(t.dots(t.widthMm) / dpmm)),
                QString::number(std::ceil(t.dots(t.heightMm) / dpmm)), QString::number(dpmm)});
    if (!node.waitForFinished(60000) || node.exitCode() != 0) {
        qWarning("zebrash: %s", node.readAllStandardError().constData());
        return {};
    }
    // zebrash centres a label narrower than its canvas (by half the difference, rounded down): cut
    // the canvas back to ^PW, so that pixel x is dot x of the label, as on the PDF.
    const QImage canvas(png);
    const int width = t.dots(t.widthMm);
    if (canvas.width() > width &&
        !canvas.copy((canvas.width() - width) / 2, 0, width, canvas.height()).save(png))
        return {};
    return png;
}

/// The bounding rectangle of the dark dots of `image` inside `box`: where a symbol drawn in that
/// box really is; empty when nothing is there.
QRect darkExtent(const QImage& image, const QRect& box)
{
    QRect found;
    const QRect inside = box.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        const uchar* line = image.constScanLine(y);
        for (int x = inside.left(); x <= inside.right(); ++x) {
            if (line[x] < 128)
                found |= QRect(x, y, 1, 1);
        }
    }
    return found;
}

/// What a decoder reads inside `box` of `image` alone (set on a white margin, as a scanner aimed
/// at that spot would see it).
QString decodeBox(const QImage& image, const QRect& box, const char* symbology, const QString& png)
{
    QImage alone(box.size() + QSize(40, 40), QImage::Format_Grayscale8);
    alone.fill(Qt::white);
    QPainter painter(&alone);
    painter.drawImage(QPoint(20, 20), image.copy(box));
    painter.end();
    if (!alone.save(png))
        return QStringLiteral("<cannot save %1>").arg(png);
    return decodePng(png, symbology);
}

/// Every barcode of `label` in the same place and of the same size in the PDF rastered at the
/// label's dpi (`pdfPng`) and in zebrash's rendering of the ZPL (`zplPng`), both in printer dots:
/// its dark modules inside the element's box span the same rectangle within half a millimetre
/// (so a QR of another version, or one pushed down or clipped, is caught), and the decoders read
/// the element's data from that box alone in either.
void compareSymbolPlacement(const FilledLabel& label, const QString& pdfPng, const QString& zplPng,
                            const QString& folder)
{
    const LabelTemplate& t = label.layout;
    const QImage pdf = QImage(pdfPng).convertToFormat(QImage::Format_Grayscale8);
    const QImage zpl = QImage(zplPng).convertToFormat(QImage::Format_Grayscale8);
    QVERIFY2(!pdf.isNull() && !zpl.isNull(), qPrintable(pdfPng + QLatin1Char(' ') + zplPng));
    const int tolerance = t.dots(0.5);
    for (qsizetype i = 0; i < t.elements.size(); ++i) {
        const LabelTemplate::Element& e = t.elements.at(i);
        if (e.type != LabelTemplate::Element::Type::Barcode)
            continue;
        const QRect box(t.dots(e.xMm), t.dots(e.yMm), t.dots(e.widthMm), t.dots(e.heightMm));
        const QRect a = darkExtent(pdf, box), b = darkExtent(zpl, box);
        const QString where = QStringLiteral("%1 at %2 dpi, element %3: PDF %4,%5 %6x%7, ZPL %8,%9 %10x%11")
                                  .arg(t.name)
                                  .arg(t.dpi)
                                  .arg(i + 1)
                                  .arg(a.x())
                                  .arg(a.y())
                                  .arg(a.width())
                                  .arg(a.height())
                                  .arg(b.x())
                                  .arg(b.y())
                                  .arg(b.width())
                                  .arg(b.height());
        qInfo("%s", qPrintable(where));
        const BarcodeSymbol::Type type = label.symbols.at(i)->type();
        const char* symbology = type == BarcodeSymbol::Type::QrCode       ? "qrcode"
                                : type == BarcodeSymbol::Type::DataMatrix ? "datamatrix"
                                                                          : "code128";
        // REWORK_KEEP_RENDER=FOLDER keeps each box as the decoders saw it.
        const QString kept = qEnvironmentVariable("REWORK_KEEP_RENDER", folder) + QLatin1Char('/') + t.name +
                             QString::number(t.dpi) + QLatin1Char('-') + QString::number(i + 1);
        QCOMPARE(decodeBox(pdf, box, symbology, kept + QStringLiteral("-pdf.png")), label.texts.at(i));
        QCOMPARE(decodeBox(zpl, box, symbology, kept + QStringLiteral("-zpl.png")), label.texts.at(i));
        QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(where));
        QVERIFY2(std::abs(a.left() - b.left()) <= tolerance && std::abs(a.top() - b.top()) <= tolerance &&
                     std::abs(a.right() - b.right()) <= tolerance &&
                     std::abs(a.bottom() - b.bottom()) <= tolerance,
                 qPrintable(where));
    }
}

LabelData::Variables goldenVariables()
{
    return {{"date", "2026-11-02"},
            {"operator", "OP1"},
            {"die.stripped_at", "2026-10-30"},
            {"die.stripped_by", "OP2"},
            {"unit.tested_at", "2026-11-01"},
            {"unit.tested_by", "OP3"},
            {"batch.closed_at", "2026-11-02"},
            {"model", "RTX4090"},
            {"product.name", "GeForce RTX 4090"},
            {"product.memory_mib", "24564"},
            {"die.id", "DD1TESTGOLD01"},
            {"die.marking", "AD102-300-A1"},
            {"card.serial", "AS000000000001"},
            {"board.serial", "SB0000000001"},
            {"card.lot", "LOT-1"},
            {"unit.serial", "UD1TESTGOLD01"},
            {"unit.gpu_uuid", "GPU-8f17736e-266e-bdf0-390e-7954fd07fdb6"},
            {"batch.id", "B261102-001"},
            {"batch.count", "3"},
            {"batch.serials", "UD1TESTGOLD01\nUD1TESTGOLD02\nUD1TESTGOLD03"}};
}

/// The unit label of `unit` sent to the printer at `target` from PACK-1 by OP1.
LabelPrinter::Request unitLabelTo(const QString& unit, const QString& target, const QDateTime& now)
{
    LabelPrinter::Request r;
    r.templateName = QStringLiteral("unit-label");
    r.subject = unit;
    r.output = LabelPrinter::Output::Send;
    r.target = target;
    r.stationId = QStringLiteral("PACK-1");
    r.operatorId = QStringLiteral("OP1");
    r.now = now;
    return r;
}

} // namespace

class TestLabelOutput : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    QString die, batch;
    QStringList units;

    /// A printer that waits 300 ms for a status answer: the fakes answer at once or never.
    LabelPrinter printer() { return printerOn(*t); }
    static LabelPrinter printerOn(test::TestDatabase& db)
    {
        LabelPrinter p(db.db().connection(), db.folder());
        p.setStatusTimeout(300);
        return p;
    }
    LabelPrintLog::Print lastPrint(const QString& subject)
    {
        auto history = LabelPrintLog(t->db().connection()).history(subject);
        return history && !history->isEmpty() ? history->last() : LabelPrintLog::Print{};
    }
    LabelPrinter::Request request(const QString& templateName, const QString& subject,
                                  LabelPrinter::Output output, const QString& target)
    {
        LabelPrinter::Request r;
        r.templateName = templateName;
        r.subject = subject;
        r.output = output;
        r.target = target;
        r.stationId = QStringLiteral("PACK-1");
        r.operatorId = QStringLiteral("OP1");
        r.now = t->clock().now();
        return r;
    }

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        QVERIFY(t->record(Step::Intake, {"card=CARDL0001", "model=RTX4090", "lot=LOT-L"}).ok());
        die = t->record(Step::Strip, {"card=CARDL0001"})->createdId();
        for (int i = 2; i <= 4; ++i)
            units << t->testedUnit(QStringLiteral("CARDL000%1").arg(i), QStringLiteral("SB0000000%1").arg(i));
        batch = QStringLiteral("B-LBL-1");
        for (const QString& u : units)
            QVERIFY(t->record(Step::Pack, {"unit=" + u, "batch=" + batch}).ok());
        QVERIFY(t->record(Step::Close, {"batch=" + batch}).ok());
        units.sort();
    }

    void pdfBarcodesDecodeToTheSerials()
    {
        QTemporaryDir out;
        const QString diePdf = out.filePath("die.pdf"), unitPdf = out.filePath("unit.pdf"),
                      batchPdf = out.filePath("batch.pdf");
        QVERIFY(printer().print(request("die-traveler", die, LabelPrinter::Output::Pdf, diePdf)).ok());
        QVERIFY(
            printer().print(request("unit-label", units.first(), LabelPrinter::Output::Pdf, unitPdf)).ok());
        QVERIFY(printer().print(request("batch-label", batch, LabelPrinter::Output::Pdf, batchPdf)).ok());
        QCOMPARE(decode(diePdf, "code128"), die);
        QCOMPARE(decode(unitPdf, "code128"), units.first());
        QCOMPARE(decode(batchPdf, "code128"), batch);
        // The batch's 2D code: the batch id, then every unit serial, one per line.
        QCOMPARE(decode(batchPdf, "qrcode"), batch + QLatin1Char('\n') + units.join(QLatin1Char('\n')));
    }

    void zplMatchesGoldenFiles()
    {
        for (const char* name : {"die-traveler", "unit-label", "batch-label"}) {
            auto layout = LabelTemplateStore(t->folder()).load(QString::fromLatin1(name));
            QVERIFY(layout.ok());
            auto label = FilledLabel::fill(layout.value(), goldenVariables());
            QVERIFY2(label.ok(), name);
            const QByteArray zpl = ZplWriter::write(label.value());
            QFile golden(QStringLiteral(REWORK_GOLDEN_DIR "/labels/%1.zpl").arg(QString::fromLatin1(name)));
            if (qEnvironmentVariableIsSet("REWORK_UPDATE_GOLDEN")) {
                QVERIFY(golden.open(QIODevice::WriteOnly));
                golden.write(zpl);
                golden.close();
            }
            QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
            // Bold text is a graphic drawn with the system's font: its dots may differ by a font
            // version, its place and size may not. Each is checked to hold dark dots.
            static const QRegularExpression graphic(QStringLiteral("(\\^GFA,\\d+,\\d+,\\d+,)([0-9A-F]+)"));
            for (auto it = graphic.globalMatch(QString::fromLatin1(zpl)); it.hasNext();)
                QVERIFY2(it.next().captured(2).contains(QRegularExpression(QStringLiteral("[1-9A-F]"))),
                         name);
            const auto placed = [](const QByteArray& z) {
                return QString::fromLatin1(z).replace(graphic, QStringLiteral("\\1<dots>"));
            };
            QCOMPARE(placed(zpl), placed(golden.readAll()));
        }
    }

    /// One element of `symbology` over `data` on a label of its own.
    static LabelTemplate symbolLabel(const char* symbology, double w, double h, int dpi = 300)
    {
        auto layout =
            LabelTemplate::parse(QStringLiteral(R"({"name":"t","kind":"unit","width_mm":%1,"height_mm":%2,
            "dpi":%3,"elements":[{"type":"barcode","symbology":"%4","x_mm":2,"y_mm":2,"w_mm":%5,"h_mm":%6,
            "data":"${x}"}]})")
                                     .arg(w + 4)
                                     .arg(h + 4)
                                     .arg(dpi)
                                     .arg(QString::fromLatin1(symbology))
                                     .arg(w)
                                     .arg(h)
                                     .toUtf8());
        return layout.value();
    }

    void zplSetsEveryBarcodeUpItself()
    {
        auto layout = LabelTemplateStore(t->folder()).load("batch-label");
        QVERIFY(layout.ok());
        auto label = FilledLabel::fill(layout.value(), goldenVariables());
        QVERIFY(label.ok());
        const QString zpl = QString::fromLatin1(ZplWriter::write(label.value()));
        // ^BY right before the field of every barcode, so none inherits another's module or height.
        const auto symbols = QRegularExpression(QStringLiteral("\\^B[CQX]")).globalMatch(zpl);
        int count = 0;
        for (auto it = symbols; it.hasNext(); ++count) {
            const auto m = it.next();
            const QString field = zpl.left(m.capturedStart()).section(QStringLiteral("^FS"), -1);
            QVERIFY2(field.contains(QStringLiteral("^BY")), qPrintable(field));
        }
        QCOMPARE(count, 2);
        // The QR asks for the error correction libzint used for the PDF, in automatic mode.
        QVERIFY2(zpl.contains(QStringLiteral("^FD%1A,").arg(QLatin1Char(BarcodeSymbol::kQrErrorCorrection))),
                 qPrintable(zpl));
    }

    void dataMatrixEscapeIsExplicitAndNotInTheData()
    {
        LabelTemplate layout = symbolLabel("datamatrix", 20, 20);
        const auto zplOf = [&](const QString& data) {
            return ZplWriter::write(FilledLabel::fill(layout, {{"x", data}}).value());
        };
        // `_` when the data has none; else a character the data does not hold.
        QVERIFY2(zplOf("AB~C^D").contains(",200,0,0,6,_^FH_^FDAB_7EC_5ED^FS"), zplOf("AB~C^D").constData());
        QVERIFY2(zplOf("A_B").contains(",200,0,0,6,`^FH_^FDA_5FB^FS"), zplOf("A_B").constData());
        // Data holding every candidate: `_` again, each of its underscores doubled as the manual says.
        const QByteArray all = zplOf("_`|{}@#!$%&*");
        QVERIFY2(all.contains(",200,0,0,6,_^FH_^FD_5F_5F`|{}@#!$%&*^FS"), all.constData());
    }

    /// Data holding ZPL's own characters (^ ~ and the escape characters _ and \\) reads back the
    /// same from the printer's rendering of the ZPL as from the PDF, at a Zebra's 203 and 300 dpi,
    /// each symbol in the same place.
    void zplDecodesSpecialCharacters_data()
    {
        QTest::addColumn<QString>("symbology");
        QTest::addColumn<QString>("zbar");
        QTest::addColumn<QString>("data");
        QTest::addColumn<int>("dpi");
        for (int dpi : {203, 300}) {
            for (const char* data : {"A^B~C_D\\E>F", "_~^\\~_"}) {
                QTest::addRow("code128, %s, %d dpi", data, dpi) << "code128"
                                                                << "code128" << data << dpi;
                QTest::addRow("qr, %s, %d dpi", data, dpi) << "qr"
                                                           << "qrcode" << data << dpi;
                QTest::addRow("datamatrix, %s, %d dpi", data, dpi) << "datamatrix"
                                                                   << "datamatrix" << data << dpi;
            }
        }
    }

    void zplDecodesSpecialCharacters()
    {
        QFETCH(QString, symbology);
        QFETCH(QString, zbar);
        QFETCH(QString, data);
        QFETCH(int, dpi);
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        LabelTemplate layout = symbolLabel(symbology.toLatin1().constData(), 60, 20, dpi);
        auto label = FilledLabel::fill(layout, {{"x", data}});
        QVERIFY2(label.ok(), qPrintable(label ? QString() : label.error().message));
        QTemporaryDir out;
        const QString png = renderZpl(ZplWriter::write(label.value()), layout, out.path());
        QVERIFY(!png.isEmpty());
        QCOMPARE(decodePng(png, zbar.toLatin1().constData()), data);
        const QString pdf = out.filePath("special.pdf");
        QVERIFY(LabelPainter::writePdf(pdf, {label.value()}).ok());
        const QString pdfPng = rasterPdf(pdf, dpi);
        QVERIFY(!pdfPng.isEmpty());
        QCOMPARE(decodePng(pdfPng, zbar.toLatin1().constData()), data);
        compareSymbolPlacement(label.value(), pdfPng, png, out.path());
    }

    /// GS1-128 in ZPL (^BC mode D): the printer's rendering reads back with every application
    /// identifier intact (an FNC1, read as GS, after a field of no predefined length that another
    /// follows), the same as the PDF's symbol.
    void zplGs1KeepsItsApplicationIdentifiers_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("read");
        QTest::newRow("parentheses") << "(01)09506000134352(10)LOT1(21)ABC123"
                                     << "0109506000134352"
                                        "10LOT1\x1d"
                                        "21ABC123";
        QTest::newRow("brackets") << "[01]09506000134352[10]LOT-7[17]261231[21]SN42"
                                  << "0109506000134352"
                                     "10LOT-7\x1d"
                                     "17261231"
                                     "21SN42";
    }

    void zplGs1KeepsItsApplicationIdentifiers()
    {
        QFETCH(QString, data);
        QFETCH(QString, read);
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        LabelTemplate layout = symbolLabel("gs1-128", 120, 15);
        auto label = FilledLabel::fill(layout, {{"x", data}});
        QVERIFY2(label.ok(), qPrintable(label ? QString() : label.error().message));
        const QByteArray zpl = ZplWriter::write(label.value());
        QVERIFY2(zpl.contains(",N,N,N,D^FH_^FD(01)09506000134352(10)LOT"), zpl.constData());
        QTemporaryDir out;
        const QString pdf = out.filePath("gs1.pdf");
        QVERIFY(LabelPainter::writePdf(pdf, {label.value()}).ok());
        QCOMPARE(decode(pdf, "code128"), read);
        const QString png = renderZpl(zpl, layout, out.path());
        QVERIFY(!png.isEmpty());
        QCOMPARE(decodePng(png, "code128"), read);
    }

    /// The batch label's QR of 3 to 200 serials, on the shipped 203 and 300 dpi variants: where it
    /// fits, the printer's rendering decodes to the same payload as the PDF with the symbol in the
    /// same place; where it cannot (too many modules for the element, or more data than a QR at
    /// the PDF's error correction holds), it is refused with that reason and nothing is printed.
    void batchQrDecodesTheSameInZplAndPdfOrIsRefused_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<QString>("refusal"); // empty: it prints
        for (int dpi : {203, 300}) {
            QTest::addRow("3 units, %d dpi", dpi) << 3 << dpi << QString();
            QTest::addRow("48 units, %d dpi", dpi) << 48 << dpi << QString();
            QTest::addRow("80 units, %d dpi", dpi) << 80 << dpi << QString();
            QTest::addRow("200 units, %d dpi", dpi) << 200 << dpi << QStringLiteral("cannot be encoded");
        }
    }

    void batchQrDecodesTheSameInZplAndPdfOrIsRefused()
    {
        QFETCH(int, count);
        QFETCH(int, dpi);
        QFETCH(QString, refusal);
        LabelData::Variables v = goldenVariables();
        QStringList serials;
        for (int i = 1; i <= count; ++i)
            serials << QStringLiteral("UD1TESTG%1").arg(i, 5, 10, QLatin1Char('0'));
        v.insert("batch.serials", serials.join(QLatin1Char('\n')));
        v.insert("batch.count", QString::number(count));
        auto layout = LabelTemplateStore(t->folder()).load("batch-label", dpi);
        QVERIFY(layout.ok());
        QCOMPARE(layout->dpi, dpi);
        auto label = FilledLabel::fill(layout.value(), v);
        qInfo("%d units at %d dpi: %s", count, dpi,
              qPrintable(label ? QStringLiteral("prints") : label.error().message));
        if (!refusal.isEmpty()) {
            QVERIFY2(!label, "refused, never printed clipped or unreadable");
            QVERIFY2(label.error().code == ErrorCode::OutOfRange ||
                         label.error().code == ErrorCode::InvalidValue,
                     qPrintable(label.error().message));
            QVERIFY2(label.error().message.contains(refusal), qPrintable(label.error().message));
            return;
        }
        QVERIFY2(label.ok(), qPrintable(label ? QString() : label.error().message));
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        const QString payload = v.value("batch.id") + QLatin1Char('\n') + v.value("batch.serials");
        QTemporaryDir out;
        const QString pdf = out.filePath("batch.pdf");
        QVERIFY(LabelPainter::writePdf(pdf, {label.value()}).ok());
        QCOMPARE(decode(pdf, "qrcode", dpi), payload);
        const QString png = renderZpl(ZplWriter::write(label.value()), layout.value(), out.path());
        QVERIFY(!png.isEmpty());
        QCOMPARE(decodePng(png, "qrcode"), payload);
        QCOMPARE(decodePng(png, "code128"), v.value("batch.id"));
        // The printer's own choice of QR version is libzint's: the symbols are the same size.
        compareSymbolPlacement(label.value(), pdf + QStringLiteral("-page.png"), png, out.path());
    }

    /// Every shipped template laid out for a 203, 300 and 600 dpi printer (its variant drawn for
    /// that resolution where there is one, else laid out again): it fills (no barcode or text
    /// below its minimum at that resolution), its ZPL is sized in that printer's dots, and its
    /// barcodes decode from the PDF and, where zebrash is installed, from the printer's rendering
    /// of the ZPL.
    void shippedTemplatesPrintAtEveryDpi_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("dpi");
        for (const char* name : {"die-traveler", "unit-traveler", "unit-label", "batch-label"})
            for (int dpi : {203, 300, 600})
                QTest::addRow("%s at %d dpi", name, dpi) << QString::fromLatin1(name) << dpi;
    }

    void shippedTemplatesPrintAtEveryDpi()
    {
        QFETCH(QString, name);
        QFETCH(int, dpi);
        auto shipped = LabelTemplateStore(t->folder()).load(name, dpi);
        QVERIFY(shipped.ok());
        QCOMPARE(shipped->dpi, dpi == 600 ? 300 : dpi); // no 600 dpi variant: the 300 one
        auto layout = shipped->atDpi(dpi);
        QVERIFY(layout.ok());
        LabelData::Variables v = goldenVariables();
        v.insert("unit.mounted_at", "2026-10-31");
        v.insert("unit.mounted_by", "OP4");
        auto label = FilledLabel::fill(layout.value(), v);
        QVERIFY2(label.ok(), qPrintable(label ? QString() : label.error().message));
        const QByteArray zpl = ZplWriter::write(label.value());
        QVERIFY(zpl.contains("^PW" + QByteArray::number(layout->dots(layout->widthMm)) + "\n"));
        QVERIFY(zpl.contains("^LL" + QByteArray::number(layout->dots(layout->heightMm)) + "\n"));
        const QString expected = name.startsWith("die")    ? v.value("die.id")
                                 : name.startsWith("unit") ? v.value("unit.serial")
                                                           : v.value("batch.id");
        QTemporaryDir out;
        const QString pdf = out.filePath("label.pdf");
        QVERIFY(LabelPainter::writePdf(pdf, {label.value()}).ok());
        QCOMPARE(decode(pdf, "code128", dpi), expected);
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        const QString png = renderZpl(zpl, layout.value(), out.path());
        QVERIFY(!png.isEmpty());
        if (qEnvironmentVariableIsSet("REWORK_KEEP_RENDER"))
            QFile::copy(png, qEnvironmentVariable("REWORK_KEEP_RENDER") + QLatin1Char('/') + name +
                                 QString::number(dpi) + QStringLiteral(".png"));
        QCOMPARE(decodePng(png, "code128"), expected);
        if (name == QLatin1String("batch-label"))
            QCOMPARE(decodePng(png, "qrcode"), v.value("batch.id") + '\n' + v.value("batch.serials"));
        if (name == QLatin1String("unit-label"))
            QCOMPARE(decodePng(png, "datamatrix"),
                     v.value("unit.serial") + ';' + v.value("die.id") + ';' + v.value("card.serial"));
        // And each symbol where the PDF has it (the PDF rastered at this dpi by decode() above).
        compareSymbolPlacement(label.value(), pdf + QStringLiteral("-page.png"), png, out.path());
    }

    /// Each shipped template comes in a 203 and a 300 dpi variant of the same label: same kind,
    /// stock and elements; the 203 dpi one placed on that printer's whole dots, and every barcode
    /// of either at two dots a module or more for the usual data.
    void shippedTemplatesComeFor203And300Dpi_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"die-traveler", "unit-traveler", "unit-label", "batch-label"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void shippedTemplatesComeFor203And300Dpi()
    {
        QFETCH(QString, name);
        const LabelTemplateStore store(t->folder());
        auto own = store.load(name);
        QVERIFY(own.ok());
        LabelData::Variables v = goldenVariables();
        v.insert("unit.mounted_at", "2026-10-31");
        v.insert("unit.mounted_by", "OP4");
        for (int dpi : {203, 300}) {
            auto variant = store.load(name, dpi);
            QVERIFY2(variant.ok(), qPrintable(variant ? QString() : variant.error().message));
            QCOMPARE(variant->dpi, dpi);
            QCOMPARE(variant->name, name);
            QCOMPARE(variant->kind, own->kind);
            QCOMPARE(variant->printedFrom, own->printedFrom);
            QCOMPARE(variant->widthMm, own->widthMm);
            QCOMPARE(variant->heightMm, own->heightMm);
            QCOMPARE(variant->elements.size(), own->elements.size());
            auto label = FilledLabel::fill(variant.value(), v);
            QVERIFY2(label.ok(), qPrintable(label ? QString() : label.error().message));
            for (qsizetype i = 0; i < variant->elements.size(); ++i) {
                const LabelTemplate::Element& e = variant->elements.at(i);
                QCOMPARE(e.type, own->elements.at(i).type);
                QCOMPARE(e.text, own->elements.at(i).text);
                if (dpi == 203) {
                    for (double mm : {e.xMm, e.yMm, e.widthMm, e.heightMm}) {
                        const double dots = mm * dpi / 25.4;
                        QVERIFY2(
                            std::abs(dots - std::round(dots)) < 0.02,
                            qPrintable(
                                QStringLiteral("element %1: %2 mm is %3 dots").arg(i + 1).arg(mm).arg(dots)));
                    }
                }
                if (e.type != LabelTemplate::Element::Type::Barcode)
                    continue;
                const int module =
                    label->symbols.at(i)->dotsPerModule(variant->dots(e.widthMm), variant->dots(e.heightMm));
                QVERIFY2(module >= 2,
                         qPrintable(QStringLiteral("element %1: %2 dots").arg(i + 1).arg(module)));
                qInfo("%s at %d dpi, element %d (%s): %d dots a module = %.3f mm", qPrintable(name), dpi,
                      int(i + 1), qPrintable(label->texts.at(i).left(20)), module, module * 25.4 / dpi);
            }
        }
        // A resolution with no variant of its own gets the template itself, laid out again later.
        QCOMPARE(store.load(name, 600)->dpi, own->dpi);
    }

    /// The user's copy wins over every shipped variant (it is theirs), and their own variant for
    /// a resolution is used for it; a variant that names another resolution is refused.
    void userTemplatesAndTheirVariants()
    {
        test::TestDatabase own;
        const LabelTemplateStore store(own.folder());
        QFile shipped(QStringLiteral(":/labels/unit-label.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray json = shipped.readAll();
        json.replace("The finished server board's label", "Our own unit label");
        QVERIFY(QDir().mkpath(store.userFolder() + QStringLiteral("/203dpi")));
        QFile mine(store.userFolder() + QStringLiteral("/unit-label.json"));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write(json);
        mine.close();
        QVERIFY(store.load("unit-label", 203)->description.startsWith("Our own unit label"));
        QCOMPARE(store.load("unit-label", 203)->dpi, 300); // laid out again at 203 when filled
        QByteArray mine203 = json;
        mine203.replace("\"dpi\": 300", "\"dpi\": 203").replace("Our own", "Our 203 dpi");
        QFile variant(store.userFolder() + QStringLiteral("/203dpi/unit-label.json"));
        QVERIFY(variant.open(QIODevice::WriteOnly));
        variant.write(mine203);
        variant.close();
        QVERIFY(store.load("unit-label", 203)->description.startsWith("Our 203 dpi"));
        QCOMPARE(store.load("unit-label", 203)->dpi, 203);
        QVERIFY(store.load("unit-label", 300)->description.startsWith("Our own unit label"));
        // Misplaced: a 300 dpi file in 203dpi/.
        QVERIFY(variant.open(QIODevice::WriteOnly | QIODevice::Truncate));
        variant.write(json);
        variant.close();
        auto refused = store.load("unit-label", 203);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains("203 dpi variant"), qPrintable(refused.error().message));
        // The list of templates names each label once.
        QCOMPARE(store.names().count(QStringLiteral("unit-label")), 1);
    }

    /// A Zebra asked for its resolution (~HI) gets the variant drawn for it: a 203 and a 300 dpi
    /// fake printer each receive their own layout, which zebrash renders at that printer's dots and
    /// zbarimg and dmtxread read back. --dpi overrides without asking; a printer that does not say
    /// gets the template's own; one of an unsupported resolution is refused, nothing written.
    void printerResolutionPicksTheVariant_data()
    {
        QTest::addColumn<int>("printerDpi");
        QTest::addColumn<int>("given");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("from");
        QTest::newRow("203 dpi printer") << 203 << 0 << 203 << "printer";
        QTest::newRow("300 dpi printer") << 300 << 0 << 300 << "printer";
        QTest::newRow("600 dpi printer") << 600 << 0 << 600 << "printer";
        QTest::newRow("printer does not say") << 0 << 0 << 300 << "template";
        QTest::newRow("--dpi 203 at a 300 dpi printer") << 300 << 203 << 203 << "given";
    }

    void printerResolutionPicksTheVariant()
    {
        QFETCH(int, printerDpi);
        QFETCH(int, given);
        QFETCH(int, expected);
        QFETCH(QString, from);
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDD0001"), QStringLiteral("SB0000D001"));
        test::FakeZebra zebra(test::FakeZebra::Ready, printerDpi);
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r = unitLabelTo(unit, zebra.target(), own.clock().now());
        r.dpi = given;
        auto printed = p.print(r);
        QVERIFY2(printed.ok(), qPrintable(printed ? QString() : printed.error().message));
        QCOMPARE(printed->dpi, expected);
        QCOMPARE(printed->dpiFrom, from);
        QCOMPARE(printed->delivery, LabelPrintLog::Delivery::Delivered);
        auto label = p.prepare(r.templateName, unit, r.operatorId, r.now, expected);
        QVERIFY(label.ok());
        QCOMPARE(label->layout.dpi, expected);
        if (expected == 203)
            QVERIFY(label->layout.description.contains("203 dpi")); // the variant, not a layout again
        const QByteArray zpl = ZplWriter::write(label.value());
        QVERIFY(zpl.contains("^PW" + QByteArray::number(label->layout.dots(70)) + "\n"));
        QTRY_COMPARE(zebra.closed(), given ? 1 : 2);
        QCOMPARE(zebra.received(), (given ? QByteArray() : QByteArray("~HI")) + "~HS" + zpl);
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        QTemporaryDir out;
        const QString png = renderZpl(zpl, label->layout, out.path());
        QVERIFY(!png.isEmpty());
        QVERIFY(QImage(png).width() >= label->layout.dots(70)); // the printer's dots, not the template's
        QCOMPARE(decodePng(png, "code128"), unit);
        QVERIFY(decodePng(png, "datamatrix").startsWith(unit + ';'));
    }

    void printerOfAnUnsupportedResolutionIsRefused()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDD0002"), QStringLiteral("SB0000D002"));
        test::FakeZebra zebra(test::FakeZebra::Ready, 152);
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r = unitLabelTo(unit, zebra.target(), own.clock().now());
        const QString before = own.dump();
        auto refused = p.print(r);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains("152 dpi"), qPrintable(refused.error().message));
        QCOMPARE(own.dump(), before);
        QTRY_COMPARE(zebra.closed(), 1);
        QCOMPARE(zebra.received(), QByteArray("~HI")); // asked, no label
    }

    /// A label queued while its printer did not say its resolution is laid out for the template's
    /// own; a retry to a printer that then says another keeps it queued, saying why, instead of
    /// printing it the wrong size.
    void retryKeepsALabelLaidOutForAnotherResolution()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDD0003"), QStringLiteral("SB0000D003"));
        test::FakeZebra zebra(test::FakeZebra::PaperOut, 0);
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r = unitLabelTo(unit, zebra.target(), own.clock().now());
        QVERIFY(!p.print(r).ok()); // paper out: queued, laid out for 300 dpi
        LabelPrintLog log(own.db().connection());
        QVERIFY(log.queued()->first().payload.contains("^PW827\n"));
        zebra.setAnswer(test::FakeZebra::Ready);
        zebra.setDpi(203);
        auto attempts = p.retryAll(own.clock().now());
        QVERIFY(attempts.ok());
        QCOMPARE(attempts->size(), 1);
        QVERIFY(attempts->first().error);
        QVERIFY2(attempts->first().error->message.contains("prints at 203 dpi"),
                 qPrintable(attempts->first().error->message));
        QCOMPARE(attempts->first().print.delivery, LabelPrintLog::Delivery::Queued);
        QVERIFY(attempts->first().print.detail.contains("203 dpi"));
        QCOMPARE(log.queued()->size(), 1);
        QCOMPARE(log.queued()->first().attempts, 2);
        QTRY_COMPARE(zebra.closed(), 3);
        QVERIFY(!zebra.received().contains("^XA")); // nothing printed the wrong size
        // A printer of the label's own resolution takes it.
        zebra.setDpi(300);
        auto sent = p.retryAll(own.clock().now());
        QVERIFY(sent.ok());
        QVERIFY(!sent->first().error);
        QCOMPARE(sent->first().print.delivery, LabelPrintLog::Delivery::Delivered);
        QTRY_VERIFY(zebra.received().contains("^PW827\n"));
    }

    /// The printer's font 0 has no bold: a bold field goes as a graphic drawn with the PDF's bold
    /// font, and prints darker than the same field regular.
    void boldTextIsSentAsAGraphic_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::newRow("203 dpi") << 203;
        QTest::newRow("300 dpi") << 300;
    }

    void boldTextIsSentAsAGraphic()
    {
        QFETCH(int, dpi);
        auto layout = LabelTemplate::parse(
            QStringLiteral(R"({"name":"t","kind":"unit","width_mm":60,"height_mm":20,"dpi":%1,
            "elements":[{"type":"text","x_mm":1,"y_mm":1,"w_mm":55,"h_mm":5,"text":"${x}","size_pt":9},
                        {"type":"text","x_mm":1,"y_mm":10,"w_mm":55,"h_mm":5,"text":"${x}","size_pt":9,"bold":true}]})")
                .arg(dpi)
                .toUtf8());
        QVERIFY(layout.ok());
        auto label = FilledLabel::fill(layout.value(), {{"x", "S/N UD1TESTGOLD01"}});
        QVERIFY(label.ok());
        const QByteArray zpl = ZplWriter::write(label.value());
        QCOMPARE(zpl.count("^A0N,"), 1); // the regular one, in the printer's font
        QCOMPARE(zpl.count("^GFA,"), 1); // the bold one, drawn
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        QTemporaryDir out;
        const QString png = renderZpl(zpl, layout.value(), out.path());
        QVERIFY(!png.isEmpty());
        const QImage printed = QImage(png).convertToFormat(QImage::Format_Grayscale8);
        const auto dark = [&](double yMm) {
            const LabelTemplate& l = layout.value();
            int n = 0;
            for (int y = l.dots(yMm); y < std::min(l.dots(yMm + 5), printed.height()); ++y)
                for (int x = l.dots(1); x < std::min(l.dots(56), printed.width()); ++x)
                    n += printed.constScanLine(y)[x] < 128 ? 1 : 0;
            return n;
        };
        const int regular = dark(1), bold = dark(10);
        qInfo("at %d dpi: regular %d dark dots, bold %d", dpi, regular, bold);
        QVERIFY(regular > 100);
        QVERIFY2(bold > regular * 5 / 4,
                 qPrintable(QStringLiteral("regular %1, bold %2").arg(regular).arg(bold)));
    }

    /// The printer's font 0 has no Chinese: such text goes as a graphic drawn at the label's
    /// resolution with the PDF's font, and the printer's rendering shows it where the PDF does, at
    /// a Zebra's 203 and 300 dpi.
    void chineseTextIsSentAsAGraphic_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::newRow("203 dpi") << 203;
        QTest::newRow("300 dpi") << 300;
    }

    void chineseTextIsSentAsAGraphic()
    {
        QFETCH(int, dpi);
        auto layout = LabelTemplate::parse(
            QStringLiteral(R"({"name":"t","kind":"unit","width_mm":50,"height_mm":20,"dpi":%1,
            "elements":[{"type":"text","x_mm":1,"y_mm":1,"w_mm":40,"h_mm":6,"text":"${x}","size_pt":10},
                        {"type":"text","x_mm":1,"y_mm":10,"w_mm":40,"h_mm":6,"text":"Operator ${y}"}]})")
                .arg(dpi)
                .toUtf8());
        QVERIFY(layout.ok());
        auto label =
            FilledLabel::fill(layout.value(), {{"x", QStringLiteral("批次合格 张伟")}, {"y", "OP1"}});
        QVERIFY(label.ok());
        const QByteArray zpl = ZplWriter::write(label.value());
        QCOMPARE(zpl.count("^GFA,"), 1);     // the Chinese line
        QCOMPARE(zpl.count("^A0N,"), 1);     // the Latin one, in the printer's font
        QVERIFY(!zpl.contains("_E6_89_B9")); // no UTF-8 the font would draw as boxes
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        QTemporaryDir out;
        const QString png = renderZpl(zpl, layout.value(), out.path());
        QVERIFY(!png.isEmpty());
        const QImage printed = QImage(png).convertToFormat(QImage::Format_Grayscale8);
        const auto dark = [&](int x0, int y0, int x1, int y1) {
            int n = 0;
            for (int y = y0; y < std::min(y1, printed.height()); ++y)
                for (int x = x0; x < std::min(x1, printed.width()); ++x)
                    n += printed.constScanLine(y)[x] < 128 ? 1 : 0;
            return n;
        };
        const LabelTemplate& l = layout.value();
        QVERIFY2(dark(l.dots(1), l.dots(1), l.dots(41), l.dots(7)) > 300 * dpi / 203,
                 "the Chinese text is on the label");
        QCOMPARE(dark(l.dots(42), 0, printed.width(), l.dots(9)), 0); // and only in its box
        // Where the PDF has it: the dark extent of the line's box within half a millimetre.
        const QString pdf = out.filePath("chinese.pdf");
        QVERIFY(LabelPainter::writePdf(pdf, {label.value()}).ok());
        const QString pdfPng = rasterPdf(pdf, dpi);
        QVERIFY(!pdfPng.isEmpty());
        const QImage drawn = QImage(pdfPng).convertToFormat(QImage::Format_Grayscale8);
        const QRect box(l.dots(1), l.dots(1), l.dots(40), l.dots(6));
        const QRect onPaper = darkExtent(printed, box), inPdf = darkExtent(drawn, box);
        const QString where = QStringLiteral("PDF %1,%2 %3x%4, ZPL %5,%6 %7x%8")
                                  .arg(inPdf.x())
                                  .arg(inPdf.y())
                                  .arg(inPdf.width())
                                  .arg(inPdf.height())
                                  .arg(onPaper.x())
                                  .arg(onPaper.y())
                                  .arg(onPaper.width())
                                  .arg(onPaper.height());
        qInfo("Chinese line at %d dpi: %s", dpi, qPrintable(where));
        const int tolerance = l.dots(0.5);
        QVERIFY2(!inPdf.isEmpty() && std::abs(inPdf.left() - onPaper.left()) <= tolerance &&
                     std::abs(inPdf.top() - onPaper.top()) <= tolerance &&
                     std::abs(inPdf.right() - onPaper.right()) <= tolerance &&
                     std::abs(inPdf.bottom() - onPaper.bottom()) <= tolerance,
                 qPrintable(where));
    }

    /// Plain text goes to the printer in its font 0, wrapped by ^FB to the lines its box holds,
    /// while the fit check measures it in the PDF's font: text that check takes at its longest
    /// must need no more lines in font 0, or ^FB would drop the last. Each string (narrow and
    /// wide glyphs, digits and dashes, with and without places to wrap) is cut to the longest the
    /// check takes, and rendered with the line limit lifted: its ink ends inside the box.
    void plainTextTheFitCheckTakesPrintsWholeInFontZero_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::addColumn<QString>("text");
        const char* texts[] = {
            "Stripped 2026-10-30 by OP2 at STRIP-01 from lot LOT-261029-3",
            "WWWWWW MMMMMM WWWWWW MMMMMM WWWWWW MMMMMM WWWWWW",
            "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
            "1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1",
            "2026-10-30 2026-10-30 2026-10-30 2026-10-30 2026-10-30 2026-10-30",
            "l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l l.l.l",
            "MS306077806211 MS306077806211 MS306077806211 MS306077806211 MS306077806211",
        };
        for (int dpi : {203, 300}) {
            for (std::size_t i = 0; i < std::size(texts); ++i)
                QTest::addRow("%d dpi, text %d", dpi, int(i + 1)) << dpi << QString::fromLatin1(texts[i]);
        }
    }

    void plainTextTheFitCheckTakesPrintsWholeInFontZero()
    {
        QFETCH(int, dpi);
        QFETCH(QString, text);
        auto layout = LabelTemplate::parse(
            QStringLiteral(R"({"name":"t","kind":"unit","width_mm":50,"height_mm":14,"dpi":%1,
            "elements":[{"type":"text","x_mm":1,"y_mm":1,"w_mm":40,"h_mm":8,"text":"${x}","size_pt":9}]})")
                .arg(dpi)
                .toUtf8());
        QVERIFY(layout.ok());
        auto label = FilledLabel::fill(layout.value(), {{"x", text}});
        while (!label && text.size() > 1) {
            text.chop(1);
            label = FilledLabel::fill(layout.value(), {{"x", text}});
        }
        QVERIFY(label.ok());
        QByteArray zpl = ZplWriter::write(label.value());
        static const QRegularExpression block(QStringLiteral("\\^FB(\\d+),(\\d+),"));
        const QRegularExpressionMatch fb = block.match(QString::fromLatin1(zpl));
        QVERIFY2(fb.hasMatch(), zpl.constData()); // in the printer's font, not a graphic
        const int lines = fb.captured(2).toInt();
        zpl.replace(fb.capturedStart(), fb.capturedLength(), "^FB" + fb.captured(1).toLatin1() + ",9,");
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        QTemporaryDir out;
        const QString png = renderZpl(zpl, layout.value(), out.path());
        QVERIFY(!png.isEmpty());
        const QImage printed = QImage(png).convertToFormat(QImage::Format_Grayscale8);
        const LabelTemplate& l = layout.value();
        const QRect ink = darkExtent(printed, printed.rect());
        const QString what =
            QStringLiteral("\"%1\" (%2 characters, %3 lines allowed): ink to y %4, box to y %5")
                .arg(text)
                .arg(text.size())
                .arg(lines)
                .arg(ink.bottom())
                .arg(l.dots(1 + 8));
        qInfo("%s", qPrintable(what));
        QVERIFY2(!ink.isEmpty() && ink.bottom() <= l.dots(1 + 8), qPrintable(what));
    }

    void zplFieldDataCannotInjectCommands()
    {
        auto layout =
            LabelTemplate::parse(R"({"name":"t","kind":"unit","width_mm":50,"height_mm":20,"dpi":203,
            "elements":[{"type":"text","x_mm":1,"y_mm":1,"w_mm":40,"h_mm":10,"text":"${x}"}]})");
        QVERIFY(layout.ok());
        const QByteArray zpl =
            ZplWriter::write(FilledLabel::fill(layout.value(), {{"x", "A^XZ~JA_1\né"}}).value());
        QVERIFY(zpl.contains("^FDA_5EXZ_7EJA_5F1_0A_C3_A9^FS"));
        QCOMPARE(zpl.count("^XZ"), 1); // only the label's own end
    }

    void sendDeliversTheExactBytes()
    {
        test::TcpListener printerPort;
        QVERIFY(printerPort.listening);
        auto layout = LabelTemplateStore(t->folder()).load("unit-label");
        auto label = printer().prepare("unit-label", units.at(1), "OP1", t->clock().now());
        QVERIFY(label.ok());
        const QByteArray expected = ZplWriter::write(label.value());
        auto printed = printer().print(
            request("unit-label", units.at(1), LabelPrinter::Output::Send, printerPort.target()));
        QVERIFY2(printed.ok(), qPrintable(printed ? QString() : printed.error().message));
        QTRY_COMPARE(printerPort.closed, 2);
        // The resolution asked on a connection of its own, then the host status query and the
        // label; this listener never answers either, so the label is laid out for the template's
        // own dpi and sent, not confirmed.
        QCOMPARE(printerPort.received, "~HI~HS" + expected);
        QCOMPARE(printed->dpi, 300);
        QCOMPARE(printed->dpiFrom, QStringLiteral("template"));
        QCOMPARE(printed->delivery, LabelPrintLog::Delivery::SentUnconfirmed);
        QCOMPARE(lastPrint(units.at(1)).delivery, LabelPrintLog::Delivery::SentUnconfirmed);
        QCOMPARE(LabelPrintLog(t->db().connection()).queued()->size(), 0);
    }

    void unreachablePrinterKeepsTheLabelQueued()
    {
        quint16 port = 0;
        {
            test::TcpListener closed;
            port = closed.server.serverPort();
        } // nobody listens there now
        const QString target = QStringLiteral("127.0.0.1:%1").arg(port);
        auto printed =
            printer().print(request("unit-label", units.at(2), LabelPrinter::Output::Send, target));
        QVERIFY(!printed.ok());
        QCOMPARE(printed.error().code, ErrorCode::PrinterUnreachable);
        QVERIFY(printed.error().message.contains(target));
        auto queue = LabelPrintLog(t->db().connection()).queued();
        QCOMPARE(queue->size(), 1);
        QCOMPARE(queue->first().attempts, 1);
        QCOMPARE(lastPrint(units.at(2)).delivery, LabelPrintLog::Delivery::Failed);
        QVERIFY(lastPrint(units.at(2)).detail.contains(target));
        const QByteArray payload = queue->first().payload;
        QVERIFY(payload.startsWith("^XA"));
        // Still unreachable: kept again, attempt counted.
        QVERIFY(!printer().retryQueued().ok());
        QCOMPARE(LabelPrintLog(t->db().connection()).queued()->first().attempts, 2);
        // The printer is back: the same bytes arrive, once, and the queue empties.
        test::TcpListener back(port);
        QVERIFY(back.listening);
        auto sent = printer().retryQueued();
        QVERIFY(sent.ok());
        QCOMPARE(sent.value(), 1);
        QTRY_COMPARE(back.closed, 2);
        QCOMPARE(back.received, "~HI~HS" + payload); // its resolution asked first (no answer here)
        QCOMPARE(LabelPrintLog(t->db().connection()).queued()->size(), 0);
        QCOMPARE(printer().retryQueued().value(), 0);
    }

    /// A Zebra asked for its host status before the label: one that cannot print keeps the label
    /// queued with the reason in plain words and receives nothing more; a ready one gets the label
    /// and it is delivered; a silent one gets it, unconfirmed. Only a label that may be on paper
    /// makes the next print a reprint.
    void zebraStatusDecidesDelivery_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<QString>("says");
        QTest::addColumn<int>("state");
        using Z = test::FakeZebra;
        using D = LabelPrintLog::Delivery;
        QTest::newRow("paper out") << int(Z::PaperOut) << "paper out" << int(D::Queued);
        QTest::newRow("head open") << int(Z::HeadOpen) << "print head open" << int(D::Queued);
        QTest::newRow("ribbon out") << int(Z::RibbonOut) << "ribbon out" << int(D::Queued);
        QTest::newRow("paused") << int(Z::Paused) << "paused" << int(D::Queued);
        QTest::newRow("ready") << int(Z::Ready) << "" << int(D::Delivered);
        QTest::newRow("never answers") << int(Z::Silent) << "" << int(D::SentUnconfirmed);
    }

    void zebraStatusDecidesDelivery()
    {
        QFETCH(int, answer);
        QFETCH(QString, says);
        QFETCH(int, state);
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDZ0001"), QStringLiteral("SB0000Z001"));
        test::FakeZebra zebra(static_cast<test::FakeZebra::Answer>(answer));
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r = unitLabelTo(unit, zebra.target(), own.clock().now());
        const QByteArray zpl = ZplWriter::write(p.prepare(r.templateName, unit, r.operatorId, r.now).value());
        auto printed = p.print(r);
        QTRY_COMPARE(zebra.closed(), 2); // ~HI, then ~HS and the label
        LabelPrintLog log(own.db().connection());
        const LabelPrintLog::Print recorded = log.history(unit)->last();
        QCOMPARE(int(recorded.delivery), state);
        if (!says.isEmpty()) {
            QVERIFY(!printed.ok());
            QCOMPARE(printed.error().field, QStringLiteral("printer_status"));
            QVERIFY2(printed.error().message.contains(says), qPrintable(printed.error().message));
            QCOMPARE(zebra.received(), QByteArray("~HI~HS")); // asked, and sent nothing
            QVERIFY(recorded.detail.contains(says));
            QCOMPARE(log.queued()->size(), 1);
            QCOMPARE(log.queued()->first().attempts, 1);
            // Still queued: the next print is not a reprint, and the queued one can be retried.
            QVERIFY(!log.printedBefore(r.templateName, unit).value());
            zebra.setAnswer(test::FakeZebra::Ready);
            auto retried = p.retryAll(own.clock().now());
            QVERIFY(retried.ok());
            QCOMPARE(retried->size(), 1);
            QVERIFY(!retried->first().error);
            QCOMPARE(retried->first().print.delivery, LabelPrintLog::Delivery::Delivered);
            QTRY_COMPARE(zebra.closed(), 4);
            QCOMPARE(zebra.received(), "~HI~HS~HI~HS" + zpl);
            QCOMPARE(log.queued()->size(), 0);
        } else {
            QVERIFY2(printed.ok(), qPrintable(printed ? QString() : printed.error().message));
            QCOMPARE(int(printed->delivery), state);
            QCOMPARE(zebra.received(), "~HI~HS" + zpl);
            QCOMPARE(log.queued()->size(), 0);
        }
        if (state == int(LabelPrintLog::Delivery::SentUnconfirmed)) {
            // Not known to be on paper: no reprint, but said to be outstanding.
            QVERIFY(!log.printedBefore(r.templateName, unit).value());
            QCOMPARE(log.outstanding(r.templateName, unit)->unconfirmed, 1);
            auto second = p.print(r);
            QVERIFY2(second.ok(), qPrintable(second ? QString() : second.error().message));
            QVERIFY(!second->reprint);
            return;
        }
        // Delivered: a second print needs a reason.
        QVERIFY(log.printedBefore(r.templateName, unit).value());
        QCOMPARE(log.outstanding(r.templateName, unit)->unconfirmed, 0);
        QCOMPARE(p.print(r).error().field, QStringLiteral("reason"));
    }

    /// A printer that takes the connection and drops it at once printed nothing: the attempt is
    /// failed, the label stays queued, and the next print is not a reprint.
    void printerThatHangsUpKeepsTheLabelQueued()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDH0001"), QStringLiteral("SB0000H001"));
        test::FakeZebra zebra(test::FakeZebra::HangsUp);
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r = unitLabelTo(unit, zebra.target(), own.clock().now());
        auto printed = p.print(r);
        QVERIFY(!printed.ok());
        QCOMPARE(printed.error().code, ErrorCode::PrinterUnreachable);
        QVERIFY2(printed.error().message.contains(zebra.target()), qPrintable(printed.error().message));
        LabelPrintLog log(own.db().connection());
        const LabelPrintLog::Print recorded = log.history(unit)->last();
        QCOMPARE(recorded.delivery, LabelPrintLog::Delivery::Failed);
        QCOMPARE(log.queued()->size(), 1);
        QVERIFY(!log.printedBefore(r.templateName, unit).value());
        QCOMPARE(log.outstanding(r.templateName, unit)->queued, 1);
        QCOMPARE(zebra.received(), QByteArray()); // it read nothing
    }

    /// A printer that takes the connection and never reads answers no status: the label goes
    /// into its socket, and is recorded as sent, unconfirmed (not delivered), within the timeouts.
    void printerThatNeverReadsIsSentUnconfirmed()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDN0001"), QStringLiteral("SB0000N001"));
        test::FakeZebra zebra(test::FakeZebra::NeverReads);
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r = unitLabelTo(unit, zebra.target(), own.clock().now());
        QElapsedTimer took;
        took.start();
        auto printed = p.print(r);
        QVERIFY2(printed.ok(), qPrintable(printed ? QString() : printed.error().message));
        QVERIFY2(took.elapsed() < 3000, qPrintable(QString::number(took.elapsed())));
        QCOMPARE(printed->delivery, LabelPrintLog::Delivery::SentUnconfirmed);
        LabelPrintLog log(own.db().connection());
        QCOMPARE(log.history(unit)->last().delivery, LabelPrintLog::Delivery::SentUnconfirmed);
        QCOMPARE(log.queued()->size(), 0);
        QVERIFY(!log.printedBefore(r.templateName, unit).value());
        QCOMPARE(log.outstanding(r.templateName, unit)->unconfirmed, 1);
        QCOMPARE(zebra.received(), QByteArray());
    }

    /// A printer name nothing answers to: the label stays queued saying so, and can be cancelled
    /// (label cancel), audited.
    void unknownPrinterNameKeepsTheLabelUntilCancelled()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDU0001"), QStringLiteral("SB0000U001"));
        LabelPrinter p = printerOn(own);
        const LabelPrinter::Request r =
            unitLabelTo(unit, QStringLiteral("nohost.invalid:9100"), own.clock().now());
        auto printed = p.print(r);
        QVERIFY(!printed.ok());
        QCOMPARE(printed.error().code, ErrorCode::PrinterUnreachable);
        QVERIFY2(printed.error().message.contains("no computer on this network is called nohost.invalid"),
                 qPrintable(printed.error().message));
        LabelPrintLog log(own.db().connection());
        const LabelPrintLog::Print recorded = log.history(unit)->last();
        QCOMPARE(recorded.delivery, LabelPrintLog::Delivery::Failed);
        QVERIFY2(recorded.detail.contains("nohost.invalid"), qPrintable(recorded.detail));
        QCOMPARE(log.queued()->size(), 1);
        // Still unknown on retry: kept, the attempt counted.
        auto again = p.retryAll(own.clock().now());
        QVERIFY(again.ok());
        QCOMPARE(again->size(), 1);
        QVERIFY(again->first().error);
        QCOMPARE(log.queued()->first().attempts, 2);
        auto cancelled = log.cancel(recorded.id, "printer renamed", "OP1", "PACK-1", own.clock().now());
        QVERIFY2(cancelled.ok(), qPrintable(cancelled ? QString() : cancelled.error().message));
        QCOMPARE(cancelled->delivery, LabelPrintLog::Delivery::Cancelled);
        QCOMPARE(log.queued()->size(), 0);
        QCOMPARE(sql::scalar(own.db().connection(),
                             QStringLiteral("SELECT count(*) FROM audit_log WHERE kind = 'label_cancelled' "
                                            "AND operator_id = 'OP1' AND detail LIKE ?"),
                             {QStringLiteral("%") + recorded.id + QStringLiteral("%")})
                     .value()
                     .toInt(),
                 1);
        QCOMPARE(p.retryAll(own.clock().now())->size(), 0);
    }

    /// `retry` reports every label: each delivered one and each one still kept, with its reason.
    void retryReportsEveryLabel()
    {
        test::TestDatabase own;
        QStringList serials;
        for (int i = 1; i <= 3; ++i)
            serials << own.testedUnit(QStringLiteral("CARDR000%1").arg(i),
                                      QStringLiteral("SB0000R00%1").arg(i));
        test::FakeZebra ready(test::FakeZebra::PaperOut), empty(test::FakeZebra::PaperOut),
            open(test::FakeZebra::HeadOpen);
        LabelPrinter p = printerOn(own);
        const QList<test::FakeZebra*> zebras{&ready, &empty, &open};
        for (int i = 0; i < 3; ++i) {
            LabelPrinter::Request r;
            r.templateName = QStringLiteral("unit-label");
            r.subject = serials.at(i);
            r.output = LabelPrinter::Output::Send;
            r.target = zebras.at(i)->target();
            r.operatorId = QStringLiteral("OP1");
            r.stationId = QStringLiteral("PACK-1");
            r.now = own.clock().now();
            r.copies = 2;
            QVERIFY(!p.print(r).ok());
        }
        ready.setAnswer(test::FakeZebra::Ready);
        auto attempts = p.retryAll(own.clock().now());
        QVERIFY(attempts.ok());
        QCOMPARE(attempts->size(), 3);
        QStringList outcome;
        for (const LabelPrinter::Attempt& a : attempts.value())
            outcome << a.print.subject + QLatin1Char(':') + LabelPrintLog::deliveryName(a.print.delivery) +
                           (a.error ? QLatin1Char(':') + a.error->message.section(QLatin1Char(';'), 0, 0)
                                    : QString());
        outcome.sort();
        QCOMPARE(outcome, (QStringList{serials.at(0) + ":delivered",
                                       serials.at(1) + ":queued:the printer at " + empty.target() +
                                           " reports: paper out",
                                       serials.at(2) + ":queued:the printer at " + open.target() +
                                           " reports: print head open"}));
        QVERIFY(ready.received().endsWith("^PQ2\n^XZ\n"));
        QCOMPARE(LabelPrintLog(own.db().connection()).history(serials.at(0))->first().copies, 2);
    }

    /// A queued label can be taken out of the queue, with a reason, by someone who may print; the
    /// cancel is audited; a delivered label cannot be cancelled.
    void cancelTakesAQueuedLabelOut()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDC0001"), QStringLiteral("SB0000C001"));
        test::FakeZebra zebra(test::FakeZebra::PaperOut);
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r;
        r.templateName = QStringLiteral("unit-label");
        r.subject = unit;
        r.output = LabelPrinter::Output::Send;
        r.target = zebra.target();
        r.operatorId = QStringLiteral("OP1");
        r.stationId = QStringLiteral("PACK-1");
        r.now = own.clock().now();
        QVERIFY(!p.print(r).ok());
        LabelPrintLog log(own.db().connection());
        const QString id = log.history(unit)->last().id;
        // Refused without changing anything: no reason, no permission, an unknown id.
        const QString before = own.dump();
        QCOMPARE(log.cancel(id, "  ", "OP1", "PACK-1", own.clock().now()).error().code,
                 ErrorCode::MissingField);
        QCOMPARE(log.cancel(id, "x", "GHOST", "PACK-1", own.clock().now()).error().code,
                 ErrorCode::NotPermitted);
        QCOMPARE(log.cancel("no-such-print", "x", "OP1", "PACK-1", own.clock().now()).error().code,
                 ErrorCode::UnknownField);
        QCOMPARE(own.dump(), before);
        auto cancelled =
            log.cancel(id, "printer out of labels, printed at PACK-2", "OP1", "PACK-1", own.clock().now());
        QVERIFY2(cancelled.ok(), qPrintable(cancelled ? QString() : cancelled.error().message));
        QCOMPARE(cancelled->delivery, LabelPrintLog::Delivery::Cancelled);
        QCOMPARE(log.history(unit)->last().detail,
                 QStringLiteral("printer out of labels, printed at PACK-2"));
        QCOMPARE(log.queued()->size(), 0);
        QCOMPARE(sql::scalar(own.db().connection(),
                             QStringLiteral("SELECT count(*) FROM audit_log WHERE kind = 'label_cancelled' "
                                            "AND operator_id = 'OP1' AND detail LIKE ?"),
                             {QStringLiteral("%") + id + QStringLiteral("%")})
                     .value()
                     .toInt(),
                 1);
        QVERIFY(AuditLog(own.db().connection()).verify().value() == 0);
        // Cancelled: nothing left to cancel, no retry, and the next print is a first print.
        QCOMPARE(log.cancel(id, "again", "OP1", "PACK-1", own.clock().now()).error().code,
                 ErrorCode::OutOfOrder);
        QCOMPARE(p.retryAll(own.clock().now())->size(), 0);
        QVERIFY(!log.printedBefore(r.templateName, unit).value());
        QCOMPARE(zebra.received(), QByteArray("~HI~HS"));
    }

    void copiesArePrintedAndRecorded()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDQ0001"), QStringLiteral("SB0000Q001"));
        LabelPrinter p(own.db().connection(), own.folder());
        QTemporaryDir out;
        LabelPrinter::Request r;
        r.templateName = QStringLiteral("unit-label");
        r.subject = unit;
        r.output = LabelPrinter::Output::Zpl;
        r.target = out.filePath("three.zpl");
        r.stationId = QStringLiteral("PACK-1");
        r.operatorId = QStringLiteral("OP1");
        r.now = own.clock().now();
        r.copies = 3;
        auto printed = p.print(r);
        QVERIFY2(printed.ok(), qPrintable(printed ? QString() : printed.error().message));
        QFile zpl(r.target);
        QVERIFY(zpl.open(QIODevice::ReadOnly));
        QVERIFY(zpl.readAll().endsWith("^PQ3\n^XZ\n"));
        const LabelPrintLog::Print recorded = LabelPrintLog(own.db().connection()).history(unit)->last();
        QCOMPARE(recorded.copies, 3);
        QCOMPARE(recorded.delivery, LabelPrintLog::Delivery::Delivered);
        // Three pages in a PDF.
        r.output = LabelPrinter::Output::Pdf;
        r.target = out.filePath("three.pdf");
        r.reason = QStringLiteral("a PDF for the customer");
        QVERIFY(p.print(r).ok());
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {r.target});
        QVERIFY(info.waitForFinished(30000));
        QVERIFY2(
            QString::fromUtf8(info.readAllStandardOutput()).contains(QRegularExpression("Pages:\\s+3\\b")),
            "three pages");
        const QString before = own.dump();
        for (int bad : {0, 100}) {
            r.copies = bad;
            QCOMPARE(p.print(r).error().code, ErrorCode::OutOfRange);
        }
        QCOMPARE(own.dump(), before);
    }

    void badPrinterAddressWritesNothing()
    {
        const QString before = t->dump();
        for (const char* target : {"printer", "host:0", "host:99999", "a b:9100", ":9100"}) {
            auto r = printer().print(
                request("die-traveler", die, LabelPrinter::Output::Send, QString::fromLatin1(target)));
            QVERIFY(!r.ok());
        }
        QCOMPARE(t->dump(), before);
    }

    void reprintsNeedAReasonAndAreLogged()
    {
        QTemporaryDir out;
        const QString path = out.filePath("again.pdf");
        const QString before = t->dump();
        auto refused = printer().print(request("die-traveler", die, LabelPrinter::Output::Pdf, path));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::MissingField);
        QVERIFY(!QFile::exists(path)); // nothing written for a refused reprint
        QCOMPARE(t->dump(), before);
        auto r = request("die-traveler", die, LabelPrinter::Output::Pdf, path);
        r.reason = QStringLiteral("label torn in reflow");
        r.operatorId = QStringLiteral("SUP1");
        auto again = printer().print(r);
        QVERIFY(again.ok());
        QVERIFY(again->reprint);
        auto history = LabelPrintLog(t->db().connection()).history(die);
        QCOMPARE(history->size(), 2);
        QVERIFY(!history->first().reprint);
        QCOMPARE(history->last().reason, QStringLiteral("label torn in reflow"));
        QCOMPARE(history->last().operatorId, QStringLiteral("SUP1"));
        // The log is append-only.
        QVERIFY(!sql::run(t->db().connection(), QStringLiteral("DELETE FROM label_prints")).ok());
        QVERIFY(!sql::run(t->db().connection(), QStringLiteral("UPDATE label_prints SET reason = 'x'")).ok());
    }

    /// label.print by role, checked by the core for every caller: without the permission (or as
    /// SYSTEM, or as an unknown id) nothing is printed or written.
    void printingNeedsLabelPrint_data()
    {
        QTest::addColumn<QString>("operatorId");
        QTest::addColumn<bool>("withdrawn"); // the operator role's label.print row deleted
        QTest::addColumn<bool>("printed");
        QTest::newRow("operator") << "OP1" << false << true;
        QTest::newRow("supervisor") << "SUP1" << false << true;
        QTest::newRow("operator, withdrawn") << "OP1" << true << false;
        QTest::newRow("supervisor, operator's withdrawn") << "SUP1" << true << true;
        QTest::newRow("SYSTEM") << "SYSTEM" << false << false;
        QTest::newRow("unknown") << "GHOST" << false << false;
    }

    void printingNeedsLabelPrint()
    {
        QFETCH(QString, operatorId);
        QFETCH(bool, withdrawn);
        QFETCH(bool, printed);
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDP0001"), QStringLiteral("SB00000009"));
        if (withdrawn)
            QVERIFY(sql::run(own.db().connection(), QStringLiteral("DELETE FROM permissions WHERE role = "
                                                                   "'operator' AND action = 'label.print'"))
                        .ok());
        QTemporaryDir out;
        LabelPrinter::Request r;
        r.templateName = QStringLiteral("unit-label");
        r.subject = unit;
        r.output = LabelPrinter::Output::Pdf;
        r.target = out.filePath(QStringLiteral("u.pdf"));
        r.stationId = QStringLiteral("PACK-1");
        r.operatorId = operatorId;
        r.now = own.clock().now();
        const QString before = own.dump();
        auto result = LabelPrinter(own.db().connection(), own.folder()).print(r);
        QCOMPARE(result.ok(), printed);
        QCOMPARE(QFile::exists(r.target), printed);
        if (!printed) {
            QCOMPARE(result.error().code, ErrorCode::NotPermitted);
            QCOMPARE(own.dump(), before);
        }
    }

    /// Migration 0021 gives every print made before it a state: files delivered, a label still in
    /// the queue queued or failed, a label the old code sent unconfirmed (it never asked).
    void earlierPrintsGetTheirDeliveryState()
    {
        test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDM0001"), QStringLiteral("SB0000M001"));
        const QString unsent = own.testedUnit(QStringLiteral("CARDM0002"), QStringLiteral("SB0000M002"));
        QTemporaryDir out;
        LabelPrinter p = printerOn(own);
        LabelPrinter::Request r;
        r.templateName = QStringLiteral("unit-label");
        r.subject = unit;
        r.output = LabelPrinter::Output::Pdf;
        r.target = out.filePath("u.pdf");
        r.stationId = QStringLiteral("PACK-1");
        r.operatorId = QStringLiteral("OP1");
        r.now = own.clock().now();
        QVERIFY(p.print(r).ok());
        test::FakeZebra zebra(test::FakeZebra::Ready);
        r.output = LabelPrinter::Output::Send;
        r.target = zebra.target();
        r.reason = QStringLiteral("second box");
        QVERIFY(p.print(r).ok());
        r.subject = unsent;
        r.target = QStringLiteral("127.0.0.1:1"); // nobody listens: failed, queued
        r.reason.clear();
        QVERIFY(!p.print(r).ok());
        QVERIFY(sql::run(own.db().connection(), QStringLiteral("DROP TABLE label_delivery")).ok());
        own.takeBackTo(20);
        own.reopen();
        LabelPrintLog log(own.db().connection());
        const auto states = [&](const QString& subject) {
            QStringList found;
            const auto history = log.history(subject);
            for (const LabelPrintLog::Print& print : history.value())
                found << LabelPrintLog::deliveryName(print.delivery) + QLatin1Char('/') +
                             QString::number(print.copies);
            return found;
        };
        QCOMPARE(states(unit), (QStringList{"delivered/1", "sent_unconfirmed/1"}));
        QCOMPARE(states(unsent), (QStringList{"failed/1"}));
        QVERIFY(log.history(unsent)->first().detail.contains("127.0.0.1:1"));
    }

    void wrongKindOfItemIsRefused()
    {
        QTemporaryDir out;
        auto r = printer().print(
            request("batch-label", units.first(), LabelPrinter::Output::Pdf, out.filePath("x.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::UnknownSerial);
        auto unknown = printer().print(
            request("unit-label", "UD1NOSUCHUNIT", LabelPrinter::Output::Pdf, out.filePath("y.pdf")));
        QCOMPARE(unknown.error().code, ErrorCode::UnknownSerial);
    }
};

QTEST_MAIN(TestLabelOutput)
#include "TestLabelOutput.moc"
