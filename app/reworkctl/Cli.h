#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace rework {

class Database;

/// `reworkctl`: every headless job and the integration point for test rigs and scripts.
/// Exit codes: 0 success, 1 refused by a rule or bad value, 2 usage error, 3 storage error.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Cli();
    ~Cli();
    int run(QStringList args);

    enum Exit
    {
        Ok = 0,
        Refused = 1,
        Usage = 2,
        StorageFailure = 3
    };

private:
    int dispatch(const QString& command, QStringList args);
    int cmdInit(const QStringList& args);
    int cmdDemo(const QStringList& args);
    int cmdOperator(QStringList args);
    int cmdStation(QStringList args);
    int cmdRecord(QStringList args);
    int cmdBatch(QStringList args);
    int cmdVoid(const QStringList& args);
    int cmdTrace(const QStringList& args);
    int cmdCheck(const QStringList& args);
    int cmdConfig(QStringList args);
    int cmdCommands(QStringList args);
    int cmdKpi(QStringList args);
    int cmdRecall(QStringList args);
    int cmdReport(QStringList args);
    int cmdLabel(QStringList args);
    int cmdServerInit(QStringList args);
    int cmdSync(QStringList args);
    int cmdBackup(QStringList args);
    int cmdVerify(const QStringList& args);
    int cmdRestore(QStringList args);

    /// Opens the database chosen by --db / $REWORKTRACK_DB / the default; prints the error itself.
    Database* database();
    int fail(const Error& error);
    int usage(const QString& message, const QString& helpText = {});
    void printHelp();
    /// Prints a result: `text` lines in text mode (the created id last), `json` in --json mode.
    void emitResult(const QStringList& text, const QJsonObject& json);
    bool wantsHelp(const QStringList& args) const;

    QTextStream m_out;
    QTextStream m_err;
    QString m_dbPath;
    bool m_json = false;
    bool m_verbose = false;
    std::unique_ptr<Database> m_db;
};

} // namespace rework
