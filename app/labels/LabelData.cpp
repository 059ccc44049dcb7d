#include "LabelData.h"

#include "domain/ItemStates.h"
#include "domain/Step.h"
#include "storage/Sql.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

namespace rework {
namespace {

/// Adds every column of the query's first row as `prefix.column`; false if there is no row.
Result<bool> addRow(const QSqlDatabase& db, const QString& prefix, const QString& statement,
                    const QVariantList& binds, LabelData::Variables& out)
{
    auto q = sql::run(db, statement, binds);
    if (!q)
        return q.error();
    if (!q.value().next())
        return false;
    const QSqlRecord record = q.value().record();
    for (int i = 0; i < record.count(); ++i) {
        if (!q.value().isNull(i))
            out.insert(prefix + QLatin1Char('.') + record.fieldName(i), q.value().value(i).toString());
    }
    return true;
}

const QString kSelectDie = QStringLiteral("SELECT id, marking, date_code, msl, alloy, state, card_serial "
                                          "FROM dies WHERE id = ?");

/// A unit's own fields, its die's, its board's serial and its batch id; false if there is no such unit.
Result<bool> addUnit(const QSqlDatabase& db, const QString& subject, LabelData::Variables& v)
{
    auto found = addRow(db, QStringLiteral("unit"),
                        QStringLiteral("SELECT serial, board_serial, gpu_uuid, state, batch_id, die_id, "
                                       "card_serial FROM units WHERE serial = ?"),
                        {subject}, v);
    if (!found || !found.value())
        return found;
    if (auto die = addRow(db, QStringLiteral("die"), kSelectDie, {v.value(QStringLiteral("unit.die_id"))}, v);
        !die)
        return die.error();
    v.insert(QStringLiteral("board.serial"), v.value(QStringLiteral("unit.board_serial")));
    if (v.contains(QStringLiteral("unit.batch_id")))
        v.insert(QStringLiteral("batch.id"), v.value(QStringLiteral("unit.batch_id")));
    return true;
}

/// A batch's own fields, its unit count and serials; false if there is no such batch.
Result<bool> addBatch(const QSqlDatabase& db, const QString& subject, LabelData::Variables& v)
{
    auto found = addRow(db, QStringLiteral("batch"),
                        QStringLiteral("SELECT id, state, opened_at, closed_at FROM batches WHERE id = ?"),
                        {subject}, v);
    if (!found || !found.value())
        return found;
    auto serials = sql::column(
        db, QStringLiteral("SELECT serial FROM units WHERE batch_id = ? ORDER BY serial"), {subject});
    if (!serials)
        return serials.error();
    v.insert(QStringLiteral("batch.count"), QString::number(serials->size()));
    if (!serials->isEmpty())
        v.insert(QStringLiteral("batch.serials"), serials->join(QLatin1Char('\n')));
    return true;
}

/// The labelled item's own variables; false if it is not recorded.
Result<bool> addSubject(const QSqlDatabase& db, LabelTemplate::Kind kind, const QString& subject,
                        LabelData::Variables& v)
{
    switch (kind) {
    case LabelTemplate::Kind::Die:
        return addRow(db, QStringLiteral("die"), kSelectDie, {subject}, v);
    case LabelTemplate::Kind::Unit:
        return addUnit(db, subject, v);
    case LabelTemplate::Kind::Batch:
        return addBatch(db, subject, v);
    }
    return false;
}

/// The donor card (a batch has none), the model and the product's own fields.
Status addOrigin(const QSqlDatabase& db, LabelTemplate::Kind kind, const QString& subject,
                 LabelData::Variables& v)
{
    const bool batch = kind == LabelTemplate::Kind::Batch;
    const QString card = batch ? QString() : v.value(QStringLiteral("die.card_serial"));
    if (!card.isEmpty()) {
        if (auto c = addRow(
                db, QStringLiteral("card"),
                QStringLiteral("SELECT serial, lot, partner, pcb_rev, gpu_uuid FROM cards WHERE serial = ?"),
                {card}, v);
            !c)
            return c.error();
    }
    const QString modelSql = batch ? QStringLiteral("SELECT model FROM batches WHERE id = ?")
                                   : QStringLiteral("SELECT model FROM dies WHERE id = ?");
    auto model = sql::scalar(db, modelSql, {batch ? subject : v.value(QStringLiteral("die.id"))});
    if (!model)
        return model.error();
    if (!model.value().isNull()) {
        v.insert(QStringLiteral("model"), model.value().toString());
        if (auto p = addRow(db, QStringLiteral("product"),
                            QStringLiteral("SELECT * FROM products WHERE model = ?"), {model.value()}, v);
            !p)
            return p.error();
    }
    return {};
}

/// A stored UTC time as the local date a label shows.
QString localDate(const QString& stored)
{
    return QDateTime::fromString(stored, Qt::ISODateWithMs).toLocalTime().date().toString(Qt::ISODate);
}

/// When and by whom `serial` last went through `step` (not voided; a test only if it passed), as
/// `prefix.<verb>_at` (local date) and `prefix.<verb>_by` (operator id). Nothing if it never did:
/// a label asking for it then names the missing variable instead of printing a guess.
Status addStepRecord(const QSqlDatabase& db, const QString& prefix, const QString& serial, Step step,
                     const QString& verb, LabelData::Variables& v)
{
    auto q = sql::run(db,
                      QStringLiteral("SELECT e.recorded_at, e.operator_id FROM events e "
                                     "JOIN event_subjects s ON s.event_seq = e.seq "
                                     "WHERE s.serial = ? AND s.kind = ? AND e.step = ? "
                                     "AND (e.step <> 'test' OR json_extract(e.payload, '$.result') = 'pass') "
                                     "AND NOT EXISTS (SELECT 1 FROM voided_events x WHERE x.event_id = e.id) "
                                     "ORDER BY e.seq DESC LIMIT 1"),
                      {serial, prefix, stepName(step)});
    if (!q)
        return q.error();
    if (q.value().next()) {
        v.insert(prefix + QLatin1Char('.') + verb + QStringLiteral("_at"),
                 localDate(q.value().value(0).toString()));
        v.insert(prefix + QLatin1Char('.') + verb + QStringLiteral("_by"), q.value().value(1).toString());
    }
    return {};
}

/// The operator of the step the label is for (strip, test, close): `operator.id`, `operator.name`.
Status addStepOperator(const QSqlDatabase& db, const QString& operatorId, LabelData::Variables& v)
{
    if (operatorId.isEmpty())
        return {};
    v.insert(QStringLiteral("operator.id"), operatorId);
    auto found = addRow(db, QStringLiteral("operator"),
                        QStringLiteral("SELECT name FROM operators WHERE id = ?"), {operatorId}, v);
    if (!found)
        return found.error();
    return {};
}

/// What was done to the item and by whom, read from the event log rather than from the print.
Status addRecord(const QSqlDatabase& db, LabelTemplate::Kind kind, LabelData::Variables& v)
{
    const auto add = [&](const char* prefix, Step step, const char* verb) {
        const QString p = QString::fromLatin1(prefix);
        return addStepRecord(db, p, v.value(p + QStringLiteral(".id")), step, QString::fromLatin1(verb), v);
    };
    QString own;
    switch (kind) {
    case LabelTemplate::Kind::Die:
        if (Status st = add("die", Step::Strip, "stripped"); !st)
            return st;
        own = v.value(QStringLiteral("die.stripped_by"));
        break;
    case LabelTemplate::Kind::Unit:
        v.insert(QStringLiteral("unit.id"), v.value(QStringLiteral("unit.serial")));
        for (const Status& st : {add("die", Step::Strip, "stripped"), add("unit", Step::Mount, "mounted"),
                                 add("unit", Step::Test, "tested")}) {
            if (!st)
                return st;
        }
        own = v.value(QStringLiteral("unit.tested_by"));
        break;
    case LabelTemplate::Kind::Batch:
        for (const char* stamp : {"batch.opened_at", "batch.closed_at", "batch.shipped_at"}) {
            const QString key = QString::fromLatin1(stamp);
            if (v.contains(key))
                v.insert(key, localDate(v.value(key)));
        }
        if (Status st = add("batch", Step::Close, "closed"); !st)
            return st;
        own = v.value(QStringLiteral("batch.closed_by"));
        break;
    }
    return addStepOperator(db, own, v);
}

/// A label is for an item in the state it describes: a unit label says the unit passed its test,
/// a batch label that the batch is complete. Anything else is refused with what to do instead.
Status checkState(LabelTemplate::Kind kind, const QString& subject, const LabelData::Variables& v,
                  const QString& printedFrom)
{
    const auto state = [&](const char* key) { return v.value(QString::fromLatin1(key)); };
    const QString kindName = LabelTemplate::kindName(kind);
    if (state(kind == LabelTemplate::Kind::Die    ? "die.state"
              : kind == LabelTemplate::Kind::Unit ? "unit.state"
                                                  : "batch.state") == states::Scrapped) {
        return makeError(
            ErrorCode::ItemScrapped, QStringLiteral("state"),
            Message(&LabelData::tr,
                    QT_TRANSLATE_NOOP("LabelData", "%1 %2 is scrapped; a scrapped item gets no label, mark "
                                                   "it as scrap instead"),
                    {kindName, subject}));
    }
    const bool passed = state("unit.state") == states::Tested || state("unit.state") == states::Packed ||
                        state("unit.state") == states::Shipped;
    // A traveler goes with the unit from mount on; it says nothing of a test.
    const bool traveler = printedFrom == QLatin1StringView("mounted");
    if (kind == LabelTemplate::Kind::Unit && !traveler &&
        (!passed || !v.contains(QStringLiteral("unit.tested_at")))) {
        return makeError(
            ErrorCode::OutOfOrder, QStringLiteral("state"),
            Message(&LabelData::tr,
                    QT_TRANSLATE_NOOP("LabelData",
                                      "unit %1 has not passed its test; test it, then print its label"),
                    {subject}));
    }
    if (kind == LabelTemplate::Kind::Batch && state("batch.state") == states::Open) {
        return makeError(
            ErrorCode::OutOfOrder, QStringLiteral("state"),
            Message(&LabelData::tr,
                    QT_TRANSLATE_NOOP("LabelData", "batch %1 is still open; close it, then print its label"),
                    {subject}));
    }
    return {};
}

} // namespace

Result<LabelData::Variables> LabelData::load(const QSqlDatabase& db, LabelTemplate::Kind kind,
                                             const QString& subject, const QString& operatorId,
                                             const QDateTime& now, const QString& printedFrom)
{
    Variables v;
    // The print itself; `date` and `operator` are the names older templates use for it.
    const QString printedAt = now.toLocalTime().date().toString(Qt::ISODate);
    v.insert(QStringLiteral("printed_at"), printedAt);
    v.insert(QStringLiteral("date"), printedAt);
    v.insert(QStringLiteral("time"), now.toLocalTime().toString(QStringLiteral("HH:mm")));
    if (!operatorId.isEmpty()) {
        v.insert(QStringLiteral("printed_by"), operatorId);
        v.insert(QStringLiteral("operator"), operatorId);
        // `printed_by.name`: the name of the person printing, as `operator.name` is the step's.
        if (auto named = addRow(db, QStringLiteral("printed_by"),
                                QStringLiteral("SELECT name FROM operators WHERE id = ?"), {operatorId}, v);
            !named)
            return named.error();
    }
    Result<bool> found = addSubject(db, kind, subject, v);
    if (!found)
        return found.error();
    if (!found.value()) {
        const QString kindName = LabelTemplate::kindName(kind);
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("serial"),
                         Message(tr, QT_TR_NOOP("no %1 %2 is recorded; scan the %1's own label"),
                                 {kindName, subject.left(40)}));
    }
    if (Status st = addOrigin(db, kind, subject, v); !st)
        return st.error();
    if (Status st = addRecord(db, kind, v); !st)
        return st.error();
    if (Status st = checkState(kind, subject, v, printedFrom); !st)
        return st.error();
    return v;
}

Result<QString> LabelData::expand(const QString& text, const Variables& variables)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{([A-Za-z0-9_.]{1,60})\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        const QString value = variables.value(name);
        if (value.isEmpty()) {
            return makeError(
                ErrorCode::MissingField, name,
                Message(
                    tr,
                    QT_TR_NOOP("the label needs ${%1}, which has no value here; record it first or fix the "
                               "template"),
                    {name}));
        }
        out += text.mid(last, m.capturedStart() - last) + value;
        last = m.capturedEnd();
    }
    out += text.mid(last);
    if (out.contains(QStringLiteral("${")))
        return makeError(ErrorCode::InvalidValue, QStringLiteral("template"),
                         Message(tr, QT_TR_NOOP("the label text has a malformed ${...}; fix the template")));
    return out;
}

} // namespace rework
