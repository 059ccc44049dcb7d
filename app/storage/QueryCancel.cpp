#include "QueryCancel.h"

#include "Sql.h"

#include <sqlite3.h>

namespace rework {

namespace {
constexpr int kStepsBetweenChecks = 1000; // a few microseconds of work
}

void QueryCancel::attach(const QSqlDatabase& db)
{
    m_handle = sql::handle(db);
    if (m_handle)
        sqlite3_progress_handler(m_handle, kStepsBetweenChecks, &QueryCancel::stopWhenCancelled, this);
}

void QueryCancel::detach()
{
    if (m_handle)
        sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
    m_handle = nullptr;
}

int QueryCancel::stopWhenCancelled(void* self)
{
    auto* cancel = static_cast<QueryCancel*>(self);
    if (!cancel->m_cancelled)
        return 0;
    cancel->m_interrupted = true;
    return 1;
}

} // namespace rework
