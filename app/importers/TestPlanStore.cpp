#include "TestPlanStore.h"

#include "domain/EventPayload.h"
#include "domain/ReferenceChange.h"
#include "domain/SerialRules.h"
#include "storage/AuditLog.h"
#include "storage/Authority.h"
#include "storage/InputFile.h"
#include "storage/LimitStore.h"
#include "storage/ReferenceLog.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

// A plan is a page of JSON; more is not a plan.
constexpr qint64 kMaxPlanBytes = 256LL * 1024;
const QString kEditLimits = QStringLiteral("limits.edit");

Error planError(const Message& what)
{
    return makeError(ErrorCode::InvalidValue, QStringLiteral("plan"), what);
}

} // namespace

Result<QString> TestPlanStore::publish(const QString& file, const OperatorInfo& actor,
                                       const QString& stationId) const
{
    Result<QByteArray> text = InputFile::read(file, kMaxPlanBytes, QStringLiteral("plan"));
    if (!text)
        return text.error();
    Result<TestPlan> plan = TestPlan::fromJsonText(text.value());
    if (!plan)
        return plan.error();
    QJsonObject body = QJsonDocument::fromJson(text.value()).object();
    static const QRegularExpression safeName(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9._-]{0,39}")));
    const QString name = body.value(QStringLiteral("name")).toString();
    if (!safeName.match(name).hasMatch())
        return planError(
            Message(tr,
                    QT_TR_NOOP("a shared plan names itself: \"name\" of 1-40 lower-case letters, "
                               "digits, dots and dashes (e.g. rtx4090-burnin); \"%1\" is not"),
                    {name.left(60)}));
    if (plan->required.isEmpty())
        return planError(Message(tr,
                                 QT_TR_NOOP("plan %1 requires no run (\"required\" is empty or missing); a "
                                            "shared plan names the runs a pass needs, e.g. \"required\": "
                                            "[\"gpu-burn\"]"),
                                 {name}));
    if (TestPlan::builtIn(name))
        return planError(
            Message(tr, QT_TR_NOOP("%1 is a built-in plan; give the shared plan a name of its own"), {name}));
    // The rules read the runs a pass needs from the plan's top level, by their canonical names.
    const QJsonObject models = body.value(QStringLiteral("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        if (it.value().toObject().contains(QStringLiteral("required")))
            return planError(Message(
                tr,
                QT_TR_NOOP("model %1's part says which runs are required; that is the whole plan's: share a "
                           "plan of its own for that model"),
                {it.key()}));
    }
    body.insert(QStringLiteral("required"), plan->toJson().value(QStringLiteral("required")));
    if (Status st = share(name, QJsonDocument(body).toJson(QJsonDocument::Indented), actor, stationId); !st)
        return st.error();
    spdlog::info("test plan {} shared by {}", name.toStdString(), actor.id.toStdString());
    return name;
}

Status TestPlanStore::share(const QString& name, const QByteArray& body, const OperatorInfo& actor,
                            const QString& stationId) const
{
    Transaction tx(m_db);
    if (Status st = tx.join(); !st) // alone, or as part of assign()
        return st;
    if (Status st = Authority::require(m_db, actor, kEditLimits); !st)
        return st;
    if (Status st = ReferenceLog(m_db, actor.id, stationId, m_clock)
                        .record({QStringLiteral("test_plans"),
                                 {{QStringLiteral("name"), name}},
                                 {{QStringLiteral("body"), QString::fromUtf8(body)}}});
        !st)
        return st;
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("test_plan_published"), actor.id,
                                stationId.isEmpty() ? QStringLiteral("-") : stationId, name);
        !st)
        return st;
    return tx.commit();
}

