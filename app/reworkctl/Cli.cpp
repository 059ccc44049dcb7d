#include "Cli.h"

#include "auth/OperatorAdmin.h"

#include "auth/OperatorAccounts.h"
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "importers/NvidiaSmiImporter.h"
#include "labels/CommandSheet.h"
#include "labels/LabelPrinter.h"
#include "labels/LabelTemplateStore.h"
#include "logging/Logging.h"
#include "reports/KpiQuery.h"
#include "reports/RecallQuery.h"
#include "reports/ReportDocument.h"
#include "storage/AuditLog.h"
#include "storage/Backup.h"
#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "storage/EventChain.h"
#include "storage/EvidenceStore.h"
#include "storage/IntegrityChecker.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "storage/WorkflowConfigLoader.h"
#include "sync/SyncEngine.h"
#include "trace/TraceQuery.h"
#include "workflow/Recorder.h"
#include "workflow/StepSchema.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace rework {
namespace {

/// Takes `--name VALUE` (or `--name=VALUE`) out of `args`; empty when absent.
std::optional<QString> takeOption(QStringList& args, const QString& name)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == flag) {
            if (i + 1 >= args.size())
                return QString();
            const QString value = args[i + 1];
            args.remove(i, 2);
            return value;
        }
        if (args[i].startsWith(flag + QLatin1Char('='))) {
            const QString value = args[i].mid(flag.size() + 1);
            args.remove(i);
            return value;
        }
    }
    return std::nullopt;
}

bool takeFlag(QStringList& args, const QString& name)
{
    return args.removeAll(QStringLiteral("--") + name) > 0;
}

QString firstUnknownOption(const QStringList& args)
{
    for (const QString& a : args) {
        if (a.startsWith(QLatin1StringView("--")))
            return a;
    }
    return {};
}

const char* const kMainHelp = QT_TRANSLATE_NOOP(
    "Cli",
    "Usage: reworkctl [--db PATH] [--json] [--verbose] COMMAND ...\n"
    "\n"
    "Commands:\n"
    "  init                                   create or upgrade the database\n"
    "  demo --units N [--days D] [--seed S]   add realistic demo data\n"
    "  operator add ID --name NAME --role operator|supervisor|admin --pin PIN\n"
    "  operator list\n"
    "  operator disable|enable ID | reset-pin ID --pin PIN | role ID ROLE\n"
    "  station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME]\n"
    "  station list\n"
    "  record STEP --station S --operator O key=value ...\n"
    "         STEP: intake strip reball mount inspect test pack scrap bake\n"
    "  batch close BATCH [--station S --operator O]\n"
    "  batch ship BATCH [--station S --operator O] [carrier=TEXT]\n"
    "  void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]\n"
    "  trace SERIAL                           genealogy and timeline of any serial\n"
    "  check                                  integrity check of database and derived state\n"
    "  config list | config set KEY VALUE     repair, reflow, shift, target and idle-lock settings\n"
    "  commands --pdf FILE                    printable sheet of command barcodes\n"
    "  kpi [--from DATE] [--to DATE] [--shift day|night] [--station S] [--model M] [--batch B]\n"
    "                                         supervisor figures\n"
    "  recall SERIAL [--by lot,flux_lot,stencil,profile,operator,window] [--hours H]\n"
    "  report daily|shift|batch ... --pdf FILE   printable reports (report --help)\n"
    "  label TEMPLATE SERIAL|BATCH --pdf FILE | --zpl FILE | --send HOST:PORT\n"
    "  label list | label retry | label history SERIAL   labels (label --help)\n"
    "  server-init --server URL               create or upgrade the central PostgreSQL schema\n"
    "  sync [--server URL] [--if-configured] | sync configure --server URL | sync status   (sync --help)\n"
    "  backup [--to FILE] [--keep N]          online copy (default: DATA/backups, newest N kept)\n"
    "  verify                                 walk the hash chains of events and audit log; names the first "
    "broken entry\n"
    "  restore FILE                           replace the database with a checked backup\n"
    "\n"
    "Global options:\n"
    "  --db PATH     database file (default: $REWORKTRACK_DB, else the file chosen in the app's settings,\n"
    "                else the user's data folder)\n"
    "  --json        machine-readable output\n"
    "  --verbose     log to stderr as well as to the log file\n"
    "  --version     print the version\n"
    "\n"
    "COMMAND --help shows the fields of a command. A command that creates an id prints it\n"
    "alone on the last line. Exit codes: 0 success, 1 refused, 2 usage, 3 storage.\n");

} // namespace

Cli::Cli() : m_out(stdout), m_err(stderr) {}

Cli::~Cli() = default;

bool Cli::wantsHelp(const QStringList& args) const
{
    return args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
}

void Cli::printHelp()
{
    m_out << tr(kMainHelp);
    m_out.flush();
}

int Cli::fail(const Error& error)
{
    if (m_json) {
        QJsonObject e{{QStringLiteral("code"), error.codeName()},
                      {QStringLiteral("field"), error.field},
                      {QStringLiteral("message"), error.message}};
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), e}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        m_out.flush();
    }
    m_err << tr("error") << ": " << error.oneLine() << " [" << error.codeName() << "]\n";
    m_err.flush();
    switch (error.code) {
    case ErrorCode::Usage:
        return Usage;
    case ErrorCode::Storage:
    case ErrorCode::SchemaTooNew:
        return StorageFailure;
    default:
        return Refused;
    }
}

int Cli::usage(const QString& message, const QString& helpText)
{
    if (!helpText.isEmpty())
        m_err << helpText << '\n';
    return fail(makeError(ErrorCode::Usage, QString(), message));
}

void Cli::emitResult(const QStringList& text, const QJsonObject& json)
{
    if (m_json) {
        QJsonObject o = json;
        o.insert(QStringLiteral("ok"), true);
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        for (const QString& line : text)
            m_out << line << '\n';
    }
    m_out.flush();
}

Database* Cli::database()
{
    if (m_db)
        return m_db.get();
    const QString path = Database::resolvePath(m_dbPath);
    Logging::init(QFileInfo(path).absolutePath(), m_verbose);
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        fail(db.error());
        return nullptr;
    }
    m_db = std::move(db.value());
    return m_db.get();
}

