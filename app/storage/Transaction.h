#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// RAII write transaction: `BEGIN IMMEDIATE` takes the write lock up front, so two stations
/// sharing a file never deadlock half-way; rolls back unless `commit()` succeeded.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin();
    /// Joins the caller's open transaction, or begins one: for a change (with its audit entry)
    /// that runs alone or as part of a larger one. commit() then leaves the outer one open.
    Status join();
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_joined = false;
};

} // namespace rework
