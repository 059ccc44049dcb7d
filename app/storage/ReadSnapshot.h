#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// RAII read transaction: `BEGIN` (deferred) and a first read fix one snapshot of the database
/// (WAL mode): every read until the end sees the file as it was then, while other connections go
/// on recording. It never takes the write lock; writes to TEMP tables inside it are allowed (they
/// take no lock on the main database). Always ends with ROLLBACK. Inside a transaction that is
/// already open it joins that one and ends nothing.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(const QSqlDatabase& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    Status begin();
    void end();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace rework
