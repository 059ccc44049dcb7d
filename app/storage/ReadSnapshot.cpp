#include "ReadSnapshot.h"

#include "Sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rework {

ReadSnapshot::ReadSnapshot(const QSqlDatabase& db) : m_db(db) {}

ReadSnapshot::~ReadSnapshot()
{
    end();
}

Status ReadSnapshot::begin()
{
    if (sql::inTransaction(m_db))
        return {};
    QSqlQuery q(m_db);
    // BEGIN alone locks nothing; the first read of the main database is what fixes the snapshot.
    if (!q.exec(QStringLiteral("BEGIN")))
        return sql::storageError(
            Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "start a transaction")),
            q.lastError().text());
    m_active = true;
    if (!q.exec(QStringLiteral("SELECT count(*) FROM main.sqlite_master")) || !q.next()) {
        const QString text = q.lastError().text();
        end();
        return sql::storageError(Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query")),
                                 text);
    }
    return {};
}

void ReadSnapshot::end()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace rework
