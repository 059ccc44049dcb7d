#pragma once

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
    explicit LimitStore(const QSqlDatabase& db) : m_db(db) {}

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

private:
    QSqlDatabase m_db;
};

} // namespace rework
