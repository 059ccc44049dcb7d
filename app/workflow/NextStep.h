#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace rework {

/// Where a scanned item is and which step it needs next: what "scan anything" opens.
struct NextStep
{
    QString serial;           // normalised serial to put in the form
    QString kind;             // card, die, unit, batch, or empty for an unknown serial
    std::optional<Step> step; // none when the item needs nothing at a station
    QString field;            // the form field the serial goes into
    QString where;            // translated: where the item is and what it needs
};

class NextStepResolver
{
    Q_DECLARE_TR_FUNCTIONS(NextStepResolver)

public:
    NextStepResolver(const QSqlDatabase& db, const Clock& clock) : m_db(db), m_clock(clock) {}
    Result<NextStep> resolve(const QString& scanned) const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
