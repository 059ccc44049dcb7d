// The work itself from the shell: `record` a step, `batch close|ship` (steps of a batch), `void` a
// recorded event, and `trace` any serial through its genealogy and timeline.

#include "Commands.h"
#include "domain/EventPayload.h"

#include "domain/Step.h"
#include "importers/GpuReportReader.h"
#include "importers/RigRunReader.h"
#include "importers/TestPlanStore.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "rigs/RigCommands.h"
#include "storage/EvidenceStore.h"
#include "trace/TraceQuery.h"
#include "workflow/NextStep.h"
#include "workflow/Recorder.h"
#include "workflow/StepSchema.h"

#include <QJsonValue>
#include <QSet>

namespace rework {
namespace {

/// How this station's oven writes its thermocouple logs: rig.import-profile in rig.conf, as the
/// form's *Import rig log…* reads them.
Result<ProfileImportSettings> stationImportProfile(const QString& dataFolder)
{
    Result<RigCommands> rig = RigCommands::load(dataFolder);
    if (!rig)
        return rig.error();
    return rig->importProfile(dataFolder);
}

/// `record STEP --help`: the fields of one step.
int stepHelp(CommandContext& context, Step step, const QString& stepText)
{
    QTextStream& out = context.out.out();
    out << Cli::tr("Usage: reworkctl record %1 --station S --operator O key=value ...\nFields:\n")
               .arg(stepText);
    if (step == Step::Intake || step == Step::Test) {
        out << QStringLiteral("  %1%2  %3\n")
                   .arg(QStringLiteral("smi").leftJustified(20), QStringLiteral("file").leftJustified(28),
                        Cli::tr("nvidia-smi -q -x report: fills gpu_uuid, vbios, mem_mib, pcie_gen, "
                                "pcie_width, "
                                "temp_max_c, driver"));
        out << QStringLiteral("  %1%2  %3\n")
                   .arg(QStringLiteral("smi_gpu").leftJustified(20), QStringLiteral("0..").leftJustified(28),
                        Cli::tr("which GPU of a multi-GPU report"));
    }
    static const QHash<QString, const char*> runFiles{
        {QStringLiteral("burnin"),
         QT_TRANSLATE_NOOP("Cli", "gpu_burn log: fills burnin, burnin_min, burnin_gflops")},
        {QStringLiteral("dcgm"),
         QT_TRANSLATE_NOOP("Cli", "dcgmi diag output (table or -j JSON): fills dcgm, dcgm_level")},
        {QStringLiteral("vram"),
         QT_TRANSLATE_NOOP("Cli", "memtest_vulkan or cuda_memtest log: fills vram, vram_errors, vram_min")},
        {QStringLiteral("profile_log"),
         QT_TRANSLATE_NOOP("Cli", "thermocouple CSV: fills peak_c, tal_s, ramp_c_per_s, cooling_c_per_s")},
    };
    const QStringList files = RigRunReader::fieldsOf(step);
    QSet<QString> typedToo; // a file field that also takes its result typed (burnin=pass)
    for (const FieldSpec& f : StepSchema::fields(step)) {
        if (files.contains(f.key))
            typedToo.insert(f.key);
    }
    for (const QString& field : files) {
        const QString type =
            typedToo.contains(field) ? QStringLiteral("file|pass|fail") : QStringLiteral("file");
        out << QStringLiteral("  %1%2  %3\n")
                   .arg(field.leftJustified(20), type.leftJustified(28), Cli::tr(runFiles.value(field)));
    }
    if (!files.isEmpty())
        out << QStringLiteral("  %1%2  %3\n")
                   .arg(QStringLiteral("--plan").leftJustified(20),
                        QStringLiteral("default|strict|FILE").leftJustified(28),
                        Cli::tr("the test plan that judges the files above"));
    for (const FieldSpec& f : StepSchema::fields(step)) {
        if (typedToo.contains(f.key))
            continue;
        const QString required =
            f.required ? QStringLiteral(" [") + Cli::tr("required") + QLatin1Char(']') : QString();
        const QString byDefault =
            f.defaultText.isEmpty()
                ? QString()
                : QStringLiteral(" [") + Cli::tr("default: %1").arg(f.defaultTitle()) + QLatin1Char(']');
        out << QStringLiteral("  %1%2  %3%4%5\n")
                   .arg(f.key.leftJustified(20), f.typeText().leftJustified(28), f.helpText(), required,
                        byDefault);
    }
    return Ok;
}

/// What `record` prints: the event, a repair loop or scrap it caused, and the id it created.
void printRecorded(Output& out, const Recorded& recorded)
{
    const EventRecord& e = recorded.event;
    QStringList lines{Cli::tr("recorded %1 of %2 (event %3)").arg(e.step, e.subject, e.id)};
    const QString decided = EventPayload::read(e.payload).outcome;
    if (decided == outcome::Repair)
        lines << Cli::tr("unit %1 goes back to reball (repair loop)").arg(e.subject);
    else if (decided == outcome::Scrap)
        lines << Cli::tr("unit %1 reached the repair limit and is scrapped").arg(e.subject);
    if (!recorded.createdId().isEmpty())
        lines << recorded.createdId();
    // null, not "", where the step created nothing or decided nothing: a script tests for a value.
    const auto valueOrNull = [](const QString& v) { return v.isEmpty() ? QJsonValue() : QJsonValue(v); };
    out.emitResult(lines, {{QStringLiteral("event"), e.id},
                           {QStringLiteral("step"), e.step},
                           {QStringLiteral("subject"), e.subject},
                           {QStringLiteral("created"), valueOrNull(recorded.createdId())},
                           {QStringLiteral("outcome"), valueOrNull(decided)}});
}

int record(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.isEmpty() || args.first().startsWith(QLatin1StringView("-")))
        return out.help(context.help, args.isEmpty() ? Usage : Ok);
    const QString stepText = args.takeFirst();
    const std::optional<Step> step = stepFromName(stepText);
    if (!step || *step == Step::Void) {
        return out.usage(
            Cli::tr(
                "\"%1\" is not a step; use intake, strip, reball, mount, inspect, test, pack, scrap or bake")
                .arg(stepText.left(40)));
    }
    if (args.wantsHelp())
        return stepHelp(context, *step, stepText);
    const auto station = args.take(QStringLiteral("station"));
    const auto operatorId = args.take(QStringLiteral("operator"));
    const bool tokenFromStdin = args.takeFlag(QStringLiteral("token-stdin"));
    const auto planName = args.take(QStringLiteral("plan"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown);
    if (!station || station->isEmpty())
        return out.missing(QStringLiteral("station"), Cli::tr("--station is required"));
    // A test rig or script without an operator: a station token (--token-stdin or
    // REWORKTRACK_TOKEN) records as TOKEN:<id>, only its own steps at its own station.
    const bool byToken = (!operatorId || operatorId->isEmpty()) &&
                         (tokenFromStdin || qEnvironmentVariableIsSet("REWORKTRACK_TOKEN"));
    if (!byToken && (!operatorId || operatorId->isEmpty()))
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    if (tokenFromStdin && !byToken)
        return out.usage(Cli::tr("give either --operator or --token-stdin, not both"));
    OperatorInfo actor;
    if (const auto failed = byToken ? context.proveToken(*station, *step, tokenFromStdin, actor)
                                    : context.prove(*operatorId, *station, actor))
        return *failed;
    Database* db = context.database();
    // smi=REPORT.xml: the GPU's own report, kept as evidence; the test gate believes it, as the
    // test form does.
    Result<GpuReportReader::Arguments> report =
        GpuReportReader::takeArguments(args.list(), context.dataFolder());
    if (!report)
        return out.fail(report.error());
    // burnin=, dcgm=, vram=, profile_log=: rig outputs judged by the test plan, kept as evidence.
    // A unit's test is judged by its product's plan; a reflow by its die's alloy and product
    // limits; other steps (and products without a plan) by --plan, else the built-in default.
    QString unitSerial, dieId, alloy;
    bool reflowLog = false;
    for (const QString& field : report->rest) {
        const QString key = field.section(QLatin1Char('='), 0, 0).trimmed().toLower();
        const QString value = field.section(QLatin1Char('='), 1).trimmed();
        if (key == payload::Unit)
            unitSerial = value;
        else if (key == payload::Die)
            dieId = value;
        else if (key == payload::Alloy)
            alloy = value;
        else if (key == payload::ProfileLog)
            reflowLog = true;
    }
    const TestPlanStore plans(db->connection());
    const QString stationPlan = planName.value_or(TestPlan::defaultPlan().name);
    Result<TestPlan> plan = *step == Step::Test && !unitSerial.isEmpty()
                                ? plans.forUnit(unitSerial, planName, TestPlan::defaultPlan().name)
                            // a log to judge: without one, the die is the rules' to check
                            : reflowLog && (*step == Step::Reball || *step == Step::Mount)
                                ? plans.forReflow(*step, dieId, alloy, stationPlan)
                                : plans.named(stationPlan);
    const EvidenceStore evidence(context.dataFolder());
    const auto discardReport = [&] {
        if (report->report)
            evidence.discardStaged(report->report->evidence);
    };
    if (!plan) {
        discardReport();
        return out.fail(plan.error());
    }
    // A thermocouple log is read as this station's oven writes it (rig.import-profile in rig.conf).
    ProfileImportSettings importProfile;
    if (reflowLog) {
        Result<ProfileImportSettings> oven = stationImportProfile(context.dataFolder());
        if (!oven) {
            discardReport();
            return out.fail(oven.error());
        }
        importProfile = oven.value();
    }
    Result<RigRunReader::Arguments> runs =
        RigRunReader::takeArguments(*step, report->rest, context.dataFolder(), plan.value(), importProfile);
    if (!runs) {
        discardReport();
        return out.fail(runs.error());
    }
    // evidence=FILE: copied into the data folder, recorded by its SHA-256.
    Result<QStringList> fields = evidence.expandArgument(runs->rest);
    // Staged copies of a record that is refused are removed: nothing of it stays behind.
    const auto discard = [&] {
        discardReport();
        for (const ImportedRun& run : runs->runs)
            evidence.discardStaged(run.evidence);
        if (fields) {
            for (const QString& kv : fields.value()) {
                if (kv.section(QLatin1Char('='), 0, 0).trimmed().toLower() == payload::Evidence)
                    evidence.discardStaged(kv.section(QLatin1Char('='), 1));
            }
        }
    };
    if (!fields) {
        discard();
        return out.fail(fields.error());
    }
    Result<QJsonObject> parsed = StepSchema::parse(*step, fields.value());
    if (!parsed) {
        discard();
        return out.fail(parsed.error());
    }
    Recorder recorder(*db, context.clock);
    Result<Recorded> r =
        recorder.record(Action{*step, *station, actor.id, parsed.value(), report->report, runs->runs});
    if (!r) {
        discard();
        return out.fail(r.error());
    }
    printRecorded(out, r.value());
    return Ok;
}

int batch(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString sub = args.takeFirst();
    const Step step = sub == QLatin1StringView("close") ? Step::Close : Step::Ship;
    if (sub != QLatin1StringView("close") && sub != QLatin1StringView("ship"))
        return out.usage(Cli::tr("unknown batch command \"%1\"").arg(sub.left(40)), context.help);
    const QString station = args.takeOr(QStringLiteral("station"), QStringLiteral("SYSTEM"));
    const auto operatorId = args.take(QStringLiteral("operator"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.isEmpty())
        return out.usage(Cli::tr("give the batch id"), context.help);
    // A proven operator closes and ships, never the headless SYSTEM.
    if (!operatorId || operatorId->isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    // Closing or shipping is recorded like any step: `record close|ship ... batch=BATCH FIELDS`.
    QStringList fields{QStringLiteral("batch=") + args.takeFirst()};
    fields << args.list();
    // After `--`: a field stays a field even if it looks like an option.
    return record(context, Args(QStringList{stepName(step), QStringLiteral("--station"), station,
                                            QStringLiteral("--operator"), *operatorId, QStringLiteral("--")} +
                                fields));
}

int voidEvent(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto reason = args.take(QStringLiteral("reason"));
    const auto operatorId = args.take(QStringLiteral("operator"));
    const QString station = args.takeOr(QStringLiteral("station"), QStringLiteral("SYSTEM"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one event id"), context.help);
    if (!operatorId)
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(*operatorId, station, actor))
        return *failed;
    Recorder recorder(*context.database(), context.clock);
    QStringList fields{QStringLiteral("event=") + args.first()};
    if (reason)
        fields << QStringLiteral("reason=") + *reason;
    Result<Recorded> r = recorder.record(Step::Void, station, actor.id, fields);
    if (!r)
        return out.fail(r.error());
    out.emitResult(
        {Cli::tr("voided %1 (event %2)").arg(r.value().event.subject, r.value().event.id)},
        {{QStringLiteral("event"), r.value().event.id}, {QStringLiteral("voided"), r.value().event.subject}});
    return Ok;
}

int trace(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one serial"));
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    Result<Trace> t = TraceQuery(db->connection()).find(args.first());
    if (!t)
        return out.fail(t.error());
    if (out.isJson()) {
        out.emitResult({}, t->toJson());
    } else {
        out.out() << t->toText();
        out.out().flush();
    }
    return Ok;
}

/// What "scan anything" (F2) says of a serial: what it is, where it is and the step it needs next.
int resolve(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one serial"));
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    Result<NextStep> next = NextStepResolver(db->connection(), context.clock).resolve(args.first());
    if (!next)
        return out.fail(next.error());
    const QString step = next->step ? stepName(*next->step) : QString();
    out.emitResult(
        {next->where, next->step ? Cli::tr("next: %1 (scan into %2)").arg(stepTitle(*next->step), next->field)
                                 : Cli::tr("next: nothing at a station")},
        {{QStringLiteral("scanned_kind"), next->scannedKind},
         {QStringLiteral("serial"), next->serial},
         {QStringLiteral("kind"), next->kind},
         {QStringLiteral("next_step"), step.isEmpty() ? QJsonValue() : QJsonValue(step)},
         {QStringLiteral("field"), next->field},
         {QStringLiteral("where"), next->where}});
    return Ok;
}

} // namespace

const Command recordCommand{
    "record",
    QT_TRANSLATE_NOOP("Cli", "  record STEP --station S --operator O key=value ...\n"
                             "         STEP: intake strip reball mount inspect test pack scrap bake\n"),
    QT_TRANSLATE_NOOP("Cli", "Usage: reworkctl record STEP --station S --operator O key=value ...\n"
                             "       reworkctl record STEP --station S --token-stdin key=value ...\n"
                             "STEP: intake strip reball mount inspect test pack scrap bake\n"
                             "A station token (reworkctl token create) records its steps at its station\n"
                             "without an operator's PIN; give it on stdin or in REWORKTRACK_TOKEN.\n"
                             "reworkctl record STEP --help lists the fields of a step.\n"
                             "Test rig outputs (burnin=, dcgm=, vram= at test, profile_log= at reball and\n"
                             "mount) are judged by --plan NAME|FILE (default: the built-in default plan).\n"),
    &record, Command::Help::ByHandler};

const Command batchCommand{
    "batch",
    QT_TRANSLATE_NOOP("Cli", "  batch close BATCH --operator O [--station S]\n"
                             "  batch ship BATCH --operator O [--station S] [carrier=TEXT]\n"),
    QT_TRANSLATE_NOOP("Cli", "Usage: reworkctl batch close BATCH --operator O [--station S]\n"
                             "       reworkctl batch ship BATCH --operator O [--station S] [carrier=TEXT]\n"),
    &batch, Command::Help::OnFlagOrNoArguments};

const Command voidCommand{
    "void", QT_TRANSLATE_NOOP("Cli", "  void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]\n"),
    &voidEvent, Command::Help::OnFlagOrNoArguments};

const Command resolveCommand{
    "resolve",
    QT_TRANSLATE_NOOP(
        "Cli", "  resolve SERIAL                         what a scan is, where it is, its next step\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl resolve SERIAL [--json]\nSays what a scanned card, die, board, "
                      "unit, batch or GPU UUID is, where it is now and which step it needs next, as "
                      "\"scan anything\" (F2) does.\n"),
    &resolve,
    Command::Help::OnFlagOrNoArguments,
    false,
    true};

const Command traceCommand{
    "trace",
    QT_TRANSLATE_NOOP("Cli",
                      "  trace SERIAL                           genealogy and timeline of any serial\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl trace SERIAL\nShows the genealogy and timeline of a card, die, board, "
               "unit, batch or GPU UUID.\n"),
    &trace,
    Command::Help::OnFlagOrNoArguments,
    false,
    true};

} // namespace rework
