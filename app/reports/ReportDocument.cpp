#include "ReportDocument.h"
#include "domain/EventPayload.h"
#include "storage/OutputFile.h"

#include "BarChartImage.h"
#include "PrintedPages.h"
#include "domain/Step.h"
#include "reports/KpiQuery.h"
#include "trace/TraceQuery.h"
#include "workflow/FieldSpec.h"

#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace rework {
namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString table(const QStringList& header, const QList<QStringList>& rows)
{
    // The header row in <thead>: a table that runs onto another page repeats it there.
    QString html =
        QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>");
    for (const QString& h : header)
        html += QStringLiteral("<th>") + esc(h) + QStringLiteral("</th>");
    html += QStringLiteral("</tr></thead>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>") + esc(cell) + QStringLiteral("</td>");
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

Status print(QTextDocument& document, const QString& path, const QString& title,
             QPageLayout::Orientation orientation = QPageLayout::Portrait)
{
    if (Status st = OutputFile::check(path, {QByteArrayLiteral("%PDF-")}, QStringLiteral("pdf")); !st)
        return st;
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(orientation);
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setResolution(150);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("ReworkTrack"));
    QPainter probe;
    if (!probe.begin(&pdf)) {
        return makeError(
            ErrorCode::Storage, QStringLiteral("pdf"),
            Message(&ReportDocument::tr,
                    QT_TRANSLATE_NOOP("ReportDocument", "cannot write %1; choose a folder you can write to"),
                    {path}));
    }
    probe.end();
    printPages(document, pdf);
    return {};
}

} // namespace

