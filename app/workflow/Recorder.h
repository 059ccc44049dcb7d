#pragma once

#include "domain/Action.h"
#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/WorkflowConfig.h"
#include "storage/EventRecord.h"

#include <QObject>
#include <QStringList>

namespace rework {

class Database;

/// What a successful action left behind.
struct Recorded
{
    EventRecord event;
    Decision decision;
    QString createdId() const { return decision.createdId; }
};

/// The one way work gets recorded. Each call is one transaction: snapshot, rules, event,
/// derived state, all or nothing. Announces every committed event through `recorded`.
class Recorder : public QObject
{
    Q_OBJECT

public:
    Recorder(Database& db, const Clock& clock, QObject* parent = nullptr);

    /// Loads product data, limits and policy; call again after they change.
    Status reloadConfig();
    const WorkflowConfig& config() const { return m_config; }
    const Clock& clock() const { return m_clock; }
    /// The folder beside the database: logs, evidence files.
    QString dataFolder() const;
    Database& database() const { return m_db; }

    Result<Recorded> record(const Action& action);
    /// Parses `key=value` fields for `step` (as typed on the command line), then records.
    Result<Recorded> record(Step step, const QString& stationId, const QString& operatorId,
                            const QStringList& keyValues);
    /// Parses a form's fields (key, text as entered) for `step`, then records.
    Result<Recorded> record(Step step, const QString& stationId, const QString& operatorId,
                            const QList<std::pair<QString, QString>>& fields);

signals:
    void recorded(const rework::EventRecord& event);

private:
    static Result<Action> withRuns(Action action);

    Database& m_db;
    const Clock& m_clock;
    WorkflowConfig m_config;
};

} // namespace rework
