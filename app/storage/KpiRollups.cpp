#include "KpiRollups.h"

#include "Sql.h"
#include "domain/EventPayload.h"
#include "domain/SpcMeasurement.h"

namespace rework {
namespace {

Status exec(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    return sql::exec(db, statement, values);
}

/// An hourly counter's two statements, written out: one more event, or one taken away by a void.
/// Each also counts in the quarters of the hour before the event's minute (events_q15: the
/// events of the hour's first 15 minutes), so that an hour can be cut where a factory's clock
/// hours begin (ShiftCalendar::hourMinute).
struct HourlyCounter
{
    QLatin1StringView add, remove;
};

constexpr HourlyCounter kOperatorHourly{
    QLatin1StringView(
        "INSERT INTO kpi_hourly (hour, station_id, operator_id, step, model, events, events_q15, "
        "events_q30, events_q45) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "events = events + 1, events_q15 = events_q15 + excluded.events_q15, "
        "events_q30 = events_q30 + excluded.events_q30, events_q45 = events_q45 + excluded.events_q45"),
    QLatin1StringView("UPDATE kpi_hourly SET events = events - 1, events_q15 = events_q15 - ?, "
                      "events_q30 = events_q30 - ?, events_q45 = events_q45 - ? WHERE hour = ? AND "
                      "station_id = ? AND operator_id = ? AND step = ? AND model = ?")};
constexpr HourlyCounter kStationHourly{
    QLatin1StringView(
        "INSERT INTO kpi_station_hourly (hour, station_id, step, model, events, events_q15, "
        "events_q30, events_q45) VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "events = events + 1, events_q15 = events_q15 + excluded.events_q15, "
        "events_q30 = events_q30 + excluded.events_q30, events_q45 = events_q45 + excluded.events_q45"),
    QLatin1StringView("UPDATE kpi_station_hourly SET events = events - 1, events_q15 = events_q15 - ?, "
                      "events_q30 = events_q30 - ?, events_q45 = events_q45 - ? WHERE hour = ? AND "
                      "station_id = ? AND step = ? AND model = ?")};

/// 1 for each quarter mark (15, 30, 45) that `minute` comes before.
QVariantList quarters(int minute)
{
    return {minute < 15 ? 1 : 0, minute < 30 ? 1 : 0, minute < 45 ? 1 : 0};
}

/// `delta` for a counter and for each of its quarters that `minute` counts in.
QVariantList counted(int minute, int delta)
{
    QVariantList values{delta};
    for (const QVariant& q : quarters(minute))
        values << q.toInt() * delta;
    return values;
}

Status countEvent(const QSqlDatabase& db, const HourlyCounter& counter, const QVariantList& keys,
                  const QVariantList& inQuarters, int delta)
{
    if (delta < 0)
        return exec(db, QString(counter.remove), inQuarters + keys);
    return exec(db, QString(counter.add), keys + inQuarters);
}

} // namespace

Result<KpiRollups::Card> KpiRollups::cardOf(const EventRecord& e) const
{
    // Through the event's card subject: every event from intake on names its card, so this works
    // for steps whose payload does not carry the model. Read once per event, used by every rollup.
    auto r = sql::row(
        m_db,
        QStringLiteral("SELECT c.model, c.lot, substr(c.received_at, 1, 13), substr(c.received_at, 15, 2) "
                       "FROM event_subjects s "
                       "JOIN cards c ON c.serial = s.serial WHERE s.event_seq = ? AND s.kind = 'card'"),
        {e.seq});
    if (!r)
        return r.error();
    Card card;
    if (const auto& row = r.value()) {
        card.known = true;
        card.model = row->value(0).toString();
        card.lot = row->value(1).toString();
        card.receivedHour = row->value(2).toString();
        card.receivedMinute = row->value(3).toInt();
    }
    return card;
}

Status KpiRollups::apply(const EventRecord& e)
{
    if (e.step == QLatin1StringView("void"))
        return {};
    const QString at = e.recordedAt.toUTC().toString(Qt::ISODateWithMs);
    Result<Card> card = cardOf(e);
    if (!card)
        return card.error();
    if (Status st = hourly(e, 1, card.value()); !st)
        return st;
    const EventPayload p = EventPayload::read(e.payload);
    if (Status st = cards(e, p.outcome, 1, card.value()); !st)
        return st;
    if (Status st = spcValues(e); !st)
        return st;

    const QString& defect = p.defect;
    const bool judged = e.step == QLatin1StringView("inspect") || e.step == QLatin1StringView("test");
    if (!defect.isEmpty() && (judged || e.step == QLatin1StringView("scrap"))) {
        if (Status st = exec(
                m_db,
                QStringLiteral("INSERT INTO kpi_defects (event_seq, recorded_at, defect, step, station_id, "
                               "operator_id, lot, model, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {e.seq, at, defect, e.step, e.stationId, e.operatorId, card->lot, card->model, e.subject});
            !st)
            return st;
    }

    const QString& unit = p.unit;
    if (e.step == QLatin1StringView("test") && !p.gpuUuid.isEmpty()) {
        if (Status st = anomalies(e, unit, p.gpuUuid); !st)
            return st;
    }
    if (e.step == QLatin1StringView("mount") && p.outcome != outcome::Remounted) {
        return exec(m_db,
                    QStringLiteral("INSERT INTO kpi_units (unit, model, mount_operator) VALUES (?, ?, ?) "
                                   "ON CONFLICT DO NOTHING"),
                    {unit, p.model, e.operatorId});
    }
    if (!judged)
        return {};
    const bool pass = p.passed();
    // Right-hand sides see the row as it was, so each CASE asks whether this is the first one.
    if (e.step == QLatin1StringView("inspect")) {
        return exec(m_db,
                    QStringLiteral("UPDATE kpi_units SET first_inspect_at = ?, first_inspect_station = ?, "
                                   "first_inspect_pass = ? WHERE unit = ? AND first_inspect_at IS NULL"),
                    {at, e.stationId, pass ? 1 : 0, unit});
    }
    return exec(
        m_db,
        QStringLiteral("UPDATE kpi_units SET tests = tests + 1, "
                       "first_test_pass = CASE WHEN first_test_at IS NULL THEN ? ELSE first_test_pass END, "
                       "first_test_station = coalesce(first_test_station, ?), "
                       "first_test_at = coalesce(first_test_at, ?) WHERE unit = ?"),
        {pass ? 1 : 0, e.stationId, at, unit});
}

Status KpiRollups::hourly(const EventRecord& e, int delta, const Card& card)
{
    const QDateTime at = e.recordedAt.toUTC();
    const QString hour = at.toString(Qt::ISODateWithMs).left(13);
    const QVariantList inQuarters = quarters(at.time().minute());
    // The same event counts per operator, and per station alone (the station view reads less).
    if (Status st = countEvent(m_db, kOperatorHourly, {hour, e.stationId, e.operatorId, e.step, card.model},
                               inQuarters, delta);
        !st)
        return st;
    return countEvent(m_db, kStationHourly, {hour, e.stationId, e.step, card.model}, inQuarters, delta);
}

Status KpiRollups::cards(const EventRecord& e, const QString& decided, int delta, const Card& card)
{
    if (!card.known)
        return {};
    const bool judged = e.step == QLatin1StringView("inspect") || e.step == QLatin1StringView("test");
    const QVariantList key{card.receivedHour, card.model};
    if (e.step == QLatin1StringView("intake")) {
        if (delta < 0) {
            return exec(m_db,
                        QStringLiteral("UPDATE kpi_cards SET received = received + ?, received_q15 = "
                                       "received_q15 + ?, received_q30 = received_q30 + ?, received_q45 = "
                                       "received_q45 + ? WHERE hour = ? AND model = ?"),
                        counted(card.receivedMinute, delta) + key);
        }
        return exec(
            m_db,
            QStringLiteral("INSERT INTO kpi_cards (hour, model, received, scrapped, received_q15, "
                           "received_q30, received_q45) VALUES (?, ?, 1, 0, ?, ?, ?) ON CONFLICT DO "
                           "UPDATE SET received = received + 1, received_q15 = received_q15 + "
                           "excluded.received_q15, received_q30 = received_q30 + excluded.received_q30, "
                           "received_q45 = received_q45 + excluded.received_q45"),
            key + quarters(card.receivedMinute));
    }
    // A card ends as scrap once: scrapped itself, or its die or unit (a failed judgement past the
    // repair limit, as the state projector reads it).
    const bool scrapped = e.step == QLatin1StringView("scrap") ||
                          (judged && decided != outcome::Pass && decided != outcome::Repair);
    if (!scrapped)
        return {};
    return exec(
        m_db,
        QStringLiteral("UPDATE kpi_cards SET scrapped = scrapped + ?, scrapped_q15 = scrapped_q15 + ?, "
                       "scrapped_q30 = scrapped_q30 + ?, scrapped_q45 = scrapped_q45 + ? "
                       "WHERE hour = ? AND model = ?"),
        counted(card.receivedMinute, delta) + key);
}

Status KpiRollups::unapply(const EventRecord& e)
{
    if (e.step == QLatin1StringView("void"))
        return {};
    Result<Card> card = cardOf(e);
    if (!card)
        return card.error();
    if (Status st = hourly(e, -1, card.value()); !st)
        return st;
    return cards(e, EventPayload::read(e.payload).outcome, -1, card.value());
}

Status KpiRollups::dropEmptyCounters(const QString& eventsTable)
{
    const QString touched = QStringLiteral("FROM %1 r CROSS JOIN events e ON e.seq = r.seq").arg(eventsTable);
    const QString statements[] = {
        QStringLiteral(
            "DELETE FROM kpi_hourly WHERE events <= 0 AND (hour, station_id, operator_id, step) IN "
            "(SELECT substr(e.recorded_at, 1, 13), e.station_id, e.operator_id, e.step ") +
            touched + QLatin1Char(')'),
        QStringLiteral("DELETE FROM kpi_station_hourly WHERE events <= 0 AND (hour, station_id, step) IN "
                       "(SELECT substr(e.recorded_at, 1, 13), e.station_id, e.step ") +
            touched + QLatin1Char(')'),
        // A card's counters sit in the hour of its intake, which is among the events replayed.
        QStringLiteral("DELETE FROM kpi_cards WHERE received <= 0 AND scrapped <= 0 AND hour IN "
                       "(SELECT substr(e.recorded_at, 1, 13) ") +
            touched + QStringLiteral(" WHERE e.step = 'intake')"),
    };
    for (const QString& statement : statements) {
        if (Status st = exec(m_db, statement, {}); !st)
            return st;
    }
    return {};
}

Status KpiRollups::anomalies(const EventRecord& e, const QString& unit, const QString& gpu)
{
    // The unit's own row already carries this GPU: the state change came first.
    if (Status st =
            exec(m_db,
                 QStringLiteral("INSERT OR IGNORE INTO kpi_anomalies (event_seq, kind, unit, gpu_uuid, "
                                "other) SELECT ?, 'duplicate_gpu', ?, ?, serial FROM units "
                                "WHERE gpu_uuid = ? AND serial <> ?"),
                 {e.seq, unit, gpu, gpu, unit});
        !st)
        return st;
    return exec(m_db,
                QStringLiteral("INSERT OR IGNORE INTO kpi_anomalies (event_seq, kind, unit, gpu_uuid, other) "
                               "SELECT ?, 'swapped_gpu', ?, ?, c.gpu_uuid FROM units u "
                               "JOIN cards c ON c.serial = u.card_serial WHERE u.serial = ? "
                               "AND c.gpu_uuid IS NOT NULL AND c.gpu_uuid <> ?"),
                {e.seq, unit, gpu, unit, gpu});
}

Status KpiRollups::spcValues(const EventRecord& e)
{
    QString model;
    bool modelRead = false;
    for (const SpcMeasurement& m : SpcMeasurement::all()) {
        const QJsonValue value = e.payload.value(m.name);
        if (!m.steps.contains(e.step) || !value.isDouble())
            continue; // a text, a boolean or no value is not charted
        if (!modelRead) {
            // The subject is the unit (inspect, test, mount) or the die (reball).
            auto found =
                sql::scalar(m_db,
                            QStringLiteral("SELECT coalesce((SELECT model FROM units WHERE serial = ?), "
                                           "(SELECT model FROM dies WHERE id = ?), '')"),
                            {e.subject, e.subject});
            if (!found)
                return found.error();
            model = found.value().toString();
            modelRead = true;
        }
        // The record's alloy, else its die's: only where the specification depends on it.
        QVariant alloy;
        if (m.perAlloy()) {
            alloy = sql::nullIfEmpty(e.payload.value(payload::Alloy).toString());
            if (alloy.isNull()) {
                auto found = sql::scalar(m_db, QStringLiteral("SELECT alloy FROM dies WHERE id = ?"),
                                         {e.payload.value(payload::Die).toString()});
                if (!found)
                    return found.error();
                alloy = found.value();
            }
        }
        if (Status st =
                exec(m_db,
                     QStringLiteral("INSERT INTO spc_values (event_seq, measurement, event_id, recorded_at, "
                                    "station_id, model, alloy, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {e.seq, QString(m.name), e.id, e.recordedAt.toUTC().toString(Qt::ISODateWithMs),
                      e.stationId, model, alloy, value.toDouble()});
            !st)
            return st;
    }
    return {};
}

Status KpiRollups::clear()
{
    for (const char* table : {"kpi_hourly", "kpi_station_hourly", "kpi_cards", "kpi_defects", "kpi_units",
                              "kpi_anomalies", "spc_values"}) {
        if (Status st = exec(m_db, QStringLiteral("DELETE FROM ") + QLatin1StringView(table), {}); !st)
            return st;
    }
    return {};
}

} // namespace rework
