#pragma once

#include <QDateTime>
#include <QString>

namespace rework {

/// Makes globally unique, time-ordered identifiers without a central server, so that stations
/// working offline never collide when their events meet at sync.
class IdGenerator
{
public:
    /// RFC 9562 UUIDv7 in canonical lower-case form: 48-bit Unix ms, version, random bits.
    static QString uuidV7(const QDateTime& at);
    /// Scannable short id: `prefix` + 12 Crockford base32 characters (42-bit ms time + 18 random bits).
    static QString shortId(QChar prefix, const QDateTime& at);
};

} // namespace rework
