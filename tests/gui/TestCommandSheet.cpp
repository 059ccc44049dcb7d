// Barcodes from libzint, painted on whole dots: the printed sheet must scan. The PDF is rasterised
// at 300 dpi with pdftoppm and decoded with zbarimg, as a scanner would read the paper.
#include "labels/BarcodeSymbol.h"
#include "labels/CommandSheet.h"

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

    void unwritablePathIsAClearError()
    {
        const Status st = CommandSheet::writePdf(QStringLiteral("/nonexistent/dir/commands.pdf"), {});
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.contains(QStringLiteral("/nonexistent/dir")));
    }
};

QTEST_MAIN(TestCommandSheet)
#include "TestCommandSheet.moc"
