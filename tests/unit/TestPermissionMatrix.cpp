// Every permission × every role, through the core call that acts on it: the `permissions` table
// decides (as granted by default, and again after the opposite grant), never the caller. A refusal
// is NotPermitted and leaves the database as it was; an allowed call may still fail for another
// reason (no such conflict, no server), but never for want of permission. The CLI's and the
// GUI's entry points over the same calls are tested in TestCliAuthority and TestSessionSecurity.

#include "TestDatabase.h"
#include "auth/OperatorAdmin.h"
#include "auth/StationTokens.h"
#include "domain/Step.h"
#include "labels/LabelPrinter.h"
#include "labels/LabelTemplateStore.h"
#include "storage/Backup.h"
#include "storage/ConfigStore.h"
#include "storage/DerivedRepair.h"
#include "storage/EventChain.h"
#include "storage/LimitStore.h"
#include "storage/Restore.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "storage/WorkflowConfigLoader.h"
#include "sync/ConflictResolution.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace rework;

namespace {

/// One acting operator per role; the admin is made by the test line on demand.
OperatorInfo actorOf(test::TestDatabase& t, const QString& role)
{
    if (role == QLatin1StringView("admin"))
        return {t.admin(), QStringLiteral("Test admin"), role, true};
    if (role == QLatin1StringView("supervisor"))
        return {QStringLiteral("SUP1"), QStringLiteral("Liu Yang"), role, true};
    return {QStringLiteral("OP1"), QStringLiteral("Li Wei"), role, true};
}

/// The core call behind a permission, made as `actor` on a line prepared for it.
using CoreCall = std::function<Status(test::TestDatabase&, const OperatorInfo&)>;

template <typename T> Status asStatus(const Result<T>& r)
{
    if (r)
        return {};
    return r.error();
}

QString shippedTemplateCopy(const QString& folder)
{
    QFile shipped(QStringLiteral(REWORK_SOURCE_DIR "/resources/labels/die-traveler.json"));
    if (!shipped.open(QIODevice::ReadOnly))
        qFatal("no shipped template");
    QJsonObject t = QJsonDocument::fromJson(shipped.readAll()).object();
    t.insert(QStringLiteral("name"), QStringLiteral("die-traveler-matrix"));
    const QString file = folder + QStringLiteral("/matrix.json");
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write the template");
    out.write(QJsonDocument(t).toJson());
    return file;
}

/// The first intake of the line, for the calls that act on an existing event.
QString anyEvent(test::TestDatabase& t)
{
    return sql::scalar(t.db().connection(),
                       QStringLiteral("SELECT id FROM events WHERE step = 'intake' ORDER BY seq LIMIT 1"))
        .value()
        .toString();
}

/// The unit prepare() took to inspection, for the override.
QString inspectedUnit(test::TestDatabase& t)
{
    return sql::scalar(t.db().connection(),
                       QStringLiteral("SELECT serial FROM units WHERE state = 'inspected'"))
        .value()
        .toString();
}

/// What a call needs on the line before the database is compared, made by the operator role.
void prepare(test::TestDatabase& t, const QString& action)
{
    if (!t.record(Step::Intake, {"card=ZT4090A700000", "model=RTX4090", "lot=LOT-M"}).ok())
        qFatal("intake failed");
    if (action == QLatin1StringView("record.override")) {
        const QString unit = t.mountedUnit(QStringLiteral("ZT4090A700001"), QStringLiteral("SB00000701"));
        if (!t.record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok())
            qFatal("inspection failed");
    }
}

const QHash<QString, CoreCall>& coreCalls()
{
    static const QHash<QString, CoreCall> calls{
        {QStringLiteral("settings.change"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return ConfigStore(t.db().connection(), t.clock())
                 .setConfigValue(QStringLiteral("reflow.limit"), QStringLiteral("4"), a.id);
         }},
        {QStringLiteral("operators.manage"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             const WorkflowConfig config = WorkflowConfigLoader(t.db().connection()).loadConfig().value();
             return OperatorAdmin(t.db().connection(), config, a.id, QStringLiteral("INTAKE-1"), t.clock())
                 .add(QStringLiteral("OP9"), QStringLiteral("Sun Li"), QStringLiteral("operator"),
                      QStringLiteral("5678"));
         }},
        {QStringLiteral("limits.edit"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return LimitStore(t.db().connection(), t.clock())
                 .setLimit(QStringLiteral("inspect.void_pct"), QStringLiteral("RTX4090"), std::nullopt, 20.0,
                           a.id);
         }},
        {QStringLiteral("templates.edit"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(LabelTemplateStore(t.folder())
                                 .publish(t.db().connection(), shippedTemplateCopy(t.folder()), a,
                                          QStringLiteral("INTAKE-1"), t.clock()));
         }},
        {QStringLiteral("tokens.manage"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(StationTokens(t.db().connection(), t.clock())
                                 .create(a, QStringLiteral("TEST-1"), {QStringLiteral("test")}));
         }},
        {QStringLiteral("conflicts.resolve"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(ConflictResolution(t.db().connection(), t.clock())
                                 .resolve(1, anyEvent(t), QStringLiteral("kept the X-ray's side"), a,
                                          QStringLiteral("INTAKE-1")));
         }},
        {QStringLiteral("chain.repair"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(EventChain(t.db().connection()).repairMissing(a.id, QStringLiteral("matrix")));
         }},
        {QStringLiteral("derived.repair"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(DerivedRepair(t.db().connection()).run(a.id, QStringLiteral("matrix")));
         }},
        {QStringLiteral("restore.force"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             const QString backup = t.folder() + QStringLiteral("/older.sqlite");
             if (Status st = Backup::copy(t.db().connection(), backup); !st)
                 return st;
             Restore::Request request;
             request.source = backup;
             request.force = true;
             request.reason = QStringLiteral("disk replaced");
             request.actor = a;
             return asStatus(Restore(t.db(), t.clock()).run(request));
         }},
        {QStringLiteral("sync.run"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             // Nobody listens on port 9: an allowed run fails to connect, a refused one never tries.
             const SyncSettings nowhere =
                 SyncSettings::fromUrl(QStringLiteral("postgresql://rework@127.0.0.1:9/rework")).value();
             return asStatus(SyncEngine(t.db(), nowhere, t.clock()).run(a));
         }},
        {QStringLiteral("label.print"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             LabelPrinter::Request r;
             r.templateName = QStringLiteral("die-traveler");
             r.subject = QStringLiteral("D-NONE");
             r.output = LabelPrinter::Output::Zpl;
             r.target = t.folder() + QStringLiteral("/label.zpl");
             r.stationId = QStringLiteral("STRIP-1");
             r.operatorId = a.id;
             r.now = t.clock().now();
             return asStatus(LabelPrinter(t.db().connection(), t.folder()).print(r));
         }},
        {QStringLiteral("record.void"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(t.record(Step::Void, {"event=" + anyEvent(t), "reason=scanned twice"}, a.id));
         }},
        {QStringLiteral("record.override"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             // A pass without the GPU's report: only with an override (see prepare()).
             return asStatus(t.record(
                 Step::Test, {"unit=" + inspectedUnit(t), "result=pass", "override_reason=rig down"}, a.id));
         }},
        {QStringLiteral("record.intake"),
         [](test::TestDatabase& t, const OperatorInfo& a) {
             return asStatus(
                 t.record(Step::Intake, {"card=ZT4090A799999", "model=RTX4090", "lot=LOT-M"}, a.id));
         }},
    };
    return calls;
}

/// Actions a role may hold that are not changes of data, with where they are enforced.
const QHash<QString, const char*> kViews{
    {QStringLiteral("dashboard.view"), "a view: the GUI shows the dashboard tab only to a role that "
                                       "holds it (TestSessionSecurity)"},
};

/// record.<step> beyond intake: each step's own items need the steps before it, and every step
/// goes through the same check in WorkflowRules::decide; withdrawing one is tested below.
bool isOtherStep(const QString& action)
{
    return action.startsWith(QLatin1StringView("record.")) && !coreCalls().contains(action);
}

QStringList roles()
{
    return {QStringLiteral("operator"), QStringLiteral("supervisor"), QStringLiteral("admin")};
}

bool granted(test::TestDatabase& t, const QString& role, const QString& action)
{
    return sql::scalar(t.db().connection(),
                       QStringLiteral("SELECT 1 FROM permissions WHERE role = ? AND action = ?"),
                       {role, action})
        .value()
        .isValid();
}

void grant(test::TestDatabase& t, const QString& role, const QString& action, bool on)
{
    const QString statement = on ? QStringLiteral("INSERT INTO permissions (role, action) VALUES (?, ?)")
                                 : QStringLiteral("DELETE FROM permissions WHERE role = ? AND action = ?");
    QVERIFY(sql::run(t.db().connection(), statement, {role, action}).ok());
    QVERIFY(t.recorder().reloadConfig().ok());
}

} // namespace