int Cli::run(QStringList args)
{
    Logging::silence();
    std::optional<QString> db = takeOption(args, QStringLiteral("db"));
    if (db && db->isEmpty())
        return usage(tr("--db needs a file path"));
    m_dbPath = db.value_or(QString());
    m_json = takeFlag(args, QStringLiteral("json"));
    m_verbose = takeFlag(args, QStringLiteral("verbose"));
    if (takeFlag(args, QStringLiteral("version"))) {
        m_out << "reworkctl " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (args.isEmpty() || args.first() == QLatin1StringView("--help") ||
        args.first() == QLatin1StringView("-h") || args.first() == QLatin1StringView("help")) {
        printHelp();
        return args.isEmpty() ? Usage : Ok;
    }
    const QString command = args.takeFirst();
    return dispatch(command, args);
}

int Cli::dispatch(const QString& command, QStringList args)
{
    if (command == QLatin1StringView("init"))
        return cmdInit(args);
    if (command == QLatin1StringView("demo"))
        return cmdDemo(args);
    if (command == QLatin1StringView("operator"))
        return cmdOperator(args);
    if (command == QLatin1StringView("station"))
        return cmdStation(args);
    if (command == QLatin1StringView("record"))
        return cmdRecord(args);
    if (command == QLatin1StringView("batch"))
        return cmdBatch(args);
    if (command == QLatin1StringView("void"))
        return cmdVoid(args);
    if (command == QLatin1StringView("trace"))
        return cmdTrace(args);
    if (command == QLatin1StringView("check"))
        return cmdCheck(args);
    if (command == QLatin1StringView("config"))
        return cmdConfig(args);
    if (command == QLatin1StringView("commands"))
        return cmdCommands(args);
    if (command == QLatin1StringView("kpi"))
        return cmdKpi(args);
    if (command == QLatin1StringView("recall"))
        return cmdRecall(args);
    if (command == QLatin1StringView("report"))
        return cmdReport(args);
    if (command == QLatin1StringView("label"))
        return cmdLabel(args);
    if (command == QLatin1StringView("server-init"))
        return cmdServerInit(args);
    if (command == QLatin1StringView("sync"))
        return cmdSync(args);
    if (command == QLatin1StringView("backup"))
        return cmdBackup(args);
    if (command == QLatin1StringView("verify"))
        return cmdVerify(args);
    if (command == QLatin1StringView("restore"))
        return cmdRestore(args);
    return usage(tr("unknown command \"%1\"; run reworkctl --help").arg(command.left(40)));
}

int Cli::cmdInit(const QStringList& args)
{
    if (wantsHelp(args)) {
        m_out << tr("Usage: reworkctl init\nCreates the database, or brings its schema up to date.\n");
        return Ok;
    }
    if (!args.isEmpty())
        return usage(tr("init takes no arguments"));
    Database* db = database();
    if (!db)
        return StorageFailure;
    emitResult(
        {tr("database %1 ready (schema version %2)").arg(db->path()).arg(Migrator::latestVersion())},
        {{QStringLiteral("db"), db->path()}, {QStringLiteral("schema_version"), Migrator::latestVersion()}});
    return Ok;
}

int Cli::cmdDemo(const QStringList& argsIn)
{
    QStringList args = argsIn;
    if (wantsHelp(args)) {
        m_out << tr("Usage: reworkctl demo --units N [--days D] [--seed S]\n"
                    "Adds stations, operators (PIN %1) and N donor cards taken through the line.\n")
                     .arg(QString::fromLatin1(DemoGenerator::kDemoPin));
        return Ok;
    }
    DemoGenerator::Options options;
    bool ok = true;
    if (auto units = takeOption(args, QStringLiteral("units"))) {
        options.units = units->toInt(&ok);
        if (!ok || options.units < 1 || options.units > 1000000)
            return usage(tr("--units must be a whole number from 1 to 1000000"));
    }
    if (auto days = takeOption(args, QStringLiteral("days"))) {
        options.days = days->toInt(&ok);
        if (!ok || options.days < 1 || options.days > 3650)
            return usage(tr("--days must be a whole number from 1 to 3650"));
    }
    if (auto seed = takeOption(args, QStringLiteral("seed"))) {
        options.seed = seed->toUInt(&ok);
        if (!ok)
            return usage(tr("--seed must be a whole number"));
    }
    if (!args.isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(args.first().left(40)));
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<DemoGenerator::Summary> s = DemoGenerator::generate(*db, options);
    if (!s)
        return fail(s.error());
    emitResult({tr("demo data: %1 donor cards, %2 units passed test, %3 repair loops, %4 scrapped, %5 events")
                    .arg(s->cards)
                    .arg(s->units)
                    .arg(s->repairs)
                    .arg(s->scrapped)
                    .arg(s->events),
                tr("demo operators OP001..OP004, supervisor SUP01, admin ADMIN; PIN %1")
                    .arg(QString::fromLatin1(DemoGenerator::kDemoPin))},
               {{QStringLiteral("cards"), s->cards},
                {QStringLiteral("units"), s->units},
                {QStringLiteral("repairs"), s->repairs},
                {QStringLiteral("scrapped"), s->scrapped},
                {QStringLiteral("events"), s->events}});
    return Ok;
}

int Cli::cmdOperator(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl operator add ID --name NAME --role operator|supervisor|admin --pin PIN\n"
           "       reworkctl operator list\n"
           "       reworkctl operator disable|enable ID\n"
           "       reworkctl operator reset-pin ID --pin PIN\n"
           "       reworkctl operator role ID operator|supervisor|admin\n"
           "Every change goes into the audit log; the last active admin cannot be disabled or demoted.\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.takeFirst();
    if (sub == QLatin1StringView("list")) {
        Database* db = database();
        if (!db)
            return StorageFailure;
        auto list = OperatorAccounts(db->connection()).operators();
        if (!list)
            return fail(list.error());
        QStringList lines;
        QJsonArray array;
        for (const OperatorInfo& o : list.value()) {
            lines << QStringLiteral("%1\t%2\t%3\t%4")
                         .arg(o.id, o.role, o.active ? tr("active") : tr("disabled"), o.name);
            array.append(QJsonObject{{QStringLiteral("id"), o.id},
                                     {QStringLiteral("name"), o.name},
                                     {QStringLiteral("role"), o.role},
                                     {QStringLiteral("active"), o.active}});
        }
        emitResult(lines, {{QStringLiteral("operators"), array}});
        return Ok;
    }
    const QStringList known{QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("enable"),
                            QStringLiteral("reset-pin"), QStringLiteral("role")};
    if (!known.contains(sub))
        return usage(tr("unknown operator command \"%1\"").arg(sub.left(40)), help);
    const auto name = takeOption(args, QStringLiteral("name"));
    const auto role = takeOption(args, QStringLiteral("role"));
    const auto pin = takeOption(args, QStringLiteral("pin"));
    if (const QString unknown = firstUnknownOption(args); !unknown.isEmpty())
        return usage(tr("unknown option %1").arg(unknown.left(40)), help);
    const qsizetype wanted = sub == QLatin1StringView("role") ? 2 : 1;
    if (args.size() != wanted)
        return usage(sub == QLatin1StringView("role") ? tr("give the operator ID and the new role")
                                                      : tr("give exactly one operator ID"),
                     help);
    if (sub == QLatin1StringView("add") && (!name || !role || !pin))
        return usage(tr("--name, --role and --pin are required"), help);
    if (sub == QLatin1StringView("reset-pin") && !pin)
        return usage(tr("--pin is required"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<WorkflowConfig> config = WorkflowConfigLoader(db->connection()).loadConfig();
    if (!config)
        return fail(config.error());
    // Whoever can run reworkctl on this file owns it: the shell acts without a login, audited.
    OperatorAdmin admin(db->connection(), config.value(), OperatorAdmin::kShell, QString());
    const QString id = SerialRules::normalise(SerialKind::Operator, args.first());
    Status st;
    QString done;
    if (sub == QLatin1StringView("add")) {
        st = admin.add(args.first(), *name, *role, *pin);
        done = tr("operator %1 added as %2").arg(id, *role);
    } else if (sub == QLatin1StringView("disable") || sub == QLatin1StringView("enable")) {
        const bool enable = sub == QLatin1StringView("enable");
        st = admin.setActive(id, enable);
        done = enable ? tr("operator %1 enabled").arg(id)
                      : tr("operator %1 disabled; logged out at every station").arg(id);
    } else if (sub == QLatin1StringView("reset-pin")) {
        st = admin.resetPin(id, *pin);
        done = tr("PIN of %1 reset; any lock is lifted").arg(id);
    } else {
        st = admin.setRole(id, args.at(1));
        done = tr("operator %1 is now %2").arg(id, args.at(1));
    }
    if (!st)
        return fail(st.error());
    emitResult({done, id}, {{QStringLiteral("id"), id}});
    return Ok;
}

int Cli::cmdStation(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl station add ID --step intake|strip|reball|mount|inspect|test|pack "
           "[--name NAME]\n       reworkctl station list\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.takeFirst();
    if (sub == QLatin1StringView("list")) {
        Database* db = database();
        if (!db)
            return StorageFailure;
        auto list = StationRegistry(db->connection()).stations();
        if (!list)
            return fail(list.error());
        QStringList lines;
        QJsonArray array;
        for (const StationInfo& s : list.value()) {
            lines << s.id + QLatin1Char('\t') + s.step;
            array.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("step"), s.step}});
        }
        emitResult(lines, {{QStringLiteral("stations"), array}});
        return Ok;
    }
    if (sub != QLatin1StringView("add"))
        return usage(tr("unknown station command \"%1\"").arg(sub.left(40)), help);
    const auto step = takeOption(args, QStringLiteral("step"));
    const auto name = takeOption(args, QStringLiteral("name"));
    if (const QString unknown = firstUnknownOption(args); !unknown.isEmpty())
        return usage(tr("unknown option %1").arg(unknown.left(40)), help);
    if (args.size() != 1 || !step)
        return usage(tr("give one station ID and --step"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    if (Status st =
            StationRegistry(db->connection()).addStation(args.first(), *step, name.value_or(QString()));
        !st)
        return fail(st.error());
    const QString id = args.first().trimmed().toUpper();
    emitResult({tr("station %1 added for %2").arg(id, *step), id}, {{QStringLiteral("id"), id}});
    return Ok;
}

int Cli::cmdRecord(QStringList args)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1StringView("-"))) {
        m_out << tr("Usage: reworkctl record STEP --station S --operator O key=value ...\n"
                    "STEP: intake strip reball mount inspect test pack scrap bake\n"
                    "reworkctl record STEP --help lists the fields of a step.\n");
        return args.isEmpty() ? Usage : Ok;
    }
    const QString stepText = args.takeFirst();
    const std::optional<Step> step = stepFromName(stepText);
    if (!step || *step == Step::Void) {
        return usage(
            tr("\"%1\" is not a step; use intake, strip, reball, mount, inspect, test, pack, scrap or bake")
                .arg(stepText.left(40)));
    }
    if (wantsHelp(args)) {
        m_out << tr("Usage: reworkctl record %1 --station S --operator O key=value ...\nFields:\n")
                     .arg(stepText);
        if (*step == Step::Intake || *step == Step::Test) {
            m_out << QStringLiteral("  %1%2  %3\n")
                         .arg(QStringLiteral("smi").leftJustified(20),
                              QStringLiteral("file").leftJustified(28),
                              tr("nvidia-smi -q -x report: fills gpu_uuid, vbios, mem_mib, pcie_gen, "
                                 "pcie_width, "
                                 "temp_max_c, driver"));
            m_out << QStringLiteral("  %1%2  %3\n")
                         .arg(QStringLiteral("smi_gpu").leftJustified(20),
                              QStringLiteral("0..").leftJustified(28), tr("which GPU of a multi-GPU report"));
        }
        for (const FieldSpec& f : StepSchema::fields(*step)) {
            m_out << QStringLiteral("  %1%2  %3%4%5\n")
                         .arg(f.key.leftJustified(20), f.typeText().leftJustified(28), f.helpText(),
                              f.required ? QStringLiteral(" [") + tr("required") + QLatin1Char(']')
                                         : QString(),
                              f.defaultText.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" [") + tr("default: %1").arg(f.defaultTitle()) +
                                        QLatin1Char(']'));
        }
        return Ok;
    }
    const auto station = takeOption(args, QStringLiteral("station"));
    const auto operatorId = takeOption(args, QStringLiteral("operator"));
    if (const QString unknown = firstUnknownOption(args); !unknown.isEmpty())
        return usage(tr("unknown option %1").arg(unknown.left(40)));
    if (!station || station->isEmpty())
        return fail(
            makeError(ErrorCode::MissingField, QStringLiteral("station"), tr("--station is required")));
    if (!operatorId || operatorId->isEmpty())
        return fail(
            makeError(ErrorCode::MissingField, QStringLiteral("operator"), tr("--operator is required")));
    Database* db = database();
    if (!db)
        return StorageFailure;
    // smi=REPORT.xml: the nvidia-smi importer fills the GPU fields, as the test form does.
    Result<QStringList> fields = NvidiaSmiImporter::expandReportArgument(*step, args);
    if (!fields)
        return fail(fields.error());
    // evidence=FILE: copied into the data folder, recorded by its SHA-256.
    fields = EvidenceStore(QFileInfo(db->path()).absolutePath()).expandArgument(fields.value());
    if (!fields)
        return fail(fields.error());
    SystemClock clock;
    Recorder recorder(*db, clock);
    Result<Recorded> r = recorder.record(*step, *station, *operatorId, fields.value());
    if (!r)
        return fail(r.error());
    const EventRecord& e = r.value().event;
    QStringList lines{tr("recorded %1 of %2 (event %3)").arg(e.step, e.subject, e.id)};
    const QString outcome = e.payload.value(QLatin1StringView("outcome")).toString();
    if (outcome == QLatin1StringView("repair"))
        lines << tr("unit %1 goes back to reball (repair loop)").arg(e.subject);
    else if (outcome == QLatin1StringView("scrap"))
        lines << tr("unit %1 reached the repair limit and is scrapped").arg(e.subject);
    if (!r.value().createdId().isEmpty())
        lines << r.value().createdId();
    emitResult(lines, {{QStringLiteral("event"), e.id},
                       {QStringLiteral("step"), e.step},
                       {QStringLiteral("subject"), e.subject},
                       {QStringLiteral("created"), r.value().createdId()},
                       {QStringLiteral("outcome"), outcome}});
    return Ok;
}

