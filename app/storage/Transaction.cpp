#include "Transaction.h"

#include "Sql.h"

#include <QCoreApplication>

namespace rework {

Transaction::Transaction(const QSqlDatabase& db) : m_db(db) {}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::begin()
{
    // Kept prepared like the statements between them (sql::exec): on the recording path.
    if (Status st =
            sql::execAs(m_db, QStringLiteral("BEGIN IMMEDIATE"),
                        Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "start a transaction")));
        !st)
        return st;
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
    if (Status st = sql::execAs(m_db, QStringLiteral("COMMIT"),
                                Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "save")));
        !st) {
        rollback();
        return st;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    // Not when SQLite has rolled back already (a full disk, an I/O error): nothing to undo.
    if (!sql::handle(m_db) || sql::inTransaction(m_db))
        (void)sql::execAs(m_db, QStringLiteral("ROLLBACK"),
                          Message(&sql::StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query")));
    m_active = false;
}

} // namespace rework
