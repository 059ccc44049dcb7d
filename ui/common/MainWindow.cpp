#include "MainWindow.h"

#include "demo/DemoGenerator.h"
#include "storage/Database.h"
#include "storage/ReferenceData.h"
#include "trace/TraceQuery.h"
#include "workflow/Recorder.h"

#include <QApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace rework {

MainWindow::MainWindow(Database& db, Recorder& recorder, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_recorder(recorder)
{
    setWindowTitle(tr("ReworkTrack"));
    resize(1100, 720);
    // Large type for arm's length reading on the floor; set first so every child inherits it.
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    setFont(f);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setSpacing(16);

    auto* stationRow = new QHBoxLayout;
    auto* stationLabel = new QLabel(tr("Station:"), central);
    m_stationPicker = new QComboBox(central);
    m_stationPicker->setObjectName(QStringLiteral("stationPicker"));
    m_stationPicker->setMinimumWidth(320);
    m_stationPicker->setMinimumHeight(48);
    stationLabel->setBuddy(m_stationPicker);
    stationRow->addWidget(stationLabel);
    stationRow->addWidget(m_stationPicker);
    stationRow->addStretch();
    layout->addLayout(stationRow);

    m_demoBanner = new QFrame(central);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setFrameShape(QFrame::StyledPanel);
    m_demoBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_demoBanner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    m_demoBanner->setPalette(bannerPalette);
    auto* bannerLayout = new QHBoxLayout(m_demoBanner);
    bannerLayout->addWidget(
        new QLabel(
            tr("This database is empty. Load demo data to try ReworkTrack, or add stations and operators "
               "with reworkctl."),
            m_demoBanner),
        1);
    m_demoButton = new QPushButton(tr("Load demo data"), m_demoBanner);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->setMinimumHeight(48);
    bannerLayout->addWidget(m_demoButton);
    layout->addWidget(m_demoBanner);
    connect(m_demoButton, &QPushButton::clicked, this, &MainWindow::loadDemoData);

    auto* traceTitle = new QLabel(tr("Trace: scan any card, die, board, unit or batch serial"), central);
    layout->addWidget(traceTitle);
    m_traceField = new QLineEdit(central);
    m_traceField->setObjectName(QStringLiteral("traceField"));
    m_traceField->setPlaceholderText(tr("Scan or type a serial, then press Enter"));
    m_traceField->setClearButtonEnabled(true);
    m_traceField->setMinimumHeight(48);
    traceTitle->setBuddy(m_traceField);
    layout->addWidget(m_traceField);
    connect(m_traceField, &QLineEdit::returnPressed, this, &MainWindow::showTrace);

    m_traceView = new QPlainTextEdit(central);
    m_traceView->setObjectName(QStringLiteral("traceView"));
    m_traceView->setReadOnly(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    m_traceView->setFont(mono);
    layout->addWidget(m_traceView, 1);
    setCentralWidget(central);

    m_dbLabel = new QLabel(this);
    m_dbLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addWidget(m_dbLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);

    connect(&m_recorder, &Recorder::recorded, this, &MainWindow::refresh);
    refresh();
    m_traceField->setFocus();
}

void MainWindow::reloadStations()
{
    const QString current = m_stationPicker->currentData().toString();
    m_stationPicker->clear();
    auto stations = ReferenceData(m_db.connection()).stations();
    if (!stations)
        return;
    for (const StationInfo& s : stations.value())
        m_stationPicker->addItem(QStringLiteral("%1 — %2").arg(s.id, stepTitle(*stepFromName(s.step))), s.id);
    const int index = m_stationPicker->findData(current);
    if (index >= 0)
        m_stationPicker->setCurrentIndex(index);
}

void MainWindow::refresh()
{
    reloadStations();
    m_dbLabel->setText(tr("Database: %1").arg(m_db.path()));
    auto counts = ReferenceData(m_db.connection()).counts();
    if (!counts) {
        m_countsLabel->setText(counts.error().message);
        return;
    }
    QHash<QString, qint64> n;
    for (const auto& [table, count] : counts.value())
        n.insert(table, count);
    m_countsLabel->setText(tr("Cards %1 · Dies %2 · Units %3 · Batches %4 · Events %5")
                               .arg(n.value(QStringLiteral("cards")))
                               .arg(n.value(QStringLiteral("dies")))
                               .arg(n.value(QStringLiteral("units")))
                               .arg(n.value(QStringLiteral("batches")))
                               .arg(n.value(QStringLiteral("events"))));
    m_demoBanner->setVisible(n.value(QStringLiteral("events")) == 0);
}

void MainWindow::loadDemoData()
{
    m_demoButton->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    DemoGenerator::Options options;
    options.units = 200;
    Result<DemoGenerator::Summary> summary = DemoGenerator::generate(m_db, options);
    QApplication::restoreOverrideCursor();
    m_demoButton->setEnabled(true);
    if (!summary)
        statusBar()->showMessage(summary.error().message, 10000);
    else
        statusBar()->showMessage(tr("Demo data loaded: %1 donor cards. Operators log in with PIN %2.")
                                     .arg(summary->cards)
                                     .arg(QString::fromLatin1(DemoGenerator::kDemoPin)),
                                 10000);
    refresh();
}

void MainWindow::showTrace()
{
    Result<Trace> trace = TraceQuery(m_db.connection()).find(m_traceField->text());
    if (!trace) {
        m_traceView->setPlainText(trace.error().message);
    } else {
        m_traceView->setPlainText(trace->toText());
    }
    m_traceField->selectAll();
}

} // namespace rework