Status ReportDocument::writeShiftReport(const QSqlDatabase& db, const KpiFilter& filter, const QString& title,
                                        const QString& pdfPath)
{
    Result<KpiReport> kpi = KpiQuery(db).compute(filter);
    if (!kpi)
        return kpi.error();
    const KpiReport& r = kpi.value();
    QTextDocument doc;
    QString html = QStringLiteral("<h1>") + esc(title) + QStringLiteral("</h1><p>") +
                   esc(tr("From %1 to %2, factory time (UTC%3)")
                           .arg(filter.calendar.localText(filter.startUtc()),
                                filter.calendar.localText(filter.endUtc()), filter.calendar.offsetText())) +
                   (filter.station.isEmpty() ? QString() : esc(tr(", station %1").arg(filter.station))) +
                   (filter.model.isEmpty() ? QString() : esc(tr(", model %1").arg(filter.model))) +
                   QStringLiteral("</p>");
    html += QStringLiteral("<h2>") + esc(tr("Yield")) + QStringLiteral("</h2>");
    html += table({tr("Figure"), tr("Value")},
                  {{tr("First-pass yield, inspect"), KpiReport::percentText(r.firstPassYieldInspect)},
                   {tr("First-pass yield, test"), KpiReport::percentText(r.firstPassYieldTest)},
                   {tr("Rolled throughput yield"), KpiReport::percentText(r.rolledThroughputYield)},
                   {tr("Final yield"), KpiReport::percentText(r.finalYield)},
                   {tr("Scrap rate"), KpiReport::percentText(r.scrapRate)},
                   {tr("Retest rate"), KpiReport::percentText(r.retestRate)},
                   {tr("Cards received"), QString::number(r.cardsReceived)},
                   {tr("Units mounted"), QString::number(r.unitsMounted)}});

    // A station's target is per shift: the period's is that times the shifts it spans.
    const int shifts = std::max<int>(
        1, static_cast<int>(std::lround(filter.startUtc().secsTo(filter.endUtc()) / (12.0 * 3600))));
    // Every registered station (or the one asked for): one that recorded nothing is the one
    // furthest behind its target.
    QStringList stations = filter.station.isEmpty() ? r.registeredStations : QStringList{filter.station};
    for (auto it = r.throughputByStation.constBegin(); it != r.throughputByStation.constEnd(); ++it) {
        if (!stations.contains(it.key()))
            stations << it.key(); // recorded here by a station since removed
    }
    QList<int> throughput, targets;
    QList<QStringList> throughputRows;
    for (const QString& station : std::as_const(stations)) {
        const int done = r.throughputByStation.value(station);
        const int target = r.targetPerShift(station) * shifts;
        throughput << done;
        targets << target;
        throughputRows << QStringList{
            station, QString::number(done), target > 0 ? QString::number(target) : QStringLiteral("—"),
            target > 0 ? KpiReport::percentText(double(done) / target) : QStringLiteral("—")};
    }
    html +=
        QStringLiteral("<h2>") + esc(tr("Throughput")) + QStringLiteral("</h2>") +
        table({tr("Station"), tr("Records"), tr("Target for %n shift(s)", nullptr, shifts), tr("Of target")},
              throughputRows);

    // Work in progress is the line as it stands now, whatever the report's period: say so.
    const QDateTime asOf = filter.now.isValid() ? filter.now.toUTC() : QDateTime::currentDateTimeUtc();
    const QString now = filter.calendar.localText(asOf);
    if (filter.endUtc() > asOf)
        html += QStringLiteral("<p>") +
                esc(tr("The period ends at %1: throughput so far, against the whole period's target.")
                        .arg(filter.calendar.localText(filter.endUtc()))) +
                QStringLiteral("</p>");
    else
        html += QStringLiteral("<p>") +
                esc(tr("Work in progress and aging are as the line stands at %1, not at the end of this "
                       "report's period.")
                        .arg(now)) +
                QStringLiteral("</p>");

    QStringList steps;
    for (const QString& step : KpiReport::wipSteps())
        steps << stepTitle(step);
    const QList<int> wip = r.wipCounts();
    QStringList codes;
    QList<int> counts;
    for (const auto& [code, n] : r.defectPareto) {
        codes << code;
        counts << n;
    }
    const std::pair<QString, QImage> charts[] = {
        {QStringLiteral("wip"),
         BarChartImage::paint(tr("Work in progress at %1, by the step it waits for").arg(now), steps, wip)},
        {QStringLiteral("throughput"),
         BarChartImage::paint(tr("Throughput per station"), stations, throughput, QSize(800, 340), targets,
                              tr("target"))},
        {QStringLiteral("pareto"),
         BarChartImage::paint(tr("Defect Pareto"), codes.mid(0, 10), counts.mid(0, 10))},
    };
    html += QStringLiteral("<h2>") + esc(tr("Charts")) + QStringLiteral("</h2>");
    for (const auto& [name, image] : charts) {
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:") + name), image);
        html += QStringLiteral("<p><img src=\"chart:%1\" width=\"600\"></p>").arg(name);
    }
    QList<QStringList> rows;
    for (const auto& [code, n] : r.defectPareto)
        rows << QStringList{code, QString::number(n)};
    html += QStringLiteral("<h2>") + esc(tr("Defects")) + QStringLiteral("</h2>") +
            table({tr("Defect"), tr("Count")}, rows);
    rows.clear();
    for (const KpiReport::OperatorFigures& o : r.operators)
        rows << QStringList{o.operatorId, QString::number(o.events),
                            KpiReport::percentText(o.firstPassYield)};
    html += QStringLiteral("<h2>") + esc(tr("Operators")) + QStringLiteral("</h2>") +
            table({tr("Operator"), tr("Records"), tr("First-pass test yield of units mounted")}, rows);
    rows.clear();
    for (const KpiReport::Aging& a : r.aging.mid(0, 30))
        rows << QStringList{a.serial, stepTitle(a.waitingFor), QString::number(a.hours, 'f', 1)};
    html += QStringLiteral("<h2>") + esc(tr("Aging WIP at %1").arg(now)) + QStringLiteral("</h2>") +
            table({tr("Serial"), tr("Waits for"), tr("Hours")}, rows);
    // The oldest are listed; the count says how many the list leaves out.
    if (const qsizetype more = r.agingCount - rows.size(); more > 0)
        html += QStringLiteral("<p>") +
                esc(tr("%n more item(s) idle past the aging limit are not listed; reworkctl kpi --json lists "
                       "the oldest 200.",
                       nullptr, static_cast<int>(more))) +
                QStringLiteral("</p>");
    if (!r.anomalies.isEmpty()) {
        rows.clear();
        for (const KpiReport::Anomaly& a : r.anomalies)
            rows << QStringList{a.text};
        html += QStringLiteral("<h2>") + esc(tr("Anomalies")) + QStringLiteral("</h2>") +
                table({tr("Anomaly")}, rows);
    }
    doc.setHtml(html);
    return print(doc, pdfPath, title);
}

