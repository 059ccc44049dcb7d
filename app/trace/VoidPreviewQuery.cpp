#include "VoidPreviewQuery.h"

#include "domain/ItemStates.h"
#include "domain/ReferenceChange.h"
#include "domain/Step.h"
#include "storage/EventStore.h"
#include "storage/SnapshotLoader.h"
#include "storage/Sql.h"

#include <QSqlQuery>

namespace rework {
namespace {

/// The batch `id` when it is closed or shipped: its state, else empty.
Result<QString> sealedState(const SnapshotLoader& loader, const QString& id)
{
    auto batch = loader.batch(id);
    if (!batch)
        return batch.error();
    if (!batch.value())
        return QString();
    const QString& state = batch.value()->state;
    return state == states::Closed || state == states::Shipped ? state : QString();
}

} // namespace

Result<VoidPreview> VoidPreviewQuery::of(const QString& eventId) const
{
    const QString id = eventId.trimmed().toLower();
    Result<EventRecord> record = EventStore(m_db).byId(id);
    if (!record) {
        if (record.error().code != ErrorCode::UnknownSerial)
            return record.error();
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("event"),
                         Message(tr, QT_TR_NOOP("no record with id %1"), {id.left(64)}));
    }
    const SnapshotLoader loader(m_db);
    auto info = loader.event(id);
    if (!info)
        return info.error();
    VoidPreview p;
    p.event = record.value();
    p.isVoid = p.event.step == stepName(Step::Void);
    p.isReference = p.event.step == ReferenceChange::kStep;
    if (info.value()) {
        const EventInfo& e = *info.value();
        p.alreadyVoid = e.voided;
        p.blockedBy = e.blockedBy;
        p.blockedByStep = e.blockedByStep;
        for (const Subject& s : e.subjects) {
            if (!p.items.contains(s.serial))
                p.items.append(s.serial);
        }
        // Batches the record names, and the batch a unit it names is packed in.
        QStringList batches;
        for (const Subject& s : e.subjects) {
            if (s.kind == QLatin1StringView("batch") && !batches.contains(s.serial))
                batches.append(s.serial);
            if (s.kind == QLatin1StringView("unit")) {
                auto unit = loader.unit(s.serial);
                if (!unit)
                    return unit.error();
                if (unit.value() && !unit.value()->batchId.isEmpty() &&
                    !batches.contains(unit.value()->batchId))
                    batches.append(unit.value()->batchId);
            }
        }
        for (const QString& b : std::as_const(batches)) {
            Result<QString> state = sealedState(loader, b);
            if (!state)
                return state.error();
            if (!state.value().isEmpty())
                p.closedBatches.append({b, state.value()});
        }
    }
    // Labels printed since the record was made follow from it: once it is void they may not match.
    for (const QString& item : std::as_const(p.items)) {
        auto prints = sql::run(m_db,
                               // A cancelled label never reached paper and never will.
                               QStringLiteral("SELECT p.template, p.target, p.printed_at, "
                                              "d.state IN ('queued', 'failed') FROM label_prints p "
                                              "LEFT JOIN label_delivery d ON d.print_id = p.id "
                                              "WHERE p.subject = ? AND d.state IS NOT 'cancelled' "
                                              "ORDER BY p.printed_at"),
                               {item});
        if (!prints)
            return prints.error();
        while (prints.value().next()) {
            const QDateTime at = QDateTime::fromString(prints.value().value(2).toString(), Qt::ISODateWithMs);
            if (at.isValid() && at < p.event.recordedAt)
                continue;
            p.printedLabels.append({item, prints.value().value(0).toString(),
                                    prints.value().value(1).toString(), at,
                                    prints.value().value(3).toBool()});
        }
    }
    return p;
}

} // namespace rework
