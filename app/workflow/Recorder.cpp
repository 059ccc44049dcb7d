#include "Recorder.h"
#include "domain/EventPayload.h"

#include "ScanIdentity.h"
#include "StepSchema.h"
#include "WorkflowRules.h"
#include "domain/IdGenerator.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EventLog.h"
#include "storage/EvidenceStore.h"
#include "storage/SnapshotLoader.h"
#include "storage/Transaction.h"
#include "storage/WorkflowConfigLoader.h"

#include <QFileInfo>

#include <cmath>

#include <spdlog/spdlog.h>

namespace rework {

Recorder::Recorder(Database& db, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock)
{
    if (Status st = reloadConfig(); !st)
        spdlog::error("loading reference data failed: {}", st.error().logLine());
    EvidenceStore(dataFolder()).sweepStaging(m_clock.now());
}

QString Recorder::dataFolder() const
{
    return QFileInfo(m_db.path()).absolutePath();
}

Status Recorder::reloadConfig()
{
    Result<WorkflowConfig> c = WorkflowConfigLoader(m_db.connection()).loadConfig();
    if (!c)
        return c.error();
    m_config = c.value();
    return {};
}

Result<Recorded> Recorder::record(Step step, const QString& stationId, const QString& operatorId,
                                  const QStringList& keyValues)
{
    Result<QJsonObject> fields = StepSchema::parse(step, keyValues);
    if (!fields) {
        spdlog::warn("refused {} at {}: {}", stepName(step).toStdString(), stationId.left(32).toStdString(),
                     fields.error().logLine());
        return fields.error();
    }
    return record(Action{step, stationId, operatorId, fields.value()});
}

Result<Recorded> Recorder::record(Step step, const QString& stationId, const QString& operatorId,
                                  const QList<std::pair<QString, QString>>& fields)
{
    Result<QJsonObject> parsed = StepSchema::parse(step, fields);
    if (!parsed) {
        spdlog::warn("refused {} at {}: {}", stepName(step).toStdString(), stationId.left(32).toStdString(),
                     parsed.error().logLine());
        return parsed.error();
    }
    return record(Action{step, stationId, operatorId, parsed.value()});
}

/// The figures of the action's imported runs in its fields, as if typed (the rules and their limits
/// see them so), the runs themselves under rig_runs and their files as evidence. A typed value
/// that differs from its run's is refused: the log is what the record keeps.
Result<Action> Recorder::withRuns(Action action)
{
    if (action.runs.isEmpty())
        return action;
    QJsonObject runs = action.fields.value(payload::RigRuns).toObject();
    QStringList evidence =
        action.fields.value(payload::Evidence).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const ImportedRun& run : std::as_const(action.runs)) {
        for (auto it = run.figures.begin(); it != run.figures.end(); ++it) {
            const QJsonValue typed = action.fields.value(it.key());
            const bool differs =
                !typed.isUndefined() && (typed.isDouble() && it.value().isDouble()
                                             ? std::abs(typed.toDouble() - it.value().toDouble()) > 1e-6
                                             : typed != it.value());
            if (differs) {
                return makeError(ErrorCode::ReportContradiction, it.key(),
                                 Message(tr,
                                         QT_TR_NOOP("%1 was typed as %2, but the %3 log says %4; leave the "
                                                    "field to the log"),
                                         {it.key(), typed.toVariant().toString(), run.field,
                                          it.value().toVariant().toString()}));
            }
            action.fields.insert(it.key(), it.value());
        }
        runs.insert(run.field, run.detail);
        if (!run.evidence.isEmpty() && !evidence.contains(run.evidence))
            evidence << run.evidence;
    }
    action.fields.insert(payload::RigRuns, runs);
    action.fields.insert(payload::Evidence, evidence.join(QLatin1Char(';')));
    return action;
}

