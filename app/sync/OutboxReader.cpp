#include "OutboxReader.h"

#include "storage/Cursor.h"
#include "storage/Database.h"

#include <spdlog/spdlog.h>

#include <set>

namespace rework {
namespace {

/// Appends `text` to a COPY row: a tab or newline inside it, the carriage return and the
/// backslash itself escaped with a backslash (COPY's text format).
void appendCopyText(QByteArray& row, QByteArrayView text)
{
    for (const char c : text) {
        switch (c) {
        case '\\':
            row.append("\\\\", 2);
            break;
        case '\t':
            row.append("\\t", 2);
            break;
        case '\n':
            row.append("\\n", 2);
            break;
        case '\r':
            row.append("\\r", 2);
            break;
        default:
            row.append(c);
        }
    }
}

} // namespace

QString OutboxBatch::rows(const QString& range)
{
    return QStringLiteral(
               "SELECT e.seq, e.id, e.recorded_at, e.station_id, e.operator_id, e.step, e.subject, "
               "e.payload, (SELECT json_group_array(json_object('kind', s.kind, 'serial', s.serial)) "
               "FROM event_subjects s WHERE s.event_seq = e.seq) AS subjects FROM sync_outbox o JOIN "
               "events e ON e.seq = o.event_seq %1")
        .arg(range);
}

Result<OutboxBatch> OutboxBatch::read(const QSqlDatabase& db, const QByteArray& origin, qint64 after,
                                      int limit)
{
    // The batch in COPY's text format, read through SQLite's own statement and escaped here in
    // one pass over the bytes: no string or variant per value.
    auto c = sql::Cursor::open(db, rows(QStringLiteral("WHERE o.event_seq > ? ORDER BY o.event_seq LIMIT ?")),
                               {after, limit});
    if (!c)
        return c.error();
    OutboxBatch out;
    out.copyRows.reserve(qsizetype{limit} * 512); // a typical event is under half a kilobyte
    sql::Cursor& r = c.value();
    std::set<QByteArray> stations;
    QByteArray lastStation;
    while (r.next()) {
        const qint64 seq = r.integer(0);
        if (out.count++ == 0)
            out.firstSeq = seq;
        out.lastSeq = seq;
        QByteArray& row = out.copyRows;
        appendCopyText(row, r.bytes(1));
        row.append('\t');
        appendCopyText(row, origin);
        row.append('\t');
        row.append(QByteArray::number(seq));
        for (int column = 2; column <= 8; ++column) {
            row.append('\t');
            appendCopyText(row, r.bytes(column));
        }
        row.append('\n');
        if (const QByteArrayView station = r.bytes(3); station != lastStation) { // runs of one station
            lastStation = station.toByteArray();
            stations.insert(lastStation);
        }
    }
    if (Status st = r.status(); !st)
        return st.error();
    for (const QByteArray& station : stations)
        out.stations +=
            (out.stations.isEmpty() ? QString() : QStringLiteral(" ")) + QString::fromUtf8(station);
    return out;
}

OutboxReader::OutboxReader(const QString& path, const QByteArray& origin, int batchSize)
    : m_path(path), m_origin(origin), m_batchSize(batchSize)
{
    m_thread = std::thread(&OutboxReader::readAhead, this);
}

OutboxReader::~OutboxReader()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

Result<OutboxBatch> OutboxReader::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_ready.has_value() || m_finished; });
    if (!m_ready)
        return OutboxBatch{};
    Result<OutboxBatch> batch = std::move(*m_ready);
    m_ready.reset();
    lock.unlock();
    m_changed.notify_all();
    return batch;
}

void OutboxReader::readAhead()
{
    // The connection is this thread's own, opened and closed here (a connection stays with the
    // thread that made it); a reader beside the station's writer, as WAL allows.
    auto db = Database::open(m_path, Database::Migration::Skip);
    qint64 after = 0;
    for (;;) {
        Result<OutboxBatch> batch =
            db ? OutboxBatch::read(db.value()->connection(), m_origin, after, m_batchSize)
               : Result<OutboxBatch>(db.error());
        const bool last = !batch || batch->count == 0;
        if (batch)
            after = batch->lastSeq;
        else
            spdlog::warn("sync: reading the outbox failed: {}", batch.error().logLine());
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || !m_ready; });
        if (m_stop)
            return;
        m_ready = std::move(batch);
        m_finished = last;
        lock.unlock();
        m_changed.notify_all();
        if (last)
            return;
    }
}

} // namespace rework
