#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace rework {

class Database;

/// Fills a database with a realistic history: stations, operators, donor cards in lots, and
/// units taken through every step over the past days, with failures, repair loops, scrap,
/// closed and shipped batches, and some units still in progress. Goes through the real rules.
/// Only ever into a new file: its accounts share a known PIN (an admin among them), so on a line
/// in use they would be a way around the admin's proof, and its history would mix with the real one.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)

public:
    struct Options
    {
        int units = 200;
        int days = 14;
        quint32 seed = 0; // 0: a fresh seed each run
        QDateTime end;    // last activity; default now
    };
    struct Summary
    {
        int cards = 0, units = 0, shipped = 0, scrapped = 0, repairs = 0, events = 0;
    };

    /// PIN of every demo operator, printed by `reworkctl demo` so that people can log in.
    static constexpr const char* kDemoPin = "1234";

    /// Whether `db` is new: nothing in its log (stations, accounts, settings and work are all
    /// events in it) and no station or operator besides SYSTEM. The one rule for the CLI's
    /// `demo`, the app's `--demo-if-empty` and the window's offer.
    static Result<bool> isNew(const QSqlDatabase& db);
    /// Fills a new `db`; refuses (NotPermitted, nothing written) any other.
    static Result<Summary> generate(Database& db, const Options& options);
    /// generate() if `db` is new, else nothing: the app's `--demo-if-empty`.
    static Result<std::optional<Summary>> generateIfNew(Database& db, const Options& options);
};

} // namespace rework
