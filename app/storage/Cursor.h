#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

struct sqlite3_stmt;

namespace rework::sql {

/// A forward-only read on SQLite's own statement, for scans of hundreds of thousands of narrow
/// rows (SPC series): a value is read as the C type it is, with no QVariant per column, which is
/// most of what a QSqlQuery row costs. Binds as sql::run does (sql::bindValues); for writes, use
/// sql::exec.
class Cursor
{
public:
    /// Prepares `statement` on `db` (a QSQLITE connection) and binds `values` positionally.
    static Result<Cursor> open(const QSqlDatabase& db, const QString& statement,
                               const QVariantList& values = {});

    Cursor(Cursor&& other) noexcept;
    Cursor& operator=(Cursor&& other) noexcept;
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    ~Cursor();

    /// Steps to the next row; false at the end or on an error (status() tells which).
    bool next();
    /// Ok after the last row; the storage error that stopped next() otherwise.
    Status status() const;

    double real(int column) const;
    qint64 integer(int column) const;
    QString text(int column) const; // empty for NULL
    /// The column's UTF-8 bytes, valid until the next call of next(): for telling a few repeated
    /// values apart without a string per row.
    QByteArrayView bytes(int column) const;
    bool isNull(int column) const;

private:
    explicit Cursor(sqlite3_stmt* statement) : m_statement(statement) {}

    sqlite3_stmt* m_statement = nullptr;
    int m_rc = 0;
    QString m_error;
    QList<QByteArray> m_bound; // the bytes of text and blob values, bound in place
};

} // namespace rework::sql
