#pragma once

#include "domain/Result.h"
#include "workflow/Snapshot.h"
#include "workflow/WorkflowConfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace rework {

/// Reads and writes the reference data: operators, stations, products, limits, defect codes,
/// serial formats and policy settings.
class ReferenceData
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceData)

public:
    explicit ReferenceData(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<WorkflowConfig> loadConfig() const;

    /// operator, supervisor or admin.
    static bool isRole(const QString& role);
    Status addOperator(const QString& id, const QString& name, const QString& role, const QString& pin);
    /// The operator if `pin` is theirs and they are active; the same error for a wrong id or PIN.
    /// Checks the PIN; after `login.max_failures` wrong PINs in a row the account is locked for
    /// `login.lock_minutes`. Every attempt goes into the audit log; a hash made with older
    /// parameters is replaced on a good login.
    Result<OperatorInfo> login(const QString& id, const QString& pin, const QString& stationId = QString(),
                               const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    Result<QList<OperatorInfo>> operators() const;

    Status addStation(const QString& id, const QString& step, const QString& name = {});
    Result<QList<StationInfo>> stations() const;

    Status setConfigValue(const QString& key, const QString& value);
    /// One measured limit as it applies to a product: its own row, else the default for all.
    struct LimitRow
    {
        QString name;
        std::optional<double> min, max;
        bool productSpecific = false;
    };
    Result<QList<LimitRow>> limitsFor(const QString& model) const;
    /// Sets a product's own bounds for a known limit (empty optional: no bound), audited.
    Status setLimit(const QString& name, const QString& model, std::optional<double> min,
                    std::optional<double> max, const QString& operatorId);

    /// A whole-number setting, or `fallback` when the key is not set.
    Result<int> configNumber(const QString& key, int fallback) const;

    /// Rows in the main tables, for status bars and summaries.
    Result<QList<std::pair<QString, qint64>>> counts() const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
