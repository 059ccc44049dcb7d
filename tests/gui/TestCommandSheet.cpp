// Barcodes from libzint, painted on whole dots: the printed sheet must scan. The PDF is rasterised
// at 300 and 203 dpi with pdftoppm and decoded with zbarimg, as a scanner would read the paper.
#include "TestDatabase.h"
#include "labels/BarcodeSymbol.h"
#include "labels/CommandSheet.h"
#include "storage/WorkflowConfigLoader.h"

#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

class TestCommandSheet : public QObject
{
    Q_OBJECT

private slots:
    void encodesWithZint()
    {
        auto code = BarcodeSymbol::encode(BarcodeSymbol::Type::Code128, QStringLiteral("#SAVE"));
        QVERIFY(code.ok());
        QCOMPARE(code->rows(), 1);
        QVERIFY(code->columns() > 40);
        QVERIFY(code->isDark(0, 0)); // every Code 128 starts with a bar
        auto qr =
            BarcodeSymbol::encode(BarcodeSymbol::Type::QrCode, QStringLiteral("B2611-001 U0000000000CD"));
        QVERIFY(qr.ok());
        QCOMPARE(qr->rows(), qr->columns());
        QVERIFY(qr->rows() >= 21);
        auto empty = BarcodeSymbol::encode(BarcodeSymbol::Type::Code128, QString());
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().field, QStringLiteral("barcode"));
    }

    void everyCommandOnTheSheetScans()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
            QFAIL("pdftoppm and zbarimg are needed (packaging/install-deps.sh installs them)");
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("commands.pdf"));
        const QHash<QString, QString> defects{{QStringLiteral("VOIDS"), QStringLiteral("inspect")},
                                              {QStringLiteral("BRIDGE"), QStringLiteral("inspect")},
                                              {QStringLiteral("FAULTY_MEMORY"), QStringLiteral("test")},
                                              {QStringLiteral("PCIE_DEGRADED"), QStringLiteral("test")}};
        QVERIFY(CommandSheet::writePdf(pdf, defects).ok());

        QProcess raster;
        raster.start(QStringLiteral("pdftoppm"),
                     {"-r", "300", "-png", pdf, dir.filePath(QStringLiteral("page"))});
        QVERIFY(raster.waitForFinished(60000));
        QCOMPARE(raster.exitCode(), 0);
        QProcess decode;
        decode.start(QStringLiteral("zbarimg"), {"-q", "--raw", dir.filePath(QStringLiteral("page-1.png"))});
        QVERIFY(decode.waitForFinished(60000));
        QSet<QString> decoded;
        for (const QString& line :
             QString::fromUtf8(decode.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
            decoded.insert(line.trimmed());
        const QSet<QString> expected{"#SAVE",
                                     "#CLEAR",
                                     "#PASS",
                                     "#FAIL",
                                     "#PRINT",
                                     "#CLOSE",
                                     "#DEFECT:BRIDGE",
                                     "#DEFECT:FAULTY_MEMORY",
                                     "#DEFECT:PCIE_DEGRADED",
                                     "#DEFECT:VOIDS"};
        QCOMPARE(decoded, expected);
        // and every decoded text is a command the forms understand
        for (const QString& text : decoded)
            QVERIFY2(CommandCode::parse(text).has_value(), qPrintable(text));
    }

    /// A sheet printed on a 203 dpi printer: every command, with every shipped defect code (the
    /// longest, #DEFECT:STENCIL_MISALIGNED, included), scans from the sheet rasterised at 203 dpi,
    /// on whichever page it lands.
    void everyShippedCommandScansAt203Dpi()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
            QFAIL("pdftoppm and zbarimg are needed (packaging/install-deps.sh installs them)");
        test::TestDatabase db;
        auto config = WorkflowConfigLoader(db.db().connection()).loadConfig();
        QVERIFY(config.ok());
        QVERIFY(config->defectCodes.contains(QStringLiteral("STENCIL_MISALIGNED")));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("commands.pdf"));
        QVERIFY(CommandSheet::writePdf(pdf, config->defectCodes).ok());

        QProcess raster;
        raster.start(QStringLiteral("pdftoppm"),
                     {"-r", "203", "-gray", "-png", pdf, dir.filePath(QStringLiteral("page"))});
        QVERIFY(raster.waitForFinished(60000));
        QCOMPARE(raster.exitCode(), 0);
        QStringList pages;
        for (const QString& png : QDir(dir.path()).entryList({QStringLiteral("page-*.png")}, QDir::Files))
            pages << dir.filePath(png);
        QVERIFY(pages.size() > 1);
        QProcess decode;
        decode.start(QStringLiteral("zbarimg"),
                     QStringList{"-q", "--raw", "-Sdisable", "-Scode128.enable"} + pages);
        QVERIFY(decode.waitForFinished(60000));
        QStringList decoded;
        for (const QString& line :
             QString::fromUtf8(decode.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
            decoded << line.trimmed();
        decoded.sort();
        QStringList expected;
        for (const CommandCode& command : CommandCode::fixedCommands())
            expected << command.text();
        for (const QString& code : config->defectCodes.keys())
            expected << CommandCode{CommandCode::Kind::Defect, code}.text();
        expected.sort();
        QCOMPARE(decoded, expected); // each once
    }

    /// A code too long for the page's width at a readable module is refused, naming it.
    void codeTooLongForTheSheetIsRefused()
    {
        QTemporaryDir dir;
        // 60 characters with "#DEFECT:", the most libzint's Code 128 takes; at 0.25 mm a module
        // they need 181 mm, and the page holds 179 mm.
        const QString code = QStringLiteral("STENCIL_MISALIGNED_").repeated(3).left(52);
        const Status st = CommandSheet::writePdf(dir.filePath(QStringLiteral("c.pdf")),
                                                 {{code, QStringLiteral("inspect")}});
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("#DEFECT:") + code),
                 qPrintable(st.error().message));
        QVERIFY2(st.error().message.contains(QStringLiteral("0.25 mm")), qPrintable(st.error().message));
    }

    void unwritablePathIsAClearError()
    {
        const Status st = CommandSheet::writePdf(QStringLiteral("/nonexistent/dir/commands.pdf"), {});
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.contains(QStringLiteral("/nonexistent/dir")));
    }
};

QTEST_MAIN(TestCommandSheet)
#include "TestCommandSheet.moc"
