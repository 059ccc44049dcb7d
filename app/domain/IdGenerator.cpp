#include "IdGenerator.h"

#include <QRandomGenerator>

#include <array>

namespace rework {
namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

} // namespace

QString IdGenerator::uuidV7(const QDateTime& at)
{
    const quint64 ms = static_cast<quint64>(at.toMSecsSinceEpoch()) & 0xFFFFFFFFFFFFull;
    std::array<quint8, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<quint8>(ms >> (8 * (5 - i)));
    QRandomGenerator* rng = QRandomGenerator::system();
    for (size_t i = 6; i < 16; ++i)
        b[i] = static_cast<quint8>(rng->bounded(256));
    b[6] = static_cast<quint8>(0x70 | (b[6] & 0x0F)); // version 7
    b[8] = static_cast<quint8>(0x80 | (b[8] & 0x3F)); // variant 10
    QString hex;
    hex.reserve(36);
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            hex += QLatin1Char('-');
        hex += QString::number(b[i], 16).rightJustified(2, QLatin1Char('0'));
    }
    return hex;
}

QString IdGenerator::shortId(QChar prefix, const QDateTime& at)
{
    const quint64 ms = static_cast<quint64>(at.toMSecsSinceEpoch()) & ((quint64{1} << 42) - 1);
    const quint64 random = QRandomGenerator::system()->bounded(1u << 18);
    const quint64 bits = (ms << 18) | random; // 60 bits, 12 groups of five
    QString id(prefix);
    for (int i = 11; i >= 0; --i)
        id += QLatin1Char(kCrockford[(bits >> (5 * i)) & 0x1F]);
    return id;
}

} // namespace rework
