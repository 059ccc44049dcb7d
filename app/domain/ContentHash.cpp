#include "ContentHash.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

namespace rework {

QByteArray sha256Hex(QByteArrayView content)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    // EVP_Digest fails only without memory for its context: Qt's slower SHA-256 then.
    if (EVP_Digest(content.data(), size_t(content.size()), digest, &size, EVP_sha256(), nullptr) != 1)
        return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    return QByteArray(reinterpret_cast<const char*>(digest), int(size)).toHex();
}

} // namespace rework