Status TestPlanStore::assign(const QString& model, const QString& planName, const OperatorInfo& actor,
                             const QString& stationId) const
{
    const QString plan = planName.trimmed();
    auto product =
        sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM products WHERE model = ?"), {model});
    if (!product)
        return product.error();
    if (product.value().toInt() == 0) {
        auto known = sql::column(m_db, QStringLiteral("SELECT model FROM products ORDER BY model"));
        return makeError(ErrorCode::UnknownField, QStringLiteral("model"),
                         Message(tr, QT_TR_NOOP("no product %1; known: %2"),
                                 {model.left(40), known ? known->join(QStringLiteral(", ")) : QString()}));
    }
    Result<QVariant> shared = sharedBody(plan);
    if (!shared)
        return shared.error();
    const std::optional<TestPlan> builtIn = TestPlan::builtIn(plan);
    if (builtIn && builtIn->required.isEmpty())
        return planError(Message(tr,
                                 QT_TR_NOOP("plan %1 requires no run: it would test nothing but the GPU's "
                                            "report, as a product without a plan is tested; choose a plan "
                                            "that names its runs"),
                                 {builtIn->name}));
    if (shared.value().isNull() && !builtIn) {
        auto names = sql::column(m_db, QStringLiteral("SELECT name FROM test_plans ORDER BY name"));
        QStringList known = TestPlan::builtInNames();
        if (names)
            known << names.value();
        return planError(
            Message(tr, QT_TR_NOOP("no test plan %1; share it first (plan publish FILE), or use one of: %2"),
                    {plan.left(40), known.join(QStringLiteral(", "))}));
    }
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = Authority::require(m_db, actor, kEditLimits); !st)
        return st;
    // A built-in plan is shared as it stands, so every station judges by the same limits.
    if (builtIn && shared.value().isNull()) {
        if (Status st = share(builtIn->name, QJsonDocument(builtIn->toJson()).toJson(QJsonDocument::Indented),
                              actor, stationId);
            !st)
            return st;
    }
    if (Status st = ReferenceLog(m_db, actor.id, stationId, m_clock)
                        .record({QStringLiteral("product_plans"),
                                 {{QStringLiteral("model"), model}},
                                 // present again after an unassign: the newest change says so
                                 {{ReferenceChange::kPresent, true},
                                  {QStringLiteral("plan"), builtIn ? builtIn->name : plan}}});
        !st)
        return st;
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("test_plan_assigned"), actor.id,
                                stationId.isEmpty() ? QStringLiteral("-") : stationId,
                                model + QLatin1Char('=') + plan);
        !st)
        return st;
    if (Status st = tx.commit(); !st)
        return st;
    spdlog::info("model {} tested to plan {} (set by {})", model.toStdString(), plan.toStdString(),
                 actor.id.toStdString());
    return {};
}

Status TestPlanStore::unassign(const QString& model, const OperatorInfo& actor,
                               const QString& stationId) const
{
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = Authority::require(m_db, actor, kEditLimits); !st)
        return st;
    auto current =
        sql::scalar(m_db, QStringLiteral("SELECT plan FROM product_plans WHERE model = ?"), {model});
    if (!current)
        return current.error();
    if (!current.value().isValid())
        return makeError(ErrorCode::UnknownField, QStringLiteral("model"),
                         Message(tr,
                                 QT_TR_NOOP("model %1 has no test plan of its own; plan list shows which do"),
                                 {model.left(40)}));
    if (Status st = ReferenceLog(m_db, actor.id, stationId, m_clock)
                        .record({QStringLiteral("product_plans"),
                                 {{QStringLiteral("model"), model}},
                                 {{ReferenceChange::kPresent, false}}});
        !st)
        return st;
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("test_plan_unassigned"), actor.id,
                                stationId.isEmpty() ? QStringLiteral("-") : stationId,
                                model + QLatin1Char('=') + current.value().toString());
        !st)
        return st;
    if (Status st = tx.commit(); !st)
        return st;
    spdlog::info("model {} no longer tested to plan {} (by {})", model.toStdString(),
                 current.value().toString().toStdString(), actor.id.toStdString());
    return {};
}

Result<std::optional<TestPlan>> TestPlanStore::forModel(const QString& model) const
{
    auto row = sql::row(m_db,
                        QStringLiteral("SELECT p.plan, t.body FROM product_plans p "
                                       "LEFT JOIN test_plans t ON t.name = p.plan WHERE p.model = ?"),
                        {model});
    if (!row)
        return row.error();
    if (!row.value() || row.value()->value(0).toString().isEmpty())
        return std::optional<TestPlan>();
    const QString name = row.value()->value(0).toString();
    if (row.value()->value(1).isNull())
        return makeError(ErrorCode::TestPlanUnmet, QStringLiteral("plan"),
                         Message(tr,
                                 QT_TR_NOOP("model %1 is tested to plan %2, which has not reached this "
                                            "station; sync, then test"),
                                 {model, name}));
    Result<TestPlan> plan = TestPlan::fromJsonText(row.value()->value(1).toString().toUtf8(), model);
    if (!plan)
        return plan.error();
    return std::optional<TestPlan>(plan.value());
}

Result<TestPlan> TestPlanStore::forUnit(const QString& unitSerial, const std::optional<QString>& chosen,
                                        const QString& stationPlan) const
{
    auto found = sql::scalar(m_db, QStringLiteral("SELECT model FROM units WHERE serial = ?"),
                             {unitSerial.trimmed().toUpper()});
    if (!found)
        return found.error();
    const QString model = found.value().toString();
    if (!model.isEmpty()) {
        Result<std::optional<TestPlan>> own = forModel(model);
        if (!own)
            return own.error();
        if (own.value()) {
            // Only the product's plan by its name: a file, even one that calls itself so, or
            // another plan would judge by limits other than the ones every station holds.
            if (chosen && chosen->trimmed() != own.value()->name)
                return makeError(ErrorCode::TestPlanUnmet, QStringLiteral("plan"),
                                 Message(tr,
                                         QT_TR_NOOP("model %1 is tested to plan %2, not %3; leave out "
                                                    "the plan, it is the product's"),
                                         {model, own.value()->name, chosen->trimmed().left(80)}));
            return *own.value();
        }
    }
    return named(chosen ? *chosen : stationPlan, model);
}

