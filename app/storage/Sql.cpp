#include "Sql.h"

#include <QCoreApplication>
#include <QSqlError>

#include <spdlog/spdlog.h>

namespace rework::sql {

Error storageError(const QString& what, const QString& driverText)
{
    spdlog::error("storage: {}: {}", what.toStdString(), driverText.toStdString());
    QString hint;
    const QString lower = driverText.toLower();
    if (lower.contains(QLatin1StringView("locked")) || lower.contains(QLatin1StringView("busy")))
        hint = QCoreApplication::translate("Storage", "the database is busy in another program; try again");
    else if (lower.contains(QLatin1StringView("readonly")) || lower.contains(QLatin1StringView("read-only")))
        hint = QCoreApplication::translate("Storage",
                                           "the database is read-only; ask an admin to fix its permissions");
    else if (lower.contains(QLatin1StringView("full")))
        hint = QCoreApplication::translate("Storage", "the disk is full; free space and try again");
    else if (lower.contains(QLatin1StringView("malformed")) ||
             lower.contains(QLatin1StringView("not a database")))
        hint = QCoreApplication::translate("Storage",
                                           "the database file is damaged; call an admin to restore a backup");
    else
        hint = QCoreApplication::translate("Storage", "nothing was saved; try again or call an admin");
    return makeError(
        ErrorCode::Storage, QString(),
        QCoreApplication::translate("Storage", "could not %1 (%2): %3").arg(what, driverText, hint));
}

Result<QSqlQuery> run(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    QSqlQuery q(db);
    if (!q.prepare(statement))
        return storageError(QCoreApplication::translate("Storage", "prepare a query"), q.lastError().text());
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storageError(QCoreApplication::translate("Storage", "run a query"), q.lastError().text());
    return q;
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    Result<QSqlQuery> q = run(db, statement, values);
    if (!q)
        return q.error();
    if (!q.value().next())
        return QVariant();
    return q.value().value(0);
}

Result<QStringList> column(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    Result<QSqlQuery> q = run(db, statement, values);
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace rework::sql
