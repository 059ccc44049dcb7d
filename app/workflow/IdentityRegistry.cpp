#include "IdentityRegistry.h"

#include "domain/SerialRules.h"
#include "storage/Sql.h"

#include <QRegularExpression>

namespace rework {

Result<std::optional<Identity>> IdentityRegistry::find(const QString& serial) const
{
    // Each branch is a primary-key or indexed lookup; the first row wins, so an item that also
    // reported a GPU UUID equal to its serial (never in practice) reads as the item.
    static const QString lookup =
        QStringLiteral("SELECT 'unit', serial, serial, card_serial FROM units WHERE serial = ? "
                       "UNION ALL SELECT 'die', id, unit_serial, card_serial FROM dies WHERE id = ? "
                       "UNION ALL SELECT 'board', serial, unit_serial, NULL FROM boards WHERE serial = ? "
                       "UNION ALL SELECT 'card', serial, (SELECT unit_serial FROM dies WHERE dies.id = "
                       "cards.die_id), serial "
                       "FROM cards WHERE serial = ? "
                       "UNION ALL SELECT 'batch', id, NULL, NULL FROM batches WHERE id = ? "
                       "UNION ALL SELECT 'gpu', gpu_uuid, serial, card_serial FROM units WHERE gpu_uuid = ? "
                       "UNION ALL SELECT 'gpu', gpu_uuid, (SELECT unit_serial FROM dies WHERE dies.id = "
                       "cards.die_id), serial "
                       "FROM cards WHERE gpu_uuid = ? "
                       "LIMIT 1");
    const QString gpu = SerialRules::normalise(SerialKind::GpuUuid, serial); // GPU-, then lower-case hex
    auto r = sql::row(m_db, lookup, {serial, serial, serial, serial, serial, gpu, gpu});
    if (!r)
        return r.error();
    if (!r.value())
        return std::optional<Identity>();
    const QVariantList& row = *r.value();
    static const QHash<QString, IdentityKind> kinds{
        {QStringLiteral("unit"), IdentityKind::Unit},   {QStringLiteral("die"), IdentityKind::Die},
        {QStringLiteral("board"), IdentityKind::Board}, {QStringLiteral("card"), IdentityKind::Card},
        {QStringLiteral("batch"), IdentityKind::Batch}, {QStringLiteral("gpu"), IdentityKind::Gpu}};
    return std::optional<Identity>(Identity{kinds.value(row.at(0).toString()), row.at(1).toString(),
                                            row.at(2).toString(), row.at(3).toString()});
}

bool IdentityRegistry::isIssuedShape(const QString& serial)
{
    // IdGenerator::shortId: 'D' (die) or 'U' (unit) and 12 Crockford base32 characters.
    static const QRegularExpression issued(QStringLiteral("^[DU][0-9A-HJKMNP-TV-Z]{12}$"));
    return issued.match(serial).hasMatch();
}

QString IdentityRegistry::kindName(IdentityKind kind)
{
    switch (kind) {
    case IdentityKind::Card:
        return QStringLiteral("card");
    case IdentityKind::Die:
        return QStringLiteral("die");
    case IdentityKind::Board:
        return QStringLiteral("board");
    case IdentityKind::Unit:
        return QStringLiteral("unit");
    case IdentityKind::Batch:
        return QStringLiteral("batch");
    case IdentityKind::Gpu:
        return QStringLiteral("gpu");
    }
    return {};
}

Message IdentityRegistry::kindTitle(IdentityKind kind)
{
    switch (kind) {
    case IdentityKind::Card:
        return Message(tr, QT_TR_NOOP("donor card"));
    case IdentityKind::Die:
        return Message(tr, QT_TR_NOOP("die"));
    case IdentityKind::Board:
        return Message(tr, QT_TR_NOOP("server board"));
    case IdentityKind::Unit:
        return Message(tr, QT_TR_NOOP("unit"));
    case IdentityKind::Batch:
        return Message(tr, QT_TR_NOOP("batch"));
    case IdentityKind::Gpu:
        return Message(tr, QT_TR_NOOP("GPU"));
    }
    return {};
}

Message IdentityRegistry::labelToScan(IdentityKind kind)
{
    switch (kind) {
    case IdentityKind::Card:
        return Message(tr, QT_TR_NOOP("scan the donor card's serial sticker"));
    case IdentityKind::Die:
        return Message(tr, QT_TR_NOOP("scan the die's traveler label"));
    case IdentityKind::Board:
        return Message(tr, QT_TR_NOOP("scan the serial sticker of a new server board"));
    case IdentityKind::Unit:
        return Message(tr, QT_TR_NOOP("scan the unit label or its board's serial sticker"));
    case IdentityKind::Batch:
        return Message(tr, QT_TR_NOOP("scan the batch label"));
    case IdentityKind::Gpu:
        return Message(tr, QT_TR_NOOP("import the nvidia-smi report"));
    }
    return {};
}

} // namespace rework
