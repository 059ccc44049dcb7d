#pragma once

#include "SerialRules.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <cmath>
#include <limits>

namespace rework {

/// Product data for one model the line reworks (table `products`).
struct Product
{
    QString model;       // key, e.g. RTX4090
    QString name;        // e.g. GeForce RTX 4090
    QString deviceId;    // PCI device id its GPU reports, lower-case hex without the vendor: 2684
    QString dieMarking;  // default die marking, e.g. AD102-300-A1
    int memoryMib = 0;   // expected memory total at test
    int memoryChips = 0; // chips harvested per card
    QString msl;         // moisture sensitivity level of the die
};

/// A process limit; a missing bound is NaN.
struct Limit
{
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();

    bool below(double v) const { return !std::isnan(min) && v < min; }
    bool above(double v) const { return !std::isnan(max) && v > max; }
    bool contains(double v) const { return !below(v) && !above(v); }
};

/// Everything the rules need besides the items themselves: product data, limits, serial formats
/// and the repair/reflow policy. Loaded from the database; defaults are domain.md's.
struct WorkflowConfig
{
    // The defaults of settings `repair.max_attempts`, `reflow.limit`, `pack.carton_capacity`,
    // listed with the others by ConfigStore.
    static constexpr int kDefaultMaxRepairAttempts = 2;
    static constexpr int kDefaultReflowLimit = 3;
    static constexpr int kDefaultCartonCapacity = 10;
    int maxRepairAttempts = kDefaultMaxRepairAttempts;
    int reflowLimit = kDefaultReflowLimit;
    /// Units a carton (batch) takes before it must be closed; 0: no limit (`pack.carton_capacity`).
    int cartonCapacity = kDefaultCartonCapacity;
    QHash<QString, Product> products;
    QHash<QString, Limit> limits;        // key "name" (all models) or "name|MODEL"
    QHash<QString, QString> defectCodes; // code -> step it belongs to
    /// The test plan each product's units are tested to (`product_plans`), and the runs each
    /// shared plan requires for a pass ("gpu-burn", "dcgm", "memtest": the kinds its JSON names).
    /// A product without a plan is tested to the station's plan, as before plans were shared.
    QHash<QString, QString> productPlans;
    QHash<QString, QStringList> planRequiredRuns;
    SerialRules serials;
    /// role -> actions ("record.strip", "record.void", ...); the shipped defaults until the
    /// database's permissions table is loaded (migration 0011 holds the same).
    QHash<QString, QSet<QString>> permissions = defaultPermissions();

    static QHash<QString, QSet<QString>> defaultPermissions()
    {
        QSet<QString> work;
        for (const char* step : {"intake", "strip", "reball", "mount", "inspect", "test", "pack", "close",
                                 "ship", "scrap", "bake"})
            work.insert(QStringLiteral("record.") + QString::fromLatin1(step));
        work.insert(QStringLiteral("label.print"));
        QSet<QString> supervisor = work;
        supervisor.unite(
            {QStringLiteral("record.void"), QStringLiteral("dashboard.view"), QStringLiteral("sync.run")});
        QSet<QString> admin = supervisor;
        admin.unite({QStringLiteral("operators.manage"), QStringLiteral("settings.change"),
                     QStringLiteral("templates.edit"), QStringLiteral("limits.edit")});
        return {{QStringLiteral("operator"), work},
                {QStringLiteral("supervisor"), supervisor},
                {QStringLiteral("admin"), admin}};
    }

    bool permits(const QString& role, const QString& action) const
    {
        return permissions.value(role).contains(action);
    }

    /// The plan `model` is tested to; empty when it has none of its own.
    QString testPlanOf(const QString& model) const { return productPlans.value(model); }

    Limit limit(const QString& name, const QString& model) const
    {
        auto it = limits.constFind(name + QLatin1Char('|') + model);
        if (it != limits.constEnd())
            return *it;
        return limits.value(name);
    }
};

} // namespace rework
