#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// Reverse trace, the question a customer complaint starts with: which other items share a donor
/// lot, flux lot, stencil, reflow profile, mounting operator or time window with this one, and
/// where is each of them now (in WIP, in which batch, shipped)?
class RecallQuery
{
    Q_DECLARE_TR_FUNCTIONS(RecallQuery)

public:
    enum class Link
    {
        Lot,
        FluxLot,
        Stencil,
        Profile,
        Operator,
        Window
    };

    struct Hit
    {
        QString card, die, unit;
        QString state; // of the furthest item: unit, else die, else card
        QString batch, batchState;
        QStringList shared; // e.g. "lot LOT-7", "flux lot FX1003"
    };

    explicit RecallQuery(const QSqlDatabase& db) : m_db(db) {}

    /// `serial`: any card, die or unit. `windowHours`: for Link::Window, ± around its mount.
    Result<QList<Hit>> find(const QString& serial, const QList<Link>& links, double windowHours = 4) const;

    static QList<Link> allLinks();
    static std::optional<Link> linkFromName(const QString& name);

private:
    QSqlDatabase m_db;
};

} // namespace rework
