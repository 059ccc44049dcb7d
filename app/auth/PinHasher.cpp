#include "PinHasher.h"

#include <QRegularExpression>

#include <sodium.h>

namespace rework {
namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Status PinHasher::checkFormat(const QString& pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,12}$"));
    if (!digits.match(pin).hasMatch())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("pin"),
                         Message(tr, QT_TR_NOOP("a PIN is 4 to 12 digits")));
    return {};
}

Result<QString> PinHasher::hash(const QString& pin)
{
    if (Status st = checkFormat(pin); !st)
        return st.error();
    return hashSecret(pin);
}

Result<QString> PinHasher::hashSecret(const QString& pin)
{
    if (!sodiumReady())
        return makeError(ErrorCode::Storage, QStringLiteral("pin"),
                         Message(tr, QT_TR_NOOP("the crypto library failed to start")));
    const QByteArray utf8 = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return makeError(ErrorCode::Storage, QStringLiteral("pin"),
                         Message(tr, QT_TR_NOOP("out of memory while hashing the PIN")));
    }
    return QString::fromLatin1(out);
}

bool PinHasher::verify(const QString& hash, const QString& pin)
{
    if (!sodiumReady() || hash.isEmpty())
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray p = pin.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), p.constData(),
                                    static_cast<unsigned long long>(p.size())) == 0;
}

bool PinHasher::needsRehash(const QString& hash)
{
    if (!sodiumReady() || hash.isEmpty())
        return false;
    const QByteArray h = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(h.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

} // namespace rework
