// Label rendering speed. Not a test: run by hand (README).
//
//   QT_QPA_PLATFORM=offscreen bench_labels [LABELS=500]
//
// Fills each shipped template with fixed values and times ZPL output and PDF output (one label
// per file, as a station prints them), against filling alone (template + variables + barcode
// encoding) measured in the same run.
#include "labels/FilledLabel.h"
#include "labels/LabelPainter.h"
#include "labels/LabelTemplateStore.h"
#include "labels/ZplWriter.h"
#include "logging/Logging.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace rework;

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    Logging::silence();
    const int n = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 500;
    QTemporaryDir dir;
    const LabelData::Variables v{{"date", "2026-11-02"},
                                 {"operator", "OP1"},
                                 {"model", "RTX4090"},
                                 {"product.name", "GeForce RTX 4090"},
                                 {"product.memory_mib", "24564"},
                                 {"die.id", "DD1TESTGOLD01"},
                                 {"die.marking", "AD102-300-A1"},
                                 {"card.serial", "AS000000000001"},
                                 {"card.lot", "LOT-1"},
                                 {"board.serial", "SB0000000001"},
                                 {"unit.serial", "UD1TESTGOLD01"},
                                 {"batch.id", "B261102-001"},
                                 {"batch.count", "3"},
                                 {"batch.serials", "UD1TESTGOLD01\nUD1TESTGOLD02\nUD1TESTGOLD03"}};
    for (const char* name : {"die-traveler", "unit-label", "batch-label"}) {
        auto layout = LabelTemplateStore(dir.path()).load(QString::fromLatin1(name));
        if (!layout)
            return 1;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i) {
            if (!FilledLabel::fill(layout.value(), v))
                return 1;
        }
        const double fillMs = t.nsecsElapsed() / 1e6;
        t.restart();
        qsizetype bytes = 0;
        for (int i = 0; i < n; ++i)
            bytes += ZplWriter::write(FilledLabel::fill(layout.value(), v).value()).size();
        const double zplMs = t.nsecsElapsed() / 1e6;
        t.restart();
        const int pdfs = std::max(1, n / 5);
        for (int i = 0; i < pdfs; ++i) {
            if (!LabelPainter::writePdf(dir.filePath(QStringLiteral("l%1.pdf").arg(i)),
                                        {FilledLabel::fill(layout.value(), v).value()}))
                return 1;
        }
        const double pdfMs = t.nsecsElapsed() / 1e6;
        std::printf(
            "%-13s fill %6.0f/s  ZPL %6.0f labels/s (%lld bytes each)  PDF %5.0f labels/s (a file each)\n",
            name, n / (fillMs / 1000), n / (zplMs / 1000), static_cast<long long>(bytes / n),
            pdfs / (pdfMs / 1000));
    }
    return 0;
}
