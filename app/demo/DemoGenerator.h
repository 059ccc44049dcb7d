#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rework {

class Database;

/// Fills a database with a realistic history: stations, operators, donor cards in lots, and
/// units taken through every step over the past days, with failures, repair loops, scrap,
/// closed and shipped batches, and some units still in progress. Goes through the real rules.
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

    static Result<Summary> generate(Database& db, const Options& options);
};

} // namespace rework
