#pragma once

#include "IdentityRegistry.h"
#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace rework {

/// Where a scanned item is and which step it needs next: what "scan anything" opens.
struct NextStep
{
    QString serial; // normalised serial to put in the form
    QString
        kind; // card, die, unit, batch, or empty for an unknown serial (boards and GPUs lead to their unit)
    std::optional<Step> step; // none when the item needs nothing at a station
    QString field;            // the form field the serial goes into
    QString where;            // translated: where the item is and what it needs
    QString scannedKind = {}; // what the scan itself is: card, die, board, unit, batch, gpu; empty if unknown
};

/// Where the station screen goes for a next step.
struct Route
{
    bool opens = false;                // the step's form opens on this PC
    std::optional<StationInfo> moveTo; // single-PC mode: this PC moves to that station first
    QString takeItTo;                  // translated, when the item goes to another PC's station
};

class NextStepResolver
{
    Q_DECLARE_TR_FUNCTIONS(NextStepResolver)

public:
    NextStepResolver(const QSqlDatabase& db, const Clock& clock) : m_db(db), m_clock(clock) {}
    /// Where the item a scan names is and what it needs next. A board or a GPU UUID leads to its
    /// unit, a card that was stripped to its die.
    Result<NextStep> resolve(const QString& scanned) const;
    Result<NextStep> resolve(const Identity& identity) const;
    /// Where `next` is done, seen from a PC at station `here`: a bake wherever the die is, its own
    /// step here, another step at a station of that step (this PC moves there unless it is bound
    /// to its station), or nowhere on this PC (the item is taken to such a station).
    Result<Route> route(const NextStep& next, const StationInfo& here, bool boundToStation) const;

private:
    Result<NextStep> unitNext(const QString& serial, const QString& prefix) const;
    Result<NextStep> dieNext(const QString& id) const;
    Result<NextStep> cardNext(const QString& serial) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