bool TestPlanStore::namesShared(const QString& nameOrFile)
{
    return !nameOrFile.isEmpty() && !TestPlan::builtIn(nameOrFile) && !QFileInfo::exists(nameOrFile);
}

Result<TestPlan> TestPlanStore::named(const QString& nameOrFile, const QString& model) const
{
    if (namesShared(nameOrFile)) {
        Result<QVariant> body = sharedBody(nameOrFile.trimmed());
        if (!body)
            return body.error();
        if (!body.value().isNull())
            return TestPlan::fromJsonText(body.value().toString().toUtf8(), model);
    }
    return TestPlan::named(nameOrFile, model);
}

Result<TestPlan> TestPlanStore::forReflow(Step step, const QString& die, const QString& typedAlloy,
                                          const QString& planName) const
{
    Result<TestPlan> plan = named(planName);
    if (!plan)
        return plan;
    const QString id = SerialRules::normalise(SerialKind::Die, die);
    auto found = sql::row(m_db, QStringLiteral("SELECT alloy, model FROM dies WHERE id = ?"), {id});
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(
            ErrorCode::UnknownSerial, QString(payload::Die),
            Message(tr, QT_TR_NOOP("no die %1 on this line; scan the die's traveler label"), {id.left(40)}));
    // The alloy the record's rules take: a reball's typed one, else SAC305 (the reball rule's
    // default); a mount's, its die's, else SAC305 (the mount rule's).
    const QString dieAlloy = found.value()->at(0).toString();
    const QString model = found.value()->at(1).toString();
    const QString alloy = (step == Step::Reball ? typedAlloy.trimmed() : dieAlloy).toLower();
    const QString judged = alloy.isEmpty() ? QStringLiteral("sac305") : alloy;
    TestPlan effective = plan.value();
    // The alloy sets the liquidus and, below, the peak and TAL window; the plan's own ramp,
    // cooling and time-to-peak limits stand.
    const ProfileWindow own = effective.profile;
    if (!effective.useAlloy(judged))
        return makeError(ErrorCode::InvalidValue, QString(payload::Alloy),
                         Message(tr,
                                 QT_TR_NOOP("alloy %1 is none the core knows a reflow window for (SAC305, "
                                            "SAC405, SAC387, SN100C, Sn63Pb37, Sn62Pb36Ag2, Sn42Bi58)"),
                                 {judged.left(40)}));
    effective.profile.maxRampCPerS = own.maxRampCPerS;
    effective.profile.maxCoolingCPerS = own.maxCoolingCPerS;
    effective.profile.maxTimeToPeakS = own.maxTimeToPeakS;
    effective.profile.failOnWarnings = own.failOnWarnings;
    Result<QList<LimitStore::LimitRow>> limits = LimitStore(m_db).limitsFor(model);
    if (!limits)
        return limits.error();
    for (const LimitStore::LimitRow& l : limits.value()) {
        if (l.name == QStringLiteral("mount.peak_c.") + judged) {
            effective.profile.peakMinC = l.min;
            effective.profile.peakMaxC = l.max;
        } else if (l.name == QLatin1StringView("mount.tal_s")) {
            effective.profile.talMinS = l.min;
            effective.profile.talMaxS = l.max;
        }
    }
    return effective;
}

Result<QVariant> TestPlanStore::sharedBody(const QString& name) const
{
    return sql::scalar(m_db, QStringLiteral("SELECT body FROM test_plans WHERE name = ?"), {name});
}

Result<QList<TestPlanStore::Entry>> TestPlanStore::list() const
{
    auto plans = sql::run(m_db, QStringLiteral("SELECT name, body FROM test_plans ORDER BY name"));
    if (!plans)
        return plans.error();
    QMap<QString, Entry> byName;
    while (plans.value().next()) {
        Entry e;
        e.name = plans.value().value(0).toString();
        e.body = plans.value().value(1).toString().toUtf8();
        for (const auto& kind :
             QJsonDocument::fromJson(e.body).object().value(QStringLiteral("required")).toArray())
            e.required << kind.toString();
        byName.insert(e.name, e);
    }
    auto assigned = sql::run(m_db, QStringLiteral("SELECT model, plan FROM product_plans ORDER BY model"));
    if (!assigned)
        return assigned.error();
    while (assigned.value().next()) {
        const QString plan = assigned.value().value(1).toString();
        if (byName.contains(plan))
            byName[plan].models << assigned.value().value(0).toString();
    }
    return byName.values();
}

} // namespace rework
