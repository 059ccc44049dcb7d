#pragma once

#include "domain/Message.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace rework {

/// The kinds of item an identifier can stand for. One serial is one item of one kind.
enum class IdentityKind
{
    Card,  // donor card (seen at intake)
    Die,   // die id (issued at strip)
    Board, // server board (seen at mount)
    Unit,  // unit serial (issued at mount)
    Batch, // batch id (opened at pack)
    Gpu,   // GPU UUID (read from a report)
};

/// What an identifier is known as here.
struct Identity
{
    IdentityKind kind = IdentityKind::Card;
    QString serial;     // as stored
    QString unitSerial; // the unit it is part of now, if any (a die, a board, a GPU, the unit itself)
    QString cardSerial; // the card a GPU UUID was read from at intake, when no unit carries it
};

/// Every identifier the system issued (die ids, unit serials, batch ids) or saw (donor cards,
/// boards, GPU UUIDs) resolves here to exactly one kind of item. Forms, the CLI and "scan
/// anything" all ask this one place, in one indexed lookup over the derived tables.
class IdentityRegistry
{
    Q_DECLARE_TR_FUNCTIONS(IdentityRegistry)

public:
    explicit IdentityRegistry(const QSqlDatabase& db) : m_db(db) {}

    /// The item `serial` (normalised) stands for here, or none.
    Result<std::optional<Identity>> find(const QString& serial) const;

    /// A die id or unit serial as this system issues them (prefix and 12 Crockford base32
    /// characters). Another station may have issued it, so the shape alone says it is ours.
    static bool isIssuedShape(const QString& serial);

    static QString kindName(IdentityKind kind);
    /// Translated: "donor card", "die", "server board", ...
    static Message kindTitle(IdentityKind kind);
    /// Translated: which label to scan for an item of this kind.
    static Message labelToScan(IdentityKind kind);

private:
    QSqlDatabase m_db;
};

} // namespace rework
