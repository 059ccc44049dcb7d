#pragma once

#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "domain/GpuReport.h"
#include "storage/Database.h"
#include "workflow/Recorder.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace rework::test {

/// A real SQLite file in a temporary folder, migrated, with one station per step
/// (INTAKE-1, STRIP-1, ...), operator OP1, supervisor SUP1 (PIN 1234) and a settable clock.
class TestDatabase
{
public:
    TestDatabase();
    /// The same on a line with a demo history first (ending at the clock's time unless `demo`
    /// says otherwise): demo data goes only into a new file, so it comes before the test's own
    /// stations and accounts.
    explicit TestDatabase(const DemoGenerator::Options& demo);
    ~TestDatabase();

    /// Where every test database's clock starts: 2026-11-02 08:00 UTC.
    static QDateTime start();

    Database& db() { return *m_db; }
    QString path() const { return m_db->path(); }
    ManualClock& clock() { return m_clock; }
    Recorder& recorder() { return *m_recorder; }
    QString folder() const { return m_dir.path(); }

    /// Records a step at that step's station by OP1; advances the clock by a minute first.
    Result<Recorded> record(Step step, const QStringList& fields,
                            const QString& operatorId = QStringLiteral("OP1"));
    /// An action built in code, at its step's station; advances the clock by a minute first.
    Result<Recorded> record(Action action);
    /// The same with the GPU's report, as the test form or `smi=FILE` hands it to the core.
    Result<Recorded> record(Step step, const QStringList& fields, const GpuReport& report,
                            const QString& operatorId = QStringLiteral("OP1"));

    /// A passed test of `unit` with a report of a GPU of its own, as a test rig records it.
    Result<Recorded> passTest(const QString& unit, const QString& operatorId = QStringLiteral("OP1"));

    /// The real RTX 4090 report of the shared fixtures as a rig would save it for GPU `uuid`
    /// under load on a Gen 4 slot: the fixture's text with its UUID, P-state and link figures
    /// replaced (a derived case; the fixture itself is never edited). `gen`/`width` are the link's
    /// current figures; the card and host support Gen 4 x16.
    static QByteArray rigReport(const QString& uuid, int gen = 4, int width = 16,
                                const QString& pstate = QStringLiteral("P0"));
    /// That report written to the test folder, kept as evidence and read as the test gate reads it.
    GpuReport report(const QString& uuid, int gen = 4, int width = 16,
                     const QString& pstate = QStringLiteral("P0"));
    /// A GPU UUID of its own for each number.
    static QString gpuUuid(int n);

    /// An admin account (ADM0, PIN 1234) for changes that need one, made on first use.
    QString admin();

    /// Takes a new donor card through intake, strip, reball and mount; returns the unit serial.
    QString mountedUnit(const QString& card, const QString& board,
                        const QString& model = QStringLiteral("RTX4090"));
    /// ...and through inspect and test, both passed.
    QString testedUnit(const QString& card, const QString& board);

    /// Every row of every table, in a stable order: compare before and after a refused action.
    QString dump() const;
    /// Takes the file back to schema `version` (below 26), as an older release left it: drops
    /// what migration 0026 added, which running it again would add a second time, and sets
    /// user_version. Tables added after `version` are the caller's to drop.
    void takeBackTo(int version);
    /// Reopens the file (e.g. after another process wrote to it).
    void reopen();

private:
    explicit TestDatabase(const std::optional<DemoGenerator::Options>& demo);

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Recorder> m_recorder;
};

/// Dump of the database file at `path`, opened on a connection of its own.
QString dumpFile(const QString& path);

} // namespace rework::test
