#include "Cursor.h"

#include "Sql.h"

#include <sqlite3.h>

#include <utility>

namespace rework::sql {
namespace {

Error cursorError(const char* what, sqlite3* db)
{
    return storageError(Message(&StorageText::tr, what), QString::fromUtf8(sqlite3_errmsg(db)));
}

} // namespace

Result<Cursor> Cursor::open(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    sqlite3* h = handle(db);
    if (!h)
        return storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "prepare a query")),
                            QStringLiteral("not an SQLite connection"));
    const QByteArray text = statement.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(h, text.constData(), static_cast<int>(text.size()), &stmt, nullptr) != SQLITE_OK)
        return cursorError(QT_TRANSLATE_NOOP("Storage", "prepare a query"), h);
    Cursor cursor(stmt);
    if (bindValues(stmt, values, cursor.m_bound) != SQLITE_OK)
        return cursorError(QT_TRANSLATE_NOOP("Storage", "run a query"), h);
    return cursor;
}

Cursor::Cursor(Cursor&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_rc(other.m_rc),
      m_error(std::move(other.m_error)), m_bound(std::move(other.m_bound))
{
}

Cursor& Cursor::operator=(Cursor&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_rc = other.m_rc;
        m_error = std::move(other.m_error);
        m_bound = std::move(other.m_bound);
    }
    return *this;
}

Cursor::~Cursor()
{
    sqlite3_finalize(m_statement); // a no-op on null; ends the read transaction of an unfinished scan
}

bool Cursor::next()
{
    if (!m_statement || (m_rc != SQLITE_OK && m_rc != SQLITE_ROW))
        return false;
    m_rc = sqlite3_step(m_statement);
    if (m_rc == SQLITE_ROW)
        return true;
    if (m_rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
    sqlite3_reset(m_statement); // releases the read lock as soon as the scan ends
    return false;
}

Status Cursor::status() const
{
    if (m_rc == SQLITE_OK || m_rc == SQLITE_ROW || m_rc == SQLITE_DONE)
        return {};
    return storageError(Message(&StorageText::tr, QT_TRANSLATE_NOOP("Storage", "run a query")), m_error);
}

double Cursor::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

qint64 Cursor::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString Cursor::text(int column) const
{
    const auto* utf8 = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return utf8 ? QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column)) : QString();
}

QByteArrayView Cursor::bytes(int column) const
{
    const auto* utf8 = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return utf8 ? QByteArrayView(utf8, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
}

bool Cursor::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace rework::sql