int Cli::cmdBatch(QStringList args)
{
    const QString help = tr("Usage: reworkctl batch close BATCH [--station S --operator O]\n"
                            "       reworkctl batch ship BATCH [--station S --operator O] [carrier=TEXT]\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.takeFirst();
    const Step step = sub == QLatin1StringView("close") ? Step::Close : Step::Ship;
    if (sub != QLatin1StringView("close") && sub != QLatin1StringView("ship"))
        return usage(tr("unknown batch command \"%1\"").arg(sub.left(40)), help);
    const QString station = takeOption(args, QStringLiteral("station")).value_or(QStringLiteral("SYSTEM"));
    const QString operatorId =
        takeOption(args, QStringLiteral("operator")).value_or(QStringLiteral("SYSTEM"));
    if (const QString unknown = firstUnknownOption(args); !unknown.isEmpty())
        return usage(tr("unknown option %1").arg(unknown.left(40)), help);
    if (args.isEmpty())
        return usage(tr("give the batch id"), help);
    QStringList fields{QStringLiteral("batch=") + args.takeFirst()};
    fields << args;
    args = fields;
    return cmdRecord(QStringList{stepName(step), QStringLiteral("--station"), station,
                                 QStringLiteral("--operator"), operatorId} +
                     args);
}

int Cli::cmdVoid(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString help =
        tr("Usage: reworkctl void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const auto reason = takeOption(args, QStringLiteral("reason"));
    const auto operatorId = takeOption(args, QStringLiteral("operator"));
    const QString station = takeOption(args, QStringLiteral("station")).value_or(QStringLiteral("SYSTEM"));
    if (const QString unknown = firstUnknownOption(args); !unknown.isEmpty())
        return usage(tr("unknown option %1").arg(unknown.left(40)), help);
    if (args.size() != 1)
        return usage(tr("give exactly one event id"), help);
    if (!operatorId)
        return fail(
            makeError(ErrorCode::MissingField, QStringLiteral("operator"), tr("--operator is required")));
    Database* db = database();
    if (!db)
        return StorageFailure;
    SystemClock clock;
    Recorder recorder(*db, clock);
    QStringList fields{QStringLiteral("event=") + args.first()};
    if (reason)
        fields << QStringLiteral("reason=") + *reason;
    Result<Recorded> r = recorder.record(Step::Void, station, *operatorId, fields);
    if (!r)
        return fail(r.error());
    emitResult(
        {tr("voided %1 (event %2)").arg(r.value().event.subject, r.value().event.id)},
        {{QStringLiteral("event"), r.value().event.id}, {QStringLiteral("voided"), r.value().event.subject}});
    return Ok;
}

int Cli::cmdTrace(const QStringList& args)
{
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << tr("Usage: reworkctl trace SERIAL\nShows the genealogy and timeline of a card, die, board, "
                    "unit, batch or GPU UUID.\n");
        return args.isEmpty() ? Usage : Ok;
    }
    if (args.size() != 1)
        return usage(tr("give exactly one serial"));
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<Trace> t = TraceQuery(db->connection()).find(args.first());
    if (!t)
        return fail(t.error());
    if (m_json) {
        emitResult({}, t->toJson());
    } else {
        m_out << t->toText();
        m_out.flush();
    }
    return Ok;
}

int Cli::cmdCheck(const QStringList& args)
{
    if (wantsHelp(args)) {
        m_out << tr(
            "Usage: reworkctl check\nRuns SQLite's integrity check and compares the derived state with "
            "a replay of the event log. Changes nothing.\n");
        return Ok;
    }
    if (!args.isEmpty())
        return usage(tr("check takes no arguments"));
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<QStringList> problems = IntegrityChecker(db->connection()).run();
    if (!problems)
        return fail(problems.error());
    if (!problems->isEmpty()) {
        for (const QString& p : problems.value())
            m_err << p << '\n';
        return fail(
            makeError(ErrorCode::Storage, QString(),
                      tr("%1 problems found; call an admin to restore a backup").arg(problems->size())));
    }
    emitResult({tr("database ok: integrity check passed and derived state equals the event log")},
               {{QStringLiteral("problems"), QJsonArray()}});
    return Ok;
}

int Cli::cmdCommands(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl commands --pdf FILE\nWrites a sheet of command barcodes (save, clear, "
           "pass, fail, print label, each defect code) to print for the benches.\n");
    if (wantsHelp(args)) {
        m_out << help;
        return Ok;
    }
    const auto pdf = takeOption(args, QStringLiteral("pdf"));
    if (!pdf || pdf->isEmpty() || !args.isEmpty())
        return usage(tr("give --pdf FILE"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<WorkflowConfig> config = WorkflowConfigLoader(db->connection()).loadConfig();
    if (!config)
        return fail(config.error());
    if (Status st = CommandSheet::writePdf(*pdf, config->defectCodes); !st)
        return fail(st.error());
    emitResult({tr("command sheet written to %1").arg(*pdf), *pdf}, {{QStringLiteral("pdf"), *pdf}});
    return Ok;
}

int Cli::cmdKpi(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl kpi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--shift day|night] [--station S] "
           "[--model M] [--batch B] [--aging-hours H]\nWIP, throughput (per hour and per shift, with its "
           "target), first-pass and final yield, scrap and retest rate, repair loops, defect Pareto, MSL "
           "alarms, operators and anomalies (default: last 30 days; a batch covers its units whenever they "
           "were made; --json for scripts).\n");
    if (wantsHelp(args)) {
        m_out << help;
        return Ok;
    }
    KpiFilter filter;
    filter.to = QDateTime::currentDateTimeUtc().date();
    filter.from = filter.to.addDays(-29);
    for (const char* name : {"from", "to"}) {
        if (auto v = takeOption(args, QString::fromLatin1(name))) {
            const QDate d = QDate::fromString(*v, Qt::ISODate);
            if (!d.isValid())
                return usage(tr("--%1 must be a date like 2026-11-29").arg(QString::fromLatin1(name)), help);
            (qstrcmp(name, "from") == 0 ? filter.from : filter.to) = d;
        }
    }
    if (filter.from > filter.to)
        return usage(tr("--from is after --to"), help);
    filter.station = takeOption(args, QStringLiteral("station")).value_or(QString()).trimmed().toUpper();
    filter.model = takeOption(args, QStringLiteral("model")).value_or(QString()).trimmed().toUpper();
    filter.batch = takeOption(args, QStringLiteral("batch")).value_or(QString()).trimmed().toUpper();
    if (auto shift = takeOption(args, QStringLiteral("shift"))) {
        if (*shift == QLatin1StringView("day"))
            filter.shiftOfDay = KpiFilter::Shift::Day;
        else if (*shift == QLatin1StringView("night"))
            filter.shiftOfDay = KpiFilter::Shift::Night;
        else
            return usage(tr("--shift must be day or night"), help);
    }
    if (auto h = takeOption(args, QStringLiteral("aging-hours"))) {
        bool ok = false;
        filter.agingHours = h->toDouble(&ok);
        if (!ok || filter.agingHours <= 0)
            return usage(tr("--aging-hours must be a positive number"), help);
    }
    if (!args.isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(args.first().left(40)), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<ShiftCalendar> calendar = ShiftCalendar::load(db->connection());
    if (!calendar)
        return fail(calendar.error());
    filter.calendar = calendar.value();
    Result<KpiReport> r = KpiQuery(db->connection()).compute(filter);
    if (!r)
        return fail(r.error());
    QStringList lines{
        filter.batch.isEmpty()
            ? tr("KPIs %1 .. %2").arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate))
            : tr("KPIs of batch %1").arg(filter.batch)};
    QStringList wip;
    for (auto it = r->wipByStep.constBegin(); it != r->wipByStep.constEnd(); ++it)
        wip << it.key() + QLatin1Char('=') + QString::number(it.value());
    lines << tr("WIP waiting for: %1 (aging: %2)").arg(wip.join(QLatin1Char(' '))).arg(r->aging.size());
    lines << tr("cards received %1, units mounted %2").arg(r->cardsReceived).arg(r->unitsMounted);
    lines << tr("first-pass yield: inspect %1, test %2; rolled throughput yield %3")
                 .arg(KpiReport::percentText(r->firstPassYieldInspect),
                      KpiReport::percentText(r->firstPassYieldTest),
                      KpiReport::percentText(r->rolledThroughputYield));
    lines << tr("final yield %1, scrap rate %2, retest rate %3")
                 .arg(KpiReport::percentText(r->finalYield), KpiReport::percentText(r->scrapRate),
                      KpiReport::percentText(r->retestRate));
    QStringList pareto;
    for (const auto& [code, n] : r->defectPareto)
        pareto << code + QLatin1Char('=') + QString::number(n);
    lines << tr("defects: %1").arg(pareto.join(QLatin1Char(' ')));
    lines << tr("MSL alarms: %1; anomalies: %2").arg(r->mslAlarms.size()).arg(r->anomalies.size());
    emitResult(lines, r->toJson());
    return Ok;
}

