#pragma once

#include "TestPlan.h"
#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace rework {

/// The test plans a factory shares (`test_plans`) and the plan each product is tested to
/// (`product_plans`): reference data, recorded as changes that every station takes on its next
/// sync. The rules hold a unit of a product with a plan to that plan alone (TestGate); this is
/// where a station finds the plan to run and judge with.
class TestPlanStore
{
    Q_DECLARE_TR_FUNCTIONS(TestPlanStore)

public:
    explicit TestPlanStore(const QSqlDatabase& db, const Clock& clock = systemClock())
        : m_db(db), m_clock(clock)
    {
    }

    /// Shares the plan in `file` under its own "name" with every station, as `actor` (who needs
    /// `limits.edit`): validated as `parse --plan` reads it, audited, in one transaction. A later
    /// publish of the same name replaces it everywhere.
    Result<QString> publish(const QString& file, const OperatorInfo& actor, const QString& stationId) const;
    /// Makes `plan` (a shared one, or a built-in one, which is then shared as it is) the plan
    /// `model`'s units are tested to, as `actor` (who needs `limits.edit`).
    Status assign(const QString& model, const QString& plan, const OperatorInfo& actor,
                  const QString& stationId) const;
    /// Takes `model`'s plan away, as `actor` (who needs `limits.edit`): its units are then tested
    /// to each station's own plan, and its tested units no longer wait for that plan's runs to be
    /// packed. Refused for a model without a plan of its own. Audited; synced like assign().
    Status unassign(const QString& model, const OperatorInfo& actor, const QString& stationId) const;
    /// The plan `model` is tested to, with its model part applied; nullopt when it has none.
    Result<std::optional<TestPlan>> forModel(const QString& model) const;
    /// The plan a unit is judged by: its product's (a `chosen` plan of another name is refused:
    /// the rules would refuse what it judged), else `chosen` (--plan), else `stationPlan` (the
    /// PC's rig.plan); each a built-in name or a file.
    Result<TestPlan> forUnit(const QString& unitSerial, const std::optional<QString>& chosen,
                             const QString& stationPlan) const;

    /// The plan a reball or mount (`step`) judges a thermocouple log by: `planName` (the PC's
    /// rig.plan) with its ramp, cooling and time-to-peak limits, the liquidus of the alloy the
    /// record's rules take (a reball's `typedAlloy`, a mount's die's; SAC305 when none), and the
    /// peak and time above liquidus bounded by the line's limits for the die's product
    /// (`mount.peak_c.<alloy>`, `mount.tal_s`): the limits the mount rule holds the same figures
    /// to, so an imported profile and the record's rules never disagree. An unknown die or alloy
    /// is refused.
    Result<TestPlan> forReflow(Step step, const QString& die, const QString& typedAlloy,
                               const QString& planName) const;

    /// Whether `nameOrFile` can only be a shared plan's name: no built-in plan or file is called so.
    static bool namesShared(const QString& nameOrFile);

    /// A plan by name or file: a built-in one, a file, else a shared one of that name.
    Result<TestPlan> named(const QString& nameOrFile, const QString& model = {}) const;

    struct Entry
    {
        QString name;
        QStringList required; // kinds: gpu-burn, dcgm, memtest
        QStringList models;   // the products tested to it
        QByteArray body;      // the shared JSON
    };
    /// Every shared plan, by name.
    Result<QList<Entry>> list() const;

private:
    /// A shared plan's JSON; null when none of that name is shared.
    Result<QVariant> sharedBody(const QString& name) const;
    Status share(const QString& name, const QByteArray& body, const OperatorInfo& actor,
                 const QString& stationId) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
