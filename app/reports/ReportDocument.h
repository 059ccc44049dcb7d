#pragma once

#include "domain/Result.h"
#include "reports/KpiFilter.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// Printable reports as PDF: the daily or shift report (headline figures, charts, defect,
/// operator and aging tables) and the batch report for shipping documents (every unit with its
/// genealogy and test data). Charts are painted with QPainter (QtGui only), pagination from QTextDocument.
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)

public:
    static Status writeShiftReport(const QSqlDatabase& db, const KpiFilter& filter, const QString& title,
                                   const QString& pdfPath);
    static Status writeBatchReport(const QSqlDatabase& db, const QString& batchId, const QString& pdfPath);
};

} // namespace rework