int Cli::cmdRecall(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl recall SERIAL [--by lot,flux_lot,stencil,profile,operator,window] "
           "[--hours H]\nEvery other item that shares a donor lot, flux lot, stencil, reflow profile, "
           "mounting operator or mount time window (± H hours, default 4) with SERIAL, and where it "
           "is now; shipped items first.\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    QList<RecallQuery::Link> links = RecallQuery::allLinks();
    if (auto by = takeOption(args, QStringLiteral("by"))) {
        links.clear();
        for (const QString& name : by->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto link = RecallQuery::linkFromName(name);
            if (!link)
                return usage(
                    tr("\"%1\" is not a link; use lot, flux_lot, stencil, profile, operator or window")
                        .arg(name.left(40)),
                    help);
            links << *link;
        }
    }
    double hours = 4;
    if (auto h = takeOption(args, QStringLiteral("hours"))) {
        bool ok = false;
        hours = h->toDouble(&ok);
        if (!ok || hours <= 0 || hours > 24 * 365)
            return usage(tr("--hours must be a positive number"), help);
    }
    if (args.size() != 1)
        return usage(tr("give exactly one serial"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    auto hits = RecallQuery(db->connection()).find(args.first(), links, hours);
    if (!hits)
        return fail(hits.error());
    QStringList lines{
        tr("%1 items share something with %2").arg(hits->size()).arg(args.first().trimmed().toUpper())};
    QJsonArray array;
    for (const RecallQuery::Hit& h : hits.value()) {
        lines << QStringLiteral("%1  %2  %3  %4  %5  [%6]")
                     .arg(h.card, h.die.isEmpty() ? QStringLiteral("-") : h.die,
                          h.unit.isEmpty() ? QStringLiteral("-") : h.unit, h.state,
                          h.batch.isEmpty() ? QStringLiteral("-") : h.batch,
                          h.shared.join(QStringLiteral("; ")));
        array.append(QJsonObject{{QStringLiteral("card"), h.card},
                                 {QStringLiteral("die"), h.die},
                                 {QStringLiteral("unit"), h.unit},
                                 {QStringLiteral("state"), h.state},
                                 {QStringLiteral("batch"), h.batch},
                                 {QStringLiteral("batch_state"), h.batchState},
                                 {QStringLiteral("shared"), QJsonArray::fromStringList(h.shared)}});
    }
    emitResult(lines, {{QStringLiteral("items"), array}});
    return Ok;
}

int Cli::cmdReport(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl report daily --date YYYY-MM-DD --pdf FILE [--station S] [--model M]\n"
           "       reworkctl report shift --date YYYY-MM-DD [--night] --pdf FILE [--station S] "
           "[--model M]\n"
           "       reworkctl report batch BATCH --pdf FILE\n"
           "Shifts are 12 hours from config shift.day_start_hour (default 6) in local time.\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString kind = args.takeFirst();
    const auto pdf = takeOption(args, QStringLiteral("pdf"));
    if (!pdf || pdf->isEmpty())
        return usage(tr("give --pdf FILE"), help);
    if (kind == QLatin1StringView("batch")) {
        if (args.size() != 1)
            return usage(tr("give the batch id"), help);
        Database* db = database();
        if (!db)
            return StorageFailure;
        if (Status st =
                ReportDocument::writeBatchReport(db->connection(), args.first().trimmed().toUpper(), *pdf);
            !st)
            return fail(st.error());
        emitResult({tr("report written to %1").arg(*pdf), *pdf}, {{QStringLiteral("pdf"), *pdf}});
        return Ok;
    }
    if (kind != QLatin1StringView("daily") && kind != QLatin1StringView("shift"))
        return usage(tr("unknown report \"%1\"; use daily, shift or batch").arg(kind.left(40)), help);
    const auto dateText = takeOption(args, QStringLiteral("date"));
    const QDate date =
        dateText ? QDate::fromString(*dateText, Qt::ISODate) : QDateTime::currentDateTimeUtc().date();
    if (!date.isValid())
        return usage(tr("--date must be a date like 2026-11-29"), help);
    const bool night = takeFlag(args, QStringLiteral("night"));
    const QString station =
        takeOption(args, QStringLiteral("station")).value_or(QString()).trimmed().toUpper();
    const QString model = takeOption(args, QStringLiteral("model")).value_or(QString()).trimmed().toUpper();
    if (!args.isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(args.first().left(40)), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<ShiftCalendar> calendar = ShiftCalendar::load(db->connection());
    if (!calendar)
        return fail(calendar.error());
    KpiFilter filter;
    QString title;
    if (kind == QLatin1StringView("shift")) {
        filter = KpiFilter::shift(date, night, calendar.value());
        title = night ? tr("Night shift report %1").arg(date.toString(Qt::ISODate))
                      : tr("Day shift report %1").arg(date.toString(Qt::ISODate));
    } else {
        filter.from = filter.to = date;
        filter.calendar = calendar.value();
        title = tr("Daily report %1").arg(date.toString(Qt::ISODate));
    }
    filter.station = station;
    filter.model = model;
    if (Status st = ReportDocument::writeShiftReport(db->connection(), filter, title, *pdf); !st)
        return fail(st.error());
    emitResult({tr("report written to %1").arg(*pdf), *pdf}, {{QStringLiteral("pdf"), *pdf}});
    return Ok;
}

int Cli::cmdLabel(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl label TEMPLATE SERIAL|BATCH (--pdf FILE | --zpl FILE | --send HOST:PORT)\n"
           "                [--operator O] [--station S] [--reason TEXT]\n"
           "       reworkctl label list                 templates (yours in DATA/labels/ first)\n"
           "       reworkctl label retry                send labels the printers did not take\n"
           "       reworkctl label history SERIAL       every print of an item's labels\n"
           "A second print of the same label is a reprint and needs --reason. A label sent to a printer\n"
           "that does not answer stays queued for label retry.\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1StringView("list") || first == QLatin1StringView("retry") ||
        first == QLatin1StringView("history")) {
        if (first == QLatin1StringView("history") ? args.size() != 1 : !args.isEmpty())
            return usage(tr("unexpected arguments"), help);
        Database* db = database();
        if (!db)
            return StorageFailure;
        const QString folder = QFileInfo(db->path()).absolutePath();
        if (first == QLatin1StringView("list")) {
            LabelTemplateStore store(folder);
            QStringList lines;
            QJsonArray json;
            for (const QString& name : store.names()) {
                Result<LabelTemplate> t = store.load(name);
                lines << (t ? QStringLiteral("%1  %2  %3 × %4 mm %5 dpi  %6")
                                  .arg(name, LabelTemplate::kindName(t->kind))
                                  .arg(t->widthMm)
                                  .arg(t->heightMm)
                                  .arg(t->dpi)
                                  .arg(t->description)
                            : name + QStringLiteral("  ") + t.error().message);
                json.append(name);
            }
            emitResult(lines, {{QStringLiteral("templates"), json}});
            return Ok;
        }
        if (first == QLatin1StringView("history")) {
            auto history = LabelPrintLog(db->connection()).history(args.first().trimmed().toUpper());
            if (!history)
                return fail(history.error());
            QStringList lines;
            QJsonArray json;
            for (const LabelPrintLog::Print& p : history.value()) {
                lines << QStringLiteral("%1  %2  %3 %4  %5/%6%7")
                             .arg(p.printedAt.toUTC().toString(Qt::ISODate), p.template_, p.output, p.target,
                                  p.stationId, p.operatorId,
                                  p.reprint ? tr("  reprint: %1").arg(p.reason) : QString());
                json.append(QJsonObject{{QStringLiteral("template"), p.template_},
                                        {QStringLiteral("output"), p.output},
                                        {QStringLiteral("target"), p.target},
                                        {QStringLiteral("operator"), p.operatorId},
                                        {QStringLiteral("reprint"), p.reprint},
                                        {QStringLiteral("reason"), p.reason}});
            }
            emitResult(lines, {{QStringLiteral("prints"), json}});
            return Ok;
        }
        Result<int> sent = LabelPrinter(db->connection(), folder).retryQueued();
        if (!sent)
            return fail(sent.error());
        emitResult({tr("%n queued label(s) sent", nullptr, sent.value())},
                   {{QStringLiteral("sent"), sent.value()}});
        return Ok;
    }

    LabelPrinter::Request request;
    request.templateName = first;
    if (args.isEmpty() || args.first().startsWith(QStringLiteral("--")))
        return usage(tr("give the serial or batch the label is for"), help);
    request.subject = args.takeFirst();
    const auto pdf = takeOption(args, QStringLiteral("pdf"));
    const auto zpl = takeOption(args, QStringLiteral("zpl"));
    const auto send = takeOption(args, QStringLiteral("send"));
    if (int outputs = (pdf ? 1 : 0) + (zpl ? 1 : 0) + (send ? 1 : 0); outputs != 1)
        return usage(tr("give exactly one of --pdf FILE, --zpl FILE, --send HOST:PORT"), help);
    request.output = pdf   ? LabelPrinter::Output::Pdf
                     : zpl ? LabelPrinter::Output::Zpl
                           : LabelPrinter::Output::Send;
    request.target = pdf ? *pdf : zpl ? *zpl : *send;
    if (request.target.trimmed().isEmpty())
        return usage(tr("the output needs a file or printer address"), help);
    request.operatorId = takeOption(args, QStringLiteral("operator")).value_or(QStringLiteral("SYSTEM"));
    request.stationId = takeOption(args, QStringLiteral("station")).value_or(QStringLiteral("SYSTEM"));
    request.reason = takeOption(args, QStringLiteral("reason")).value_or(QString());
    if (!args.isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(args.first().left(40)), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    auto known = sql::scalar(db->connection(),
                             QStringLiteral("SELECT count(*) FROM operators WHERE id = ? AND active = 1"),
                             {request.operatorId});
    if (!known)
        return fail(known.error());
    if (known.value().toInt() == 0)
        return fail(makeError(ErrorCode::UnknownOperator, QStringLiteral("operator"),
                              tr("no active operator %1").arg(request.operatorId.left(40))));
    request.now = QDateTime::currentDateTimeUtc();
    Result<LabelPrintLog::Print> printed =
        LabelPrinter(db->connection(), QFileInfo(db->path()).absolutePath()).print(request);
    if (!printed)
        return fail(printed.error());
    emitResult(
        {printed->reprint
             ? tr("%1 label of %2 reprinted to %3").arg(printed->template_, printed->subject, printed->target)
             : tr("%1 label of %2 printed to %3").arg(printed->template_, printed->subject, printed->target),
         printed->id},
        {{QStringLiteral("print"), printed->id},
         {QStringLiteral("template"), printed->template_},
         {QStringLiteral("subject"), printed->subject},
         {QStringLiteral("target"), printed->target},
         {QStringLiteral("reprint"), printed->reprint}});
    return Ok;
}

int Cli::cmdServerInit(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl server-init --server postgresql://USER:PASSWORD@HOST:PORT/DB[?sslmode=...]\n"
           "Creates or upgrades the central schema; a new server gets this station's reference data.\n");
    if (wantsHelp(args)) {
        m_out << help;
        return Ok;
    }
    const auto url = takeOption(args, QStringLiteral("server"));
    if (!url || !args.isEmpty())
        return usage(tr("give --server URL"), help);
    Result<SyncSettings> settings = SyncSettings::fromUrl(*url);
    if (!settings)
        return fail(settings.error());
    Database* db = database();
    if (!db)
        return StorageFailure;
    if (Status st = SyncEngine(*db, settings.value()).initServer(); !st)
        return fail(st.error());
    emitResult({tr("server schema ready at %1").arg(settings->redacted())},
               {{QStringLiteral("server"), settings->redacted()}});
    return Ok;
}

int Cli::cmdSync(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl sync [--server URL] [--retries N] [--batch N] [--if-configured]\n"
           "       reworkctl sync configure --server URL [--nightly HH:MM]\n"
           "       reworkctl sync status\n"
           "Sends this station's new events to the central PostgreSQL and receives the other stations'\n"
           "events and the reference data. The server comes from --server or from sync configure (kept in\n"
           "DATA/sync.conf, readable by its owner only). --if-configured does nothing, successfully, on a\n"
           "PC without sync.conf (the nightly timer runs on every PC the package is installed on).\n");
    if (wantsHelp(args)) {
        m_out << help;
        return Ok;
    }
    const QString sub =
        !args.isEmpty() && !args.first().startsWith(QStringLiteral("--")) ? args.takeFirst() : QString();
    const auto url = takeOption(args, QStringLiteral("server"));
    const auto nightly = takeOption(args, QStringLiteral("nightly"));
    const auto retries = takeOption(args, QStringLiteral("retries"));
    const auto batch = takeOption(args, QStringLiteral("batch"));
    const bool ifConfigured = takeFlag(args, QStringLiteral("if-configured"));
    if (!args.isEmpty() ||
        (!sub.isEmpty() && sub != QLatin1StringView("configure") && sub != QLatin1StringView("status")))
        return usage(tr("unexpected argument \"%1\"").arg((args.isEmpty() ? sub : args.first()).left(40)),
                     help);
    bool ok = true;
    const int attempts = retries ? retries->toInt(&ok) : 3;
    if (!ok || attempts < 1 || attempts > 10)
        return usage(tr("--retries must be 1 to 10"), help);
    const int batchSize = batch ? batch->toInt(&ok) : 2000;
    if (!ok || batchSize < 1 || batchSize > 10000)
        return usage(tr("--batch must be 1 to 10000"), help);
    if (nightly && !QTime::fromString(*nightly, QStringLiteral("HH:mm")).isValid())
        return usage(tr("--nightly must be a time like 02:00"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    const QString folder = QFileInfo(db->path()).absolutePath();
    if (sub == QLatin1StringView("status")) {
        Result<qint64> pending = SyncEngine::pending(db->connection());
        if (!pending)
            return fail(pending.error());
        Result<QString> last = SyncEngine::stateValue(db->connection(), QStringLiteral("last_sync_at"));
        Result<QString> lastError = SyncEngine::stateValue(db->connection(), QStringLiteral("last_error"));
        if (!last || !lastError)
            return fail(last ? lastError.error() : last.error());
        const QString error = lastError.value();
        Result<SyncSettings> settings = SyncSettings::load(folder);
        emitResult({tr("server: %1").arg(settings ? settings->redacted() : settings.error().message),
                    tr("last sync: %1").arg(last->isEmpty() ? tr("never") : last.value()),
                    tr("events waiting to be sent: %1").arg(pending.value()),
                    error.isEmpty() ? QString() : tr("last error: %1").arg(error)},
                   {{QStringLiteral("pending"), pending.value()},
                    {QStringLiteral("last_sync_at"), last.value()},
                    {QStringLiteral("last_error"), error},
                    {QStringLiteral("server"), settings ? settings->redacted() : QString()}});
        return Ok;
    }
    if (ifConfigured && sub.isEmpty() && !url && !QFileInfo::exists(SyncSettings::filePath(folder))) {
        emitResult({tr("sync is not set up on this PC; nothing to do")}, {{QStringLiteral("pushed"), 0}});
        return Ok;
    }
    Result<SyncSettings> settings = url ? SyncSettings::fromUrl(*url) : SyncSettings::load(folder);
    if (!settings)
        return fail(settings.error());
    if (sub == QLatin1StringView("configure")) {
        if (!url)
            return usage(tr("give --server URL"), help);
        SyncSettings s = settings.value();
        if (nightly)
            s.nightlyAt = *nightly;
        if (Status st = s.save(folder); !st)
            return fail(st.error());
        emitResult({tr("sync server set to %1 (nightly at %2)").arg(s.redacted(), s.nightlyAt)},
                   {{QStringLiteral("server"), s.redacted()}, {QStringLiteral("nightly_at"), s.nightlyAt}});
        return Ok;
    }
    SyncEngine engine(*db, settings.value());
    engine.setBatchSize(batchSize);
    Result<SyncEngine::Report> r = engine.runWithRetries(attempts);
    if (!r)
        return fail(r.error());
    emitResult({tr("sync done: %1 events sent, %2 received, %3 could not be applied here")
                    .arg(r->pushed)
                    .arg(r->pulled)
                    .arg(r->rejected)},
               {{QStringLiteral("pushed"), r->pushed},
                {QStringLiteral("pulled"), r->pulled},
                {QStringLiteral("rejected"), r->rejected},
                {QStringLiteral("anomalies"), r->anomalies}});
    return Ok;
}

int Cli::cmdBackup(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl backup [--to FILE] [--keep N]\n"
           "An online copy of the database (work may go on meanwhile), checked with "
           "integrity_check. Default: DATA/backups/reworktrack-DATE-TIME.sqlite, keeping the "
           "newest N (7).\n");
    if (wantsHelp(args)) {
        m_out << help;
        return Ok;
    }
    const auto to = takeOption(args, QStringLiteral("to"));
    const auto keepText = takeOption(args, QStringLiteral("keep"));
    if (!args.isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(args.first().left(40)), help);
    bool ok = true;
    const int keep = keepText ? keepText->toInt(&ok) : 7;
    if (!ok || keep < 1 || keep > 365)
        return usage(tr("--keep must be 1 to 365"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    QString path;
    if (to) {
        if (Status st = Backup::copy(db->connection(), *to); !st)
            return fail(st.error());
        path = *to;
    } else {
        Result<QString> made = Backup::rotate(*db, QDateTime::currentDateTime(), keep);
        if (!made)
            return fail(made.error());
        path = made.value();
    }
    emitResult({tr("backup written to %1").arg(path), path}, {{QStringLiteral("backup"), path}});
    return Ok;
}

int Cli::cmdVerify(const QStringList& args)
{
    if (wantsHelp(args)) {
        m_out << tr(
            "Usage: reworkctl verify\nRecomputes the SHA-256 chain over every event and names the first "
            "entry that was changed, removed or slipped in. Exit 0 intact, 1 broken.\n");
        return Ok;
    }
    if (!args.isEmpty())
        return usage(tr("verify takes no arguments"));
    Database* db = database();
    if (!db)
        return StorageFailure;
    Result<EventChain::Verdict> v = EventChain(db->connection()).verify();
    if (!v)
        return fail(v.error());
    if (v->brokenSeq != 0) {
        return fail(makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                              tr("the event log was tampered with: %1").arg(v->reason)));
    }
    QString auditReason;
    qint64 auditChecked = 0;
    Result<qint64> audit = AuditLog(db->connection()).verify(&auditReason, &auditChecked);
    if (!audit)
        return fail(audit.error());
    if (audit.value() != 0) {
        return fail(makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                              tr("the audit log was tampered with: %1").arg(auditReason)));
    }
    Result<std::pair<qint64, QString>> head = EventChain(db->connection()).head();
    if (!head)
        return fail(head.error());
    emitResult({tr("hash chains intact: %1 events, head %2; %3 audit entries")
                    .arg(v->checked)
                    .arg(head->second)
                    .arg(auditChecked)},
               {{QStringLiteral("events"), v->checked},
                {QStringLiteral("head"), head->second},
                {QStringLiteral("audit_entries"), auditChecked}});
    return Ok;
}

int Cli::cmdRestore(QStringList args)
{
    const QString help =
        tr("Usage: reworkctl restore FILE\n"
           "Checks FILE, then replaces this database's content with it. Close the app on this "
           "PC first; events recorded since the backup are lost unless they were synced.\n");
    if (wantsHelp(args)) {
        m_out << help;
        return Ok;
    }
    if (args.size() != 1)
        return usage(tr("give the backup file"), help);
    Database* db = database();
    if (!db)
        return StorageFailure;
    if (Status st = Backup::restore(*db, args.first()); !st)
        return fail(st.error());
    emitResult({tr("database restored from %1 and checked").arg(args.first())},
               {{QStringLiteral("restored_from"), args.first()}});
    return Ok;
}

int Cli::cmdConfig(QStringList args)
{
    const QString help = tr("Usage: reworkctl config list | config set KEY VALUE\n");
    if (args.isEmpty() || wantsHelp(args)) {
        m_out << help;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.takeFirst();
    Database* db = database();
    if (!db)
        return StorageFailure;
    if (sub == QLatin1StringView("set")) {
        if (args.size() != 2)
            return usage(tr("give KEY and VALUE"), help);
        if (Status st = ConfigStore(db->connection()).setConfigValue(args[0], args[1]); !st)
            return fail(st.error());
        emitResult({tr("%1 = %2").arg(args[0], args[1])}, {{args[0], args[1]}});
        return Ok;
    }
    if (sub == QLatin1StringView("list")) {
        auto rows =
            sql::run(db->connection(), QStringLiteral("SELECT key, value FROM config WHERE key NOT LIKE "
                                                      "'derived.%' ORDER BY key"));
        if (!rows)
            return fail(rows.error());
        QStringList lines;
        QJsonObject json;
        while (rows.value().next()) {
            const QString key = rows.value().value(0).toString();
            const QString value = rows.value().value(1).toString();
            lines << key + QStringLiteral(" = ") + value;
            json.insert(key, value.toInt());
        }
        emitResult(lines, json);
        return Ok;
    }
    return usage(tr("unknown config command \"%1\"").arg(sub.left(40)), help);
}

} // namespace rework
