#include "LabelData.h"

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

} // namespace

Result<LabelData::Variables> LabelData::load(const QSqlDatabase& db, LabelTemplate::Kind kind,
                                             const QString& subject, const QString& operatorId,
                                             const QDateTime& now)
{
    Variables v;
    v.insert(QStringLiteral("date"), now.toLocalTime().date().toString(Qt::ISODate));
    v.insert(QStringLiteral("time"), now.toLocalTime().toString(QStringLiteral("HH:mm")));
    if (!operatorId.isEmpty())
        v.insert(QStringLiteral("operator"), operatorId);
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
