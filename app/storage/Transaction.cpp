#include "Transaction.h"

#include "Sql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rework {

Transaction::Transaction(const QSqlDatabase& db) : m_db(db) {}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::begin()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sql::storageError(
            Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "start a transaction")),
            q.lastError().text());
    m_active = true;
    return {};
}

Status Transaction::join()
{
    if (sql::inTransaction(m_db)) {
        m_joined = true;
        return {};
    }
    return begin();
}

Status Transaction::commit()
{
    if (m_joined)
        return {};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QString text = q.lastError().text();
        rollback();
        return sql::storageError(Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "save")), text);
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace rework
