#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace rework {

/// Operator PINs hashed with libsodium's argon2id (`crypto_pwhash_str`): salted, slow on
/// purpose, with the parameters stored inside the hash string.
class PinHasher
{
    Q_DECLARE_TR_FUNCTIONS(PinHasher)

public:
    /// PINs are 4 to 12 digits: typed on a numeric keypad or scanned from a badge.
    static Status checkFormat(const QString& pin);
    static Result<QString> hash(const QString& pin);
    /// The same hash of any secret (a station token's), with no check of its shape.
    static Result<QString> hashSecret(const QString& secret);
    static bool verify(const QString& hash, const QString& pin);
    /// Whether a stored hash was made with other parameters than today's: re-hash at login.
    static bool needsRehash(const QString& hash);
};

} // namespace rework
