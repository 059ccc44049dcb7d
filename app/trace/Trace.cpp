#include "Trace.h"

#include "domain/EventPayload.h"
#include "workflow/StepSchema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace rework {
namespace {

QJsonObject eventJson(const EventRecord& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("seq"), e.seq},
            {QStringLiteral("recorded_at"), e.recordedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("station"), e.stationId},
            {QStringLiteral("operator"), e.operatorId},
            {QStringLiteral("step"), e.step},
            {QStringLiteral("subject"), e.subject},
            {QStringLiteral("voided"), e.voided},
            {QStringLiteral("payload"), e.payload}};
}

QJsonObject unitJson(const UnitState& u)
{
    return {{QStringLiteral("serial"), u.serial},
            {QStringLiteral("state"), u.state},
            {QStringLiteral("die"), u.dieId},
            {QStringLiteral("board"), u.boardSerial},
            {QStringLiteral("card"), u.cardSerial},
            {QStringLiteral("model"), u.model},
            {QStringLiteral("batch"), u.batchId},
            {QStringLiteral("gpu_uuid"), u.gpuUuid},
            {QStringLiteral("repair_count"), u.repairCount}};
}

/// The payload's inputs as "key=value" pairs, ids that are already shown left out.
QString payloadSummary(const QJsonObject& p)
{
    QStringList parts;
    for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
        QString value;
        if (it->isArray()) {
            QStringList items;
            for (const auto& v : it->toArray())
                items << v.toVariant().toString();
            value = items.join(QLatin1Char(','));
        } else {
            value = it->toVariant().toString();
        }
        parts << it.key() + QLatin1Char('=') + value;
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString Trace::figures(const EventRecord& e)
{
    const std::optional<Step> step = stepFromName(e.step);
    if (!step)
        return {};
    QStringList parts;
    for (const FieldSpec& spec : StepSchema::fields(*step)) {
        if (spec.type != FieldType::Int && spec.type != FieldType::Real)
            continue;
        const QJsonValue v = e.payload.value(spec.key);
        if (v.isDouble())
            parts << spec.helpText() + QStringLiteral(": ") + QString::number(v.toDouble());
        else if (v.isString() && !v.toString().isEmpty())
            parts << spec.helpText() + QStringLiteral(": ") + v.toString();
    }
    return parts.join(QStringLiteral("; "));
}

QStringList Trace::evidence(const EventRecord& e)
{
    return e.payload.value(payload::Evidence).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
}

QJsonObject Trace::toJson() const
{
    QJsonObject o{{QStringLiteral("query"), query}, {QStringLiteral("kind"), foundKind}};
    if (card) {
        o.insert(QStringLiteral("card"), QJsonObject{{QStringLiteral("serial"), card->serial},
                                                     {QStringLiteral("model"), card->model},
                                                     {QStringLiteral("lot"), card->lot},
                                                     {QStringLiteral("state"), card->state},
                                                     {QStringLiteral("gpu_uuid"), card->gpuUuid}});
    }
    if (die) {
        o.insert(QStringLiteral("die"), QJsonObject{{QStringLiteral("id"), die->id},
                                                    {QStringLiteral("state"), die->state},
                                                    {QStringLiteral("reflow_count"), die->reflowCount},
                                                    {QStringLiteral("reball_count"), die->reballCount}});
    }
    if (board) {
        o.insert(QStringLiteral("board"), QJsonObject{{QStringLiteral("serial"), board->serial},
                                                      {QStringLiteral("state"), board->state},
                                                      {QStringLiteral("reflow_count"), board->reflowCount}});
    }
    if (unit)
        o.insert(QStringLiteral("unit"), unitJson(*unit));
    if (batch) {
        QJsonArray units;
        for (const UnitState& u : batchUnits)
            units.append(unitJson(u));
        o.insert(QStringLiteral("batch"), QJsonObject{{QStringLiteral("id"), batch->id},
                                                      {QStringLiteral("model"), batch->model},
                                                      {QStringLiteral("state"), batch->state},
                                                      {QStringLiteral("unit_count"), batch->unitCount},
                                                      {QStringLiteral("units"), units}});
    }
    QJsonArray timeline;
    for (const EventRecord& e : events)
        timeline.append(eventJson(e));
    o.insert(QStringLiteral("events"), timeline);
    return o;
}

QString Trace::toText() const
{
    QString out;
    out += QCoreApplication::translate("Trace", "Trace of %1 (%2)").arg(query, foundKind) + QLatin1Char('\n');
    if (card) {
        out += QStringLiteral("  %1 %2  model=%3 lot=%4 state=%5%6\n")
                   .arg(QCoreApplication::translate("Trace", "card"), card->serial, card->model, card->lot,
                        card->state,
                        card->gpuUuid.isEmpty() ? QString() : QStringLiteral(" gpu=") + card->gpuUuid);
    }
    if (die) {
        out += QStringLiteral("  %1 %2  state=%3 reflows=%4 reballs=%5\n")
                   .arg(QCoreApplication::translate("Trace", "die"), die->id, die->state)
                   .arg(die->reflowCount)
                   .arg(die->reballCount);
    }
    if (board) {
        out += QStringLiteral("  %1 %2  state=%3 reflows=%4\n")
                   .arg(QCoreApplication::translate("Trace", "board"), board->serial, board->state)
                   .arg(board->reflowCount);
    }
    if (unit) {
        out += QStringLiteral("  %1 %2  state=%3 repairs=%4%5\n")
                   .arg(QCoreApplication::translate("Trace", "unit"), unit->serial, unit->state)
                   .arg(unit->repairCount)
                   .arg(unit->gpuUuid.isEmpty() ? QString() : QStringLiteral(" gpu=") + unit->gpuUuid);
    }
    if (batch) {
        out += QStringLiteral("  %1 %2  model=%3 state=%4 units=%5\n")
                   .arg(QCoreApplication::translate("Trace", "batch"), batch->id, batch->model, batch->state)
                   .arg(batch->unitCount);
        for (const UnitState& u : batchUnits)
            out += QStringLiteral("    %1 %2 die=%3 board=%4 card=%5\n")
                       .arg(u.serial, u.state, u.dieId, u.boardSerial, u.cardSerial);
    }
    out += QCoreApplication::translate("Trace", "Timeline:") + QLatin1Char('\n');
    for (const EventRecord& e : events) {
        out += QStringLiteral("  %1  %2  %3  %4/%5  %6%7\n")
                   .arg(e.recordedAt.toString(Qt::ISODate), e.step.leftJustified(7), e.subject, e.stationId,
                        e.operatorId, payloadSummary(e.payload),
                        e.voided ? QStringLiteral("  [") + QCoreApplication::translate("Trace", "VOID") +
                                       QLatin1Char(']')
                                 : QString());
        out += QStringLiteral("      id=%1\n").arg(e.id);
    }
    return out;
}

} // namespace rework
