#pragma once

#include "Output.h"

#include <QCoreApplication>
#include <QStringList>

namespace rework {

class Clock;

/// `reworkctl`: every headless job and the integration point for test rigs and scripts. Reads
/// the global options, then hands the rest to the command named next (CommandTable).
/// Exit codes: 0 success, 1 refused by a rule or bad value, 2 usage error, 3 storage error.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit Cli(const Clock& clock);
    int run(QStringList args);

    /// Whether `word` names a command that paints (PDF sheets, labels, reports).
    static bool paints(const char* word);

private:
    void printHelp();

    const Clock& m_clock;
    Output m_output;
};

} // namespace rework