Result<Recorded> Recorder::record(const Action& entered)
{
    const QDateTime now = m_clock.now();
    Transaction tx(m_db.connection());
    if (Status st = tx.begin(); !st)
        return st.error();
    Result<Action> checked = ScanIdentity(m_db.connection(), m_clock).check(StepSchema::normalised(entered));
    if (!checked) {
        spdlog::warn("refused {} at {} by {}: {}", stepName(entered.step).toStdString(),
                     entered.stationId.left(32).toStdString(), entered.operatorId.left(32).toStdString(),
                     checked.error().logLine());
        return checked.error();
    }
    Result<Action> merged = withRuns(checked.value());
    if (!merged) {
        spdlog::warn("refused {} at {} by {}: {}", stepName(entered.step).toStdString(),
                     entered.stationId.left(32).toStdString(), entered.operatorId.left(32).toStdString(),
                     merged.error().logLine());
        return merged.error();
    }
    const Action& action = merged.value();

    Result<Snapshot> snapshot = SnapshotLoader(m_db.connection()).load(action);
    if (!snapshot)
        return snapshot.error();
    snapshot.value().now = now;
    snapshot.value().newDieId = IdGenerator::shortId(QLatin1Char('D'), now);
    snapshot.value().newUnitId = IdGenerator::shortId(QLatin1Char('U'), now);

    Result<Decision> decision = WorkflowRules::decide(action, snapshot.value(), m_config);
    if (!decision) {
        spdlog::warn("refused {} at {} by {}: {}", stepName(action.step).toStdString(),
                     action.stationId.left(32).toStdString(), action.operatorId.left(32).toStdString(),
                     decision.error().logLine());
        return decision.error();
    }

    EventRecord event;
    event.id = IdGenerator::uuidV7(now);
    event.recordedAt = now;
    event.stationId = snapshot.value().station->id;
    event.operatorId = snapshot.value().operatorInfo->id;
    event.step = stepName(action.step);
    event.subject = decision.value().primarySerial;
    event.payload = decision.value().payload;

    // Evidence moves into the store inside this transaction, and back out unless it commits.
    const EvidenceStore evidenceStore(dataFolder());
    EvidenceStore::Publication evidence(evidenceStore);
    if (const QString refs = event.payload.value(payload::Evidence).toString(); !refs.isEmpty()) {
        if (Status st = evidence.publish(refs); !st) {
            spdlog::warn("refused {} of {}: {}", event.step.toStdString(), event.subject.toStdString(),
                         st.error().logLine());
            return st.error();
        }
    }
    if (Status st = EventLog(m_db.connection()).apply(event, decision.value().subjects); !st)
        return st.error();
    // A void goes into the audit trail beside logins and reprints.
    // Voids and overrides of the test gate go into the audit trail beside logins and reprints.
    // Read only when one of them is recorded: most records need no audit entry.
    const bool overridden = event.payload.contains(payload::OverrideReason);
    const EventPayload p =
        action.step == Step::Void || overridden ? EventPayload::read(event.payload) : EventPayload();
    QString auditAction, detail;
    if (action.step == Step::Void) {
        auditAction = QStringLiteral("void");
        detail = QStringLiteral("void %1 (%2 of %3): %4").arg(p.event, p.targetStep, event.subject, p.reason);
    } else if (overridden) {
        auditAction = QStringLiteral("override");
        detail = QStringLiteral("%1 of %2 (%3) over the GPU's report: %4")
                     .arg(event.step, event.subject, p.outcome, p.overrideReason);
    }
    if (!auditAction.isEmpty()) {
        if (Status st = AuditLog(m_db.connection())
                            .append(auditAction, event.operatorId, event.stationId, detail, now);
            !st)
            return st.error();
    }
    if (Status st = tx.commit(); !st)
        return st.error();
    evidence.keep();

    spdlog::info("recorded {} subject={} event={} station={} operator={}", event.step.toStdString(),
                 event.subject.toStdString(), event.id.toStdString(), event.stationId.toStdString(),
                 event.operatorId.toStdString());
    emit recorded(event);
    return Recorded{event, decision.value()};
}

} // namespace rework