class TestPermissionMatrix : public QObject
{
    Q_OBJECT

private slots:
    /// Every action in the table has a core call here (or is a view, or a step): a permission
    /// added without a check in the core fails this test.
    void everyPermissionIsCovered()
    {
        test::TestDatabase t;
        auto q = sql::run(t.db().connection(), QStringLiteral("SELECT DISTINCT action FROM permissions"));
        QVERIFY(q.ok());
        int actions = 0;
        while (q.value().next()) {
            const QString action = q.value().value(0).toString();
            ++actions;
            QVERIFY2(coreCalls().contains(action) || kViews.contains(action) || isOtherStep(action),
                     qPrintable(action));
        }
        QVERIFY(actions >= 20);
    }

    void eachRoleAsTheTableSays_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("flipped"); // the opposite of the default grant
        QStringList actions = coreCalls().keys();
        actions.sort();
        for (const QString& action : actions) {
            for (const QString& role : roles()) {
                QTest::addRow("%s %s", qPrintable(action), qPrintable(role)) << action << role << false;
                QTest::addRow("%s %s flipped", qPrintable(action), qPrintable(role))
                    << action << role << true;
            }
        }
    }

    void eachRoleAsTheTableSays()
    {
        QFETCH(QString, action);
        QFETCH(QString, role);
        QFETCH(bool, flipped);
        test::TestDatabase t;
        const OperatorInfo actor = actorOf(t, role);
        prepare(t, action);
        bool allowed = granted(t, role, action);
        if (flipped) {
            // Never take the last admin's right to manage operators: the core keeps one.
            if (action == QLatin1StringView("operators.manage") && role == QLatin1StringView("admin"))
                QSKIP("the core keeps operators.manage with the admin role");
            grant(t, role, action, !allowed);
            allowed = !allowed;
        }
        const QString before = t.dump();
        const Status done = coreCalls().value(action)(t, actor);
        if (allowed) {
            QVERIFY2(done.ok() || done.error().code != ErrorCode::NotPermitted,
                     qPrintable(done.ok() ? QString() : done.error().message));
            return;
        }
        QVERIFY2(!done.ok(), "allowed without the permission");
        QCOMPARE(done.error().code, ErrorCode::NotPermitted);
        QCOMPARE(t.dump(), before);
    }

    /// Each step's permission is read from the table: withdrawn from the operator role, that step
    /// is refused to an operator and nothing is written.
    void aWithdrawnStepIsRefused_data()
    {
        QTest::addColumn<QString>("step");
        for (const char* step : {"intake", "strip", "reball", "mount", "inspect", "test", "pack", "close",
                                 "ship", "scrap", "bake"})
            QTest::newRow(step) << QString::fromLatin1(step);
    }

    void aWithdrawnStepIsRefused()
    {
        QFETCH(QString, step);
        test::TestDatabase t;
        const auto ok = [](const Result<Recorded>& r) {
            if (!r)
                qFatal("setup step failed: %s", qPrintable(r.error().oneLine()));
            return r.value();
        };
        // The items the step acts on, recorded while the role still may.
        const QString card = QStringLiteral("ZT4090A711111");
        QStringList fields;
        if (step == QLatin1StringView("intake")) {
            fields = {"card=" + card, "model=RTX4090", "lot=LOT-M"};
        } else if (step == QLatin1StringView("strip") || step == QLatin1StringView("scrap")) {
            ok(t.record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-M"}));
            fields = step == QLatin1StringView("strip") ? QStringList{"card=" + card}
                                                        : QStringList{"item=" + card, "reason=burnt"};
        } else if (step == QLatin1StringView("reball") || step == QLatin1StringView("bake")) {
            ok(t.record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-M"}));
            const QString die = ok(t.record(Step::Strip, {"card=" + card})).createdId();
            fields = step == QLatin1StringView("reball") ? QStringList{"die=" + die}
                                                         : QStringList{"die=" + die, "hours=9", "oven=OV-1"};
        } else if (step == QLatin1StringView("mount")) {
            ok(t.record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-M"}));
            const QString die = ok(t.record(Step::Strip, {"card=" + card})).createdId();
            ok(t.record(Step::Reball, {"die=" + die}));
            fields = {"die=" + die, "board=SB00000711"};
        } else if (step == QLatin1StringView("inspect") || step == QLatin1StringView("test")) {
            const QString unit = t.mountedUnit(card, QStringLiteral("SB00000711"));
            if (step == QLatin1StringView("test"))
                ok(t.record(Step::Inspect, {"unit=" + unit, "result=pass"}));
            fields = {"unit=" + unit, "result=pass"};
        } else {
            const QString unit = t.testedUnit(card, QStringLiteral("SB00000711"));
            fields = {"unit=" + unit, "batch=B2611-071"};
            if (step != QLatin1StringView("pack")) {
                ok(t.record(Step::Pack, fields));
                fields = {"batch=B2611-071"};
                if (step == QLatin1StringView("ship"))
                    ok(t.record(Step::Close, fields));
            }
        }
        grant(t, QStringLiteral("operator"), QStringLiteral("record.") + step, false);
        const QString before = t.dump();
        const std::optional<Step> s = stepFromName(step);
        QVERIFY(s);
        auto refused = t.record(*s, fields);
        QVERIFY2(!refused.ok(), "recorded without the permission");
        QCOMPARE(refused.error().code, ErrorCode::NotPermitted);
        QCOMPARE(t.dump(), before);
        // The supervisor's role still holds it: the same record goes in.
        auto r = t.record(*s, fields, QStringLiteral("SUP1"));
        QVERIFY2(r.ok() || r.error().code != ErrorCode::NotPermitted,
                 qPrintable(r.ok() ? QString() : r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "TestPermissionMatrix.moc"
