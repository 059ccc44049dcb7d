#include "SetAside.h"

#include "domain/EventPayload.h"
#include "storage/EventLog.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

/// A reason kept as its English source and arguments, so each reader sees it in their language.
QString stored(const char* source, const QStringList& args)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("source"), QString::fromLatin1(source)},
                                  {QStringLiteral("args"), QJsonArray::fromStringList(args)}})
            .toJson(QJsonDocument::Compact));
}

QString fill(QString pattern, const QStringList& args)
{
    for (const QString& a : args)
        pattern = pattern.arg(a);
    return pattern;
}

QString subjectsJson(const QList<Subject>& subjects)
{
    QJsonArray a;
    for (const Subject& s : subjects)
        a.append(QJsonObject{{QStringLiteral("kind"), s.kind}, {QStringLiteral("serial"), s.serial}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

QString SetAside::reasonText(const QString& reason, bool translated)
{
    const QJsonObject o = QJsonDocument::fromJson(reason.toUtf8()).object();
    const QString source = o.value(QStringLiteral("source")).toString();
    if (source.isEmpty())
        return reason; // kept before reasons were stored this way
    QStringList args;
    const QJsonArray given = o.value(QStringLiteral("args")).toArray();
    for (const auto& v : given)
        args << v.toString();
    const QByteArray latin = source.toLatin1();
    return fill(translated ? tr(latin.constData()) : source, args);
}

Result<std::optional<std::pair<QString, QString>>> SetAside::basis(const PulledEvent& p) const
{
    for (const Subject& s : p.subjects) {
        auto row =
            sql::row(m_db,
                     QStringLiteral("SELECT r.event_id, r.step FROM sync_rejected_serials x JOIN "
                                    "sync_rejected r ON r.server_seq = x.server_seq WHERE x.serial = ? "
                                    "AND r.server_seq < ? ORDER BY r.server_seq LIMIT 1"),
                     {s.serial, p.serverSeq});
        if (!row)
            return row.error();
        if (row.value())
            return std::optional(std::pair{row.value()->at(0).toString(), row.value()->at(1).toString()});
    }
    return std::optional<std::pair<QString, QString>>();
}

Result<std::optional<SetAside::Reason>> SetAside::contradiction(const PulledEvent& p) const
{
    const EventPayload in = EventPayload::read(p.event.payload);
    const QString& step = p.event.step;
    const auto found = [&](const QString& statement, const QVariantList& values) -> Result<QString> {
        auto v = sql::scalar(m_db, statement, values);
        if (!v)
            return v.error();
        return v.value().isValid() ? v.value().toString() : QString();
    };
    using Found = std::optional<Reason>;
    if (step == QLatin1StringView("intake")) {
        Result<QString> lot = found(QStringLiteral("SELECT lot FROM cards WHERE serial = ?"), {in.card});
        if (!lot)
            return lot.error();
        if (!lot->isNull())
            return Found(
                Reason{QT_TR_NOOP("card %1 was already taken in here (lot %2); the other station took "
                                  "it in with lot %3"),
                       {in.card, lot.value(), in.lot}});
    } else if (step == QLatin1StringView("strip")) {
        Result<QString> die =
            found(QStringLiteral("SELECT die_id FROM cards WHERE serial = ? AND die_id IS NOT "
                                 "NULL AND die_id <> ?"),
                  {in.card, in.die});
        if (!die)
            return die.error();
        if (!die->isNull())
            return Found(
                Reason{QT_TR_NOOP("card %1 was already stripped here (die %2)"), {in.card, die.value()}});
    } else if (step == QLatin1StringView("mount") && in.outcome != outcome::Remounted) {
        Result<QString> unitOfDie =
            found(QStringLiteral(
                      "SELECT unit_serial FROM dies WHERE id = ? AND unit_serial IS NOT NULL AND unit_serial "
                      "<> ?"),
                  {in.die, in.unit});
        if (!unitOfDie)
            return unitOfDie.error();
        if (!unitOfDie->isNull())
            return Found(
                Reason{QT_TR_NOOP("die %1 is already mounted here as unit %2"), {in.die, unitOfDie.value()}});
        Result<QString> unitOfBoard =
            found(QStringLiteral("SELECT unit_serial FROM boards WHERE serial = ?"), {in.board});
        if (!unitOfBoard)
            return unitOfBoard.error();
        if (!unitOfBoard->isNull())
            return Found(Reason{QT_TR_NOOP("board %1 is already part of unit %2 here"),
                                {in.board, unitOfBoard.value()}});
    }
    return Found();
}

Result<SetAside::Outcome> SetAside::offer(EventLog& log, const PulledEvent& p, Guard guard)
{
    auto known = sql::scalar(m_db, QStringLiteral("SELECT 1 FROM events WHERE id = ?"), {p.event.id});
    if (!known)
        return known.error();
    if (known.value().isValid())
        return Outcome::Known;
    // A void never builds on what it voids: voiding a set-aside record is how a conflict ends.
    const bool isVoid = p.event.step == QLatin1StringView("void");
    Result<std::optional<std::pair<QString, QString>>> builtOn =
        isVoid ? Result<std::optional<std::pair<QString, QString>>>(std::nullopt) : basis(p);
    if (!builtOn)
        return builtOn.error();
    if (builtOn.value()) {
        const auto& [id, step] = *builtOn.value();
        if (Status st = keep(p,
                             {QT_TR_NOOP("it builds on record %1 (%2), which is set aside here until a "
                                         "supervisor resolves the conflict"),
                              {id, step}},
                             id);
            !st)
            return st.error();
        return Outcome::SetAside;
    }
    Result<std::optional<Reason>> contradicts = contradiction(p);
    if (!contradicts)
        return contradicts.error();
    if (contradicts.value()) {
        if (Status st = keep(p, *contradicts.value(), QString()); !st)
            return st.error();
        return Outcome::SetAside;
    }
    // A void from another station takes effect like a local one: its items are replayed.
    EventRecord event = p.event;
    if (guard == Guard::None) {
        if (Status applied = log.apply(event, p.subjects, EventStore::Origin::Pulled); !applied) {
            spdlog::debug("pulled event {} does not apply unguarded; the batch goes again guarded: {}",
                          p.event.id.toStdString(), applied.error().logLine());
            return Outcome::Failed;
        }
        return Outcome::Applied;
    }
    if (auto sp = sql::run(m_db, QStringLiteral("SAVEPOINT pulled")); !sp)
        return sp.error();
    const Status applied = log.apply(event, p.subjects, EventStore::Origin::Pulled);
    if (applied) {
        if (auto rel = sql::run(m_db, QStringLiteral("RELEASE pulled")); !rel)
            return rel.error();
        return Outcome::Applied;
    }
    if (auto back = sql::run(m_db, QStringLiteral("ROLLBACK TO pulled")); !back)
        return back.error();
    if (auto rel = sql::run(m_db, QStringLiteral("RELEASE pulled")); !rel)
        return rel.error();
    spdlog::warn("pulled event {} does not apply: {}", p.event.id.toStdString(), applied.error().logLine());
    if (Status st =
            keep(p,
                 {QT_TR_NOOP("it contradicts what this station holds for %1; a supervisor resolves it on "
                             "the dashboard"),
                  {p.event.subject}},
                 QString());
        !st)
        return st.error();
    return Outcome::SetAside;
}

Status SetAside::keep(const PulledEvent& p, const Reason& why, const QString& basisId)
{
    spdlog::warn("pulled event {} ({} of {}) set aside: {}", p.event.id.toStdString(),
                 p.event.step.toStdString(), p.event.subject.toStdString(),
                 fill(QString::fromLatin1(why.source), why.args).toStdString());
    if (Status st = sql::exec(
            m_db,
            QStringLiteral(
                "INSERT OR REPLACE INTO sync_rejected (server_seq, event_id, station_id, step, subject, "
                "reason, seen_at, recorded_at, operator_id, payload, subjects, basis) VALUES (?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {p.serverSeq, p.event.id, p.event.stationId, p.event.step, p.event.subject,
             stored(why.source, why.args), m_clock.now().toUTC().toString(Qt::ISODateWithMs),
             p.event.recordedAt.toUTC().toString(Qt::ISODateWithMs), p.event.operatorId,
             QString::fromUtf8(QJsonDocument(p.event.payload).toJson(QJsonDocument::Compact)),
             subjectsJson(p.subjects), sql::nullIfEmpty(basisId)});
        !st)
        return st;
    // The serials it brought in, that this station's own record does not hold: a later event on
    // any of them builds on it. Serials both sides share (the die, the card) are not among them.
    for (const Subject& s : p.subjects) {
        auto local = sql::scalar(
            m_db, QStringLiteral("SELECT 1 FROM event_subjects WHERE serial = ? LIMIT 1"), {s.serial});
        if (!local)
            return local.error();
        if (local.value().isValid())
            continue;
        if (Status st =
                sql::exec(m_db,
                          QStringLiteral("INSERT OR IGNORE INTO sync_rejected_serials (serial, server_seq) "
                                         "VALUES (?, ?)"),
                          {s.serial, p.serverSeq});
            !st)
            return st;
    }
    return {};
}

Result<QList<PulledEvent>> SetAside::all() const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT server_seq, event_id, recorded_at, station_id, operator_id, step, "
                             "subject, payload, subjects FROM sync_rejected ORDER BY server_seq"));
    // Voided ones are among them (kept for the record): callers that act on them check.
    if (!q)
        return q.error();
    QList<PulledEvent> out;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        PulledEvent p;
        p.serverSeq = r.value(0).toLongLong();
        p.event.id = r.value(1).toString();
        p.event.recordedAt = QDateTime::fromString(r.value(2).toString(), Qt::ISODateWithMs);
        p.event.stationId = r.value(3).toString();
        p.event.operatorId = r.value(4).toString();
        p.event.step = r.value(5).toString();
        p.event.subject = r.value(6).toString();
        p.event.payload = QJsonDocument::fromJson(r.value(7).toByteArray()).object();
        const QJsonArray subjects = QJsonDocument::fromJson(r.value(8).toByteArray()).array();
        for (const auto& s : subjects)
            p.subjects.append(
                {s[QLatin1StringView("kind")].toString(), s[QLatin1StringView("serial")].toString()});
        out.append(p);
    }
    return out;
}