Status ReportDocument::writeBatchReport(const QSqlDatabase& db, const QString& batchId,
                                        const QString& pdfPath)
{
    Result<Trace> batch = TraceQuery(db).find(batchId);
    if (!batch)
        return batch.error();
    if (!batch->batch) {
        return makeError(
            ErrorCode::UnknownSerial, QStringLiteral("batch"),
            Message(tr, QT_TR_NOOP("%1 is not a batch; scan the batch label"), {batchId.left(64)}));
    }
    const BatchState& b = *batch->batch;
    const QString title = tr("Batch report %1").arg(b.id);
    QString html = QStringLiteral("<h1>") + esc(title) + QStringLiteral("</h1>");
    html += table({tr("Batch"), tr("Model"), tr("State"), tr("Units")},
                  {{b.id, b.model, FieldSpec::choiceTitle(b.state), QString::number(b.unitCount)}});
    QList<QStringList> rows;
    for (const UnitState& u : batch->batchUnits) {
        Result<Trace> t = TraceQuery(db).find(u.serial);
        if (!t)
            return t.error();
        // The unit's last valid test carries its readings.
        QJsonObject readings;
        for (const EventRecord& e : t->events) {
            if (e.step == QLatin1StringView("test") && !e.voided)
                readings = e.payload;
        }
        auto reading = [&](const char* key) {
            return readings.value(QLatin1StringView(key)).toVariant().toString();
        };
        rows << QStringList{u.serial,
                            u.cardSerial,
                            u.dieId,
                            u.boardSerial,
                            u.gpuUuid,
                            reading("vbios"),
                            reading("mem_mib"),
                            QStringLiteral("Gen%1 x%2").arg(reading("pcie_gen"), reading("pcie_width")),
                            reading("temp_max_c"),
                            QString::number(u.repairCount)};
    }
    html += QStringLiteral("<h2>") + esc(tr("Units")) + QStringLiteral("</h2>");
    html += table({tr("Unit"), tr("Donor card"), tr("Die"), tr("Board"), tr("GPU UUID"), tr("VBIOS"),
                   tr("Memory MiB"), tr("PCIe"), tr("Max °C"), tr("Repairs")},
                  rows);
    html += QStringLiteral("<h2>") + esc(tr("Genealogy")) + QStringLiteral("</h2>");
    for (const UnitState& u : batch->batchUnits) {
        Result<Trace> t = TraceQuery(db).find(u.serial);
        if (!t)
            return t.error();
        QList<QStringList> timeline;
        for (const EventRecord& e : t->events) {
            if (e.voided)
                continue;
            timeline << QStringList{e.recordedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    stepTitle(e.step), e.stationId, e.operatorId,
                                    FieldSpec::choiceTitle(EventPayload::read(e.payload).outcome)};
        }
        html += QStringLiteral("<h3>") + esc(u.serial) + QStringLiteral("</h3>") +
                table({tr("Time"), tr("Step"), tr("Station"), tr("Operator"), tr("Outcome")}, timeline);
    }
    QTextDocument doc;
    QFont small = doc.defaultFont();
    small.setPointSizeF(7.5);
    doc.setDefaultFont(small);
    doc.setHtml(html);
    // Landscape: a unit's serials and readings fit one line each.
    return print(doc, pdfPath, title, QPageLayout::Landscape);
}

} // namespace rework
