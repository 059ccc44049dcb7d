#include "StationTokens.h"

#include "PinHasher.h"
#include "domain/SerialRules.h"
#include "storage/AuditLog.h"
#include "storage/Authority.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <sodium.h>
#include <spdlog/spdlog.h>

namespace rework {
namespace {

constexpr int kSecretBytes = 20; // 160 bits: 32 base32 characters

/// `rwt_` and the random bytes in RFC 4648 base32 (no padding: 20 bytes are 32 characters).
QString newSecret()
{
    unsigned char bytes[kSecretBytes];
    randombytes_buf(bytes, sizeof bytes);
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out = QStringLiteral("rwt_");
    quint64 buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += QLatin1Char(alphabet[(buffer >> bits) & 0x1f]);
        }
    }
    sodium_memzero(bytes, sizeof bytes);
    return out;
}

QString nowText(const QDateTime& now)
{
    return now.toString(Qt::ISODateWithMs);
}

} // namespace

QString StationTokens::operatorId(qint64 id)
{
    return kTokenOperatorPrefix + QString::number(id);
}

Result<StationTokens::Created> StationTokens::create(const OperatorInfo& actor, const QString& rawStation,
                                                     const QStringList& rawSteps)
{
    const QString station = SerialRules::normalise(SerialKind::Station, rawStation);
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st = Authority::require(m_db, actor, QStringLiteral("tokens.manage")); !st)
        return st.error();
    auto stationStep = sql::scalar(m_db, QStringLiteral("SELECT step FROM stations WHERE id = ?"), {station});
    if (!stationStep)
        return stationStep.error();
    if (!stationStep.value().isValid())
        return makeError(
            ErrorCode::UnknownStation, QStringLiteral("station"),
            Message(tr, QT_TR_NOOP("station %1 is not registered; add it first"), {station.left(32)}));
    QStringList steps;
    for (const QString& raw : rawSteps) {
        const QString name = raw.trimmed().toLower();
        const std::optional<Step> step = stepFromName(name);
        // Only what can be recorded at this station: its own step, or a step of no station.
        if (!step || *step == Step::Void || (isStationStep(*step) && name != stationStep.value().toString()))
            return makeError(ErrorCode::InvalidValue, QStringLiteral("steps"),
                             Message(tr,
                                     QT_TR_NOOP("\"%1\" is not recorded at %2, which is a station for %3"),
                                     {name.left(40), station, stationStep.value().toString()}));
        if (!steps.contains(name))
            steps << name;
    }
    if (steps.isEmpty())
        return makeError(ErrorCode::MissingField, QStringLiteral("steps"),
                         Message(tr, QT_TR_NOOP("give the steps the token may record, e.g. --steps test")));
    const QString secret = newSecret();
    Result<QString> hash = PinHasher::hashSecret(secret);
    if (!hash)
        return hash.error();
    const QDateTime now = m_clock.now();
    Result<qint64> id =
        sql::insert(m_db,
                    QStringLiteral("INSERT INTO station_tokens (station, steps, hash, created_by, "
                                   "created_at) VALUES (?, ?, ?, ?, ?)"),
                    {station, steps.join(QLatin1Char(',')), hash.value(), actor.id, nowText(now)});
    if (!id)
        return id.error();
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("token_created"), actor.id, station,
                                QStringLiteral("%1 for %2: %3")
                                    .arg(operatorId(id.value()), station, steps.join(QStringLiteral(", "))),
                                now);
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    spdlog::info("station token created id={} station={} steps={} by={}", id.value(), station.toStdString(),
                 steps.join(QLatin1Char(',')).toStdString(), actor.id.toStdString());
    return Created{id.value(), secret};
}

Status StationTokens::revoke(const OperatorInfo& actor, qint64 id)
{
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = Authority::require(m_db, actor, QStringLiteral("tokens.manage")); !st)
        return st;
    auto station =
        sql::row(m_db, QStringLiteral("SELECT station, revoked_at FROM station_tokens WHERE id = ?"), {id});
    if (!station)
        return station.error();
    if (!station.value() || !station.value()->value(1).isNull())
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("token"),
            Message(tr, QT_TR_NOOP("there is no valid token %1; see reworkctl token list"), {id}));
    const QDateTime now = m_clock.now();
    if (Status st = sql::exec(m_db, QStringLiteral("UPDATE station_tokens SET revoked_at = ? WHERE id = ?"),
                              {nowText(now), id});
        !st)
        return st;
    const QString stationId = station.value()->value(0).toString();
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("token_revoked"), actor.id, stationId,
                                QStringLiteral("%1 of %2").arg(operatorId(id), stationId), now);
        !st)
        return st;
    if (Status st = tx.commit(); !st)
        return st;
    spdlog::info("station token revoked id={} by={}", id, actor.id.toStdString());
    return {};
}

Result<QList<StationToken>> StationTokens::list() const
{
    auto q = sql::run(m_db, QStringLiteral("SELECT id, station, steps, created_by, created_at, revoked_at "
                                           "FROM station_tokens ORDER BY id"));
    if (!q)
        return q.error();
    QSqlQuery& rows = q.value();
    QList<StationToken> out;
    while (rows.next()) {
        out << StationToken{rows.value(0).toLongLong(),
                            rows.value(1).toString(),
                            rows.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts),
                            rows.value(3).toString(),
                            rows.value(4).toString(),
                            rows.value(5).toString()};
    }
    return out;
}

Result<OperatorInfo> StationTokens::verify(const QString& secret, const QString& rawStation, Step step) const
{
    const QString station = SerialRules::normalise(SerialKind::Station, rawStation);
    const auto refused = [&] {
        spdlog::warn("station token refused at {}", station.left(32).toStdString());
        return makeError(ErrorCode::NotPermitted, QStringLiteral("token"),
                         Message(tr,
                                 QT_TR_NOOP("no valid token of station %1 has this secret; check it, or ask "
                                            "an admin for a new one"),
                                 {station.left(32)}));
    };
    static const QRegularExpression shape(
        QRegularExpression::anchoredPattern(QStringLiteral("rwt_[A-Z2-7]{32}")));
    if (!shape.match(secret).hasMatch())
        return refused();
    // Few tokens per station: each hash is tried (the secret does not say which token it is).
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT id, steps, hash FROM station_tokens "
                                     "WHERE station = ? AND revoked_at IS NULL ORDER BY id"),
                      {station});
    if (!q)
        return q.error();
    QSqlQuery& rows = q.value();
    while (rows.next()) {
        if (!PinHasher::verify(rows.value(2).toString(), secret))
            continue;
        const qint64 id = rows.value(0).toLongLong();
        const QStringList steps = rows.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (!steps.contains(stepName(step)))
            return makeError(ErrorCode::NotPermitted, QStringLiteral("token"),
                             Message(tr, QT_TR_NOOP("%1 may record only %2 at %3"),
                                     {operatorId(id), steps.join(QStringLiteral(", ")), station}));
        return OperatorInfo{operatorId(id), QStringLiteral("station token %1").arg(id),
                            QStringLiteral("token"), true};
    }
    return refused();
}

} // namespace rework
