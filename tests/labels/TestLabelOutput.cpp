// Labels as they leave the program: PDFs whose barcodes a scanner tool reads back exactly, ZPL
// identical to golden files, the exact bytes a network printer receives, a queue that keeps
// what an unreachable printer did not take, and reprints that need a reason.
#include "TcpListener.h"
#include "TestDatabase.h"
#include "labels/LabelPainter.h"
#include "labels/LabelPrinter.h"
#include "labels/LabelTemplateStore.h"
#include "labels/ZplWriter.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

namespace {

/// What zbarimg reads in a PNG, for one symbology ("code128", "qrcode"), or dmtxread for
/// "datamatrix".
QString decodePng(const QString& png, const char* symbology)
{
    if (qstrcmp(symbology, "datamatrix") == 0) {
        QProcess dmtx;
        dmtx.start(QStringLiteral("dmtxread"),
                   {QStringLiteral("-n"), QStringLiteral("-m"), QStringLiteral("20000"), png});
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

/// What zbarimg reads in a PDF's first page at 300 dpi, for one symbology ("code128", "qrcode").
QString decode(const QString& pdf, const char* symbology)
{
    const QString png = pdf + QStringLiteral("-page");
    QProcess raster;
    raster.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-png"),
                  QStringLiteral("-singlefile"), pdf, png});
    if (!raster.waitForFinished(30000) || raster.exitCode() != 0)
        return QStringLiteral("<pdftoppm failed>");
    return decodePng(png + QStringLiteral(".png"), symbology);
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
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), rendererModules());
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"),
               {QStringLiteral(REWORK_SOURCE_DIR "/tests/labels/render-zpl.cjs"), file.fileName(), png,
                QString::number(t.widthMm), QString::number(t.heightMm), QString::number(t.dpi / 25.4)});
    if (!node.waitForFinished(60000) || node.exitCode() != 0) {
        qWarning("zebrash: %s", node.readAllStandardError().constData());
        return {};
    }
    return png;
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

} // namespace

class TestLabelOutput : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    QString die, batch;
    QStringList units;

    LabelPrinter printer() { return LabelPrinter(t->db().connection(), t->folder()); }
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
            QCOMPARE(zpl, golden.readAll());
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

    void zplDecodesSpecialCharacters_data()
    {
        QTest::addColumn<QString>("symbology");
        QTest::addColumn<QString>("zbar");
        QTest::newRow("code128") << "code128"
                                 << "code128";
        QTest::newRow("qr") << "qr"
                            << "qrcode";
    }

    void zplDecodesSpecialCharacters()
    {
        QFETCH(QString, symbology);
        QFETCH(QString, zbar);
        if (zbar == QLatin1String("datamatrix") && QStandardPaths::findExecutable("dmtxread").isEmpty())
            QSKIP("dmtxread (dmtx-utils) not installed");
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        const QString data = QStringLiteral("A^B~C_D\\E>F");
        LabelTemplate layout = symbolLabel(symbology.toLatin1().constData(), 60, 20);
        auto label = FilledLabel::fill(layout, {{"x", data}});
        QVERIFY2(label.ok(), qPrintable(label ? QString() : label.error().message));
        QTemporaryDir out;
        const QString png = renderZpl(ZplWriter::write(label.value()), layout, out.path());
        QVERIFY(!png.isEmpty());
        QCOMPARE(decodePng(png, zbar.toLatin1().constData()), data);
    }

    void batchQrDecodesTheSameInZplAndPdfOrIsRefused_data()
    {
        QTest::addColumn<int>("count");
        for (int n : {3, 48, 80, 200})
            QTest::addRow("%d units", n) << n;
    }

    void batchQrDecodesTheSameInZplAndPdfOrIsRefused()
    {
        QFETCH(int, count);
        if (rendererModules().isEmpty())
            QSKIP("zpl-renderer-js not installed; set REWORK_ZPL_RENDERER_MODULES to its node_modules");
        LabelData::Variables v = goldenVariables();
        QStringList serials;
        for (int i = 1; i <= count; ++i)
            serials << QStringLiteral("UD1TESTG%1").arg(i, 5, 10, QLatin1Char('0'));
        v.insert("batch.serials", serials.join(QLatin1Char('\n')));
        v.insert("batch.count", QString::number(count));
        auto layout = LabelTemplateStore(t->folder()).load("batch-label");
        QVERIFY(layout.ok());
        auto label = FilledLabel::fill(layout.value(), v);
        if (!label) {
            // Too many modules for the element, or too much data for a QR at all.
            QVERIFY2(label.error().code == ErrorCode::OutOfRange ||
                         label.error().code == ErrorCode::InvalidValue,
                     qPrintable(label.error().message));
            QVERIFY2(label.error().message.contains("does not fit") ||
                         label.error().message.contains("cannot be encoded"),
                     qPrintable(label.error().message));
            QVERIFY2(count > 48, "a batch of up to 48 units fits the shipped batch label");
            return;
        }
        const QString payload = v.value("batch.id") + QLatin1Char('\n') + v.value("batch.serials");
        QTemporaryDir out;
        const QString pdf = out.filePath("batch.pdf");
        QVERIFY(LabelPainter::writePdf(pdf, {label.value()}).ok());
        QCOMPARE(decode(pdf, "qrcode"), payload);
        const QString png = renderZpl(ZplWriter::write(label.value()), layout.value(), out.path());
        QVERIFY(!png.isEmpty());
        QCOMPARE(decodePng(png, "qrcode"), payload);
        QCOMPARE(decodePng(png, "code128"), v.value("batch.id"));
    }

    void zplFieldDataCannotInjectCommands()
    {
        auto layout =
            LabelTemplate::parse(R"({"name":"t","kind":"unit","width_mm":50,"height_mm":20,"dpi":203,
            "elements":[{"type":"text","x_mm":1,"y_mm":1,"w_mm":40,"h_mm":10,"text":"${x}"}]})");
        QVERIFY(layout.ok());
        const QByteArray zpl =
            ZplWriter::write(FilledLabel::fill(layout.value(), {{"x", "A^XZ~JA_1\n中"}}).value());
        QVERIFY(zpl.contains("^FDA_5EXZ_7EJA_5F1_0A_E4_B8_AD^FS"));
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
        QTRY_COMPARE(printerPort.closed, 1);
        QCOMPARE(printerPort.received, expected);
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
        QTRY_COMPARE(back.closed, 1);
        QCOMPARE(back.received, payload);
        QCOMPARE(LabelPrintLog(t->db().connection()).queued()->size(), 0);
        QCOMPARE(printer().retryQueued().value(), 0);
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
