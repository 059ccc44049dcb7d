#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// A station token as listed: never its secret, which is shown once and kept only as a hash.
struct StationToken
{
    qint64 id = 0;
    QString station;
    QStringList steps;
    QString createdBy;
    QString createdAt;
    QString revokedAt; // empty while it is valid
};

/// Tokens for test rigs and scripts: a secret that records only some steps at one station, as the
/// pseudo-operator TOKEN:<id>, without an operator's PIN. Made and revoked by an admin
/// (`tokens.manage`), audited; the secret (`rwt_` + 32 base32 characters, 160 random bits) is
/// returned once and stored as its argon2id hash. verify() proves the secret; the workflow rules
/// check the token's station and steps again on every record.
class StationTokens
{
    Q_DECLARE_TR_FUNCTIONS(StationTokens)

public:
    struct Created
    {
        qint64 id = 0;
        QString secret;
    };

    StationTokens(const QSqlDatabase& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    /// A new token for `steps` at `station`, made by `actor` (an admin), audited as token_created.
    Result<Created> create(const OperatorInfo& actor, const QString& station, const QStringList& steps);
    /// Revokes token `id` for ever, audited as token_revoked.
    Status revoke(const OperatorInfo& actor, qint64 id);
    Result<QList<StationToken>> list() const;
    /// The acting identity of a valid, unrevoked token of `station` whose secret is `secret` and
    /// which may record `step`; an error otherwise.
    Result<OperatorInfo> verify(const QString& secret, const QString& station, Step step) const;

    static QString operatorId(qint64 id);

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
