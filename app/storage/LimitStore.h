#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace rework {

/// The measured limits (void %, peak temperature, ...) per product, with the defaults that apply
/// to every product without its own row.
class LimitStore
{
    Q_DECLARE_TR_FUNCTIONS(LimitStore)

public:
    explicit LimitStore(const QSqlDatabase& db, const Clock& clock = systemClock()) : m_db(db), m_clock(clock)
    {
    }

    /// One measured limit as it applies to a product: its own row, else the default for all.
    struct LimitRow
    {
        QString name;
        std::optional<double> min, max;
        bool productSpecific = false;
    };
    Result<QList<LimitRow>> limitsFor(const QString& model) const;
    /// Sets a product's own bounds for a known limit (empty optional: no bound) as `operatorId`,
    /// who needs `limits.edit`: a reference change, audited, that every station takes on its next sync.
    Status setLimit(const QString& name, const QString& model, std::optional<double> min,
                    std::optional<double> max, const QString& operatorId, const QString& stationId = {});

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
