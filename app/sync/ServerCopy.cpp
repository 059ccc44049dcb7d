#include "ServerCopy.h"

#include "ServerConnection.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace rework {
namespace {

PGconn* pgHandle(const QSqlDatabase& db)
{
    const QVariant h = db.driver() ? db.driver()->handle() : QVariant();
    // Qt's driver names the type by its struct (PGconn is a typedef of it).
    if (!h.isValid() || (qstrcmp(h.typeName(), "pg_conn*") != 0 && qstrcmp(h.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(h.data());
}

/// The error of the result in hand (or of the connection), the result cleared.
Error copyError(PGconn* pg, PGresult* result)
{
    QString text = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(pg)).trimmed();
    if (text.isEmpty())
        text = QString::fromUtf8(PQerrorMessage(pg)).trimmed();
    PQclear(result);
    return ServerConnection::plainError(QStringLiteral("copy"), text);
}

} // namespace

Status ServerCopy::in(const QSqlDatabase& db, const QString& target, const QByteArray& rows)
{
    PGconn* pg = pgHandle(db);
    if (!pg)
        return ServerConnection::plainError(QStringLiteral("copy"),
                                            QStringLiteral("not a PostgreSQL connection"));
    const QByteArray statement = QStringLiteral("COPY %1 FROM STDIN").arg(target).toUtf8();
    PGresult* started = PQexec(pg, statement.constData());
    if (PQresultStatus(started) != PGRES_COPY_IN)
        return copyError(pg, started);
    PQclear(started);
    // Blocking connection: each call returns once libpq has taken the data.
    const bool sent = PQputCopyData(pg, rows.constData(), static_cast<int>(rows.size())) == 1;
    if (PQputCopyEnd(pg, sent ? nullptr : "the station stopped sending") != 1)
        return copyError(pg, nullptr);
    Status status;
    // The COPY's own result, then the end of results; every one is taken, or the connection
    // stays busy for Qt's next statement.
    while (PGresult* result = PQgetResult(pg)) {
        if (status && PQresultStatus(result) != PGRES_COMMAND_OK) {
            status = copyError(pg, result);
            continue;
        }
        PQclear(result);
    }
    return status;
}

} // namespace rework