Result<int> SetAside::retry()
{
    // A pass can free what an earlier one kept (a void applied late in the pass frees the record
    // it voids, earlier in the list): passes repeat while they change something.
    int total = 0;
    for (int pass = 0; pass < 8; ++pass) {
        Result<int> left = retryOnce();
        if (!left)
            return left.error();
        if (left.value() == 0)
            break;
        total += left.value();
    }
    return total;
}

Result<int> SetAside::retryOnce()
{
    Result<QList<PulledEvent>> kept = all();
    if (!kept)
        return kept.error();
    EventLog log(m_db);
    int left = 0;
    for (const PulledEvent& p : kept.value()) {
        // Kept from before events were stored whole: nothing to offer again.
        if (!p.event.recordedAt.isValid())
            continue;
        auto voided = sql::scalar(
            m_db, QStringLiteral("SELECT void_event_id FROM voided_events WHERE event_id = ?"), {p.event.id});
        if (!voided)
            return voided.error();
        if (Status st =
                sql::exec(m_db, QStringLiteral("DELETE FROM sync_rejected_serials WHERE server_seq = ?"),
                          {p.serverSeq});
            !st)
            return st.error();
        if (voided.value().isValid()) {
            // A resolution voided it: kept for the record, never applied, in nobody's way.
            const QString done =
                stored(QT_TR_NOOP("voided by record %1 when a supervisor resolved the conflict; "
                                  "kept for the record"),
                       {voided.value().toString()});
            auto changed = sql::scalar(
                m_db, QStringLiteral("SELECT reason <> ? FROM sync_rejected WHERE server_seq = ?"),
                {done, p.serverSeq});
            if (!changed)
                return changed.error();
            if (changed.value().toBool()) {
                if (Status st = sql::exec(
                        m_db, QStringLiteral("UPDATE sync_rejected SET reason = ? WHERE server_seq = ?"),
                        {done, p.serverSeq});
                    !st)
                    return st.error();
                spdlog::info("set-aside event {} was voided by a resolution", p.event.id.toStdString());
                ++left;
            }
            continue;
        }
        if (Status st = sql::exec(m_db, QStringLiteral("DELETE FROM sync_rejected WHERE server_seq = ?"),
                                  {p.serverSeq});
            !st)
            return st.error();
        Result<Outcome> again = offer(log, p);
        if (!again)
            return again.error();
        if (again.value() != Outcome::SetAside)
            ++left;
    }
    return left;
}

} // namespace rework
