// `reworkctl parse FILE`: what a test rig's output says (gpu_burn, dcgmi diag, memtest_vulkan,
// cuda_memtest, nvidia-smi, a thermocouple log) and the verdict a test plan gives it. Records
// nothing and opens no database, so that a rig script can check a run before it records it.

#include "Commands.h"

#include "importers/RigEvaluator.h"
#include "importers/RigImport.h"
#include "importers/TestPlan.h"
#include "importers/TestPlanStore.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/Database.h"
#include "storage/InputFile.h"

#include <QJsonDocument>

namespace rework {
namespace {

/// The exit code of a file that cannot be read as a run (missing, empty, binary, too large, not
/// of its kind); a verdict's codes are Ok (pass) and Refused (fail).
constexpr int kUnreadable = 4;
/// A plan or import profile file is small; anything larger is the wrong file.
constexpr qint64 kMaxSettingsBytes = 1024LL * 1024;

/// The plan --plan names: a built-in one, else a JSON file; the default plan without --plan.
Result<TestPlan> planFor(const std::optional<QString>& nameOrFile, const QString& model, const Database* db)
{
    if (!nameOrFile)
        return TestPlan::defaultPlan();
    if (nameOrFile->isEmpty())
        return usageError(Cli::tr("--plan needs a plan name (%1) or a JSON file")
                              .arg(TestPlan::builtInNames().join(QStringLiteral(", "))));
    return db ? TestPlanStore(db->connection()).named(*nameOrFile, model)
              : TestPlan::named(*nameOrFile, model);
}

/// Whether --plan may name a plan the line shares (`plan publish`): not a built-in name nor a
/// file, and there is a database to ask (parse records nothing, so it never creates one).
bool mayBeShared(const std::optional<QString>& nameOrFile, const CommandContext& context)
{
    return nameOrFile && TestPlanStore::namesShared(*nameOrFile) && context.databaseExists();
}

/// The thermocouple log's layout: --import-profile FILE, then the single options over it.
Result<ProfileImportSettings> importSettings(Args& args)
{
    ProfileImportSettings s;
    if (const auto file = args.take(QStringLiteral("import-profile"))) {
        Result<QByteArray> json = InputFile::read(*file, kMaxSettingsBytes, QStringLiteral("import-profile"));
        if (!json)
            return json.error();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(json.value(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return usageError(Cli::tr("the import profile %1 is not a JSON object").arg(file->left(200)));
        Result<ProfileImportSettings> read = ProfileImportSettings::fromJson(doc.object());
        if (!read)
            return read.error();
        s = read.value();
    }
    if (const auto c = args.take(QStringLiteral("time-column")))
        s.timeColumn = c->trimmed();
    if (const auto c = args.take(QStringLiteral("temp-column")))
        s.tempColumns = c->split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (const auto u = args.take(QStringLiteral("time-unit")))
        s.timeUnit = u->trimmed();
    if (const auto u = args.take(QStringLiteral("temp-unit")))
        s.tempUnit = u->trimmed();
    if (const auto w = args.take(QStringLiteral("rate-window"))) {
        bool ok = false;
        s.rateWindowS = w->toDouble(&ok);
        if (!ok)
            return usageError(Cli::tr("--rate-window needs seconds, a number"));
    }
    if (Status st = s.validate(); !st)
        return st.error();
    return s;
}

int parse(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto kindName = args.take(QStringLiteral("kind"));
    const auto planName = args.take(QStringLiteral("plan"));
    const QString model = args.takeOr(QStringLiteral("model"), QString()).trimmed();
    const auto alloy = args.take(QStringLiteral("alloy"));
    const auto liquidus = args.take(QStringLiteral("liquidus"));
    Result<ProfileImportSettings> settings = importSettings(args);
    if (!settings) {
        if (settings.error().code == ErrorCode::Usage)
            return out.usage(settings.error().message, context.help);
        out.fail(settings.error());
        return Usage;
    }
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one file"), context.help);
    RigImportOptions options;
    options.profile = settings.value();
    if (kindName) {
        options.kind = rigKindFromName(*kindName);
        if (!options.kind)
            return out.usage(
                Cli::tr("--kind must be one of %1").arg(rigKindNames().join(QStringLiteral(", "))),
                context.help);
    }
    Database* db = nullptr;
    if (mayBeShared(planName, context) && !(db = context.database()))
        return StorageFailure;
    Result<TestPlan> planned = planFor(planName, model, db);
    if (!planned) {
        if (planned.error().code == ErrorCode::Usage)
            return out.usage(planned.error().message, context.help);
        out.fail(planned.error());
        return Usage;
    }
    TestPlan plan = planned.value();
    if (alloy && !plan.useAlloy(*alloy))
        return out.usage(
            Cli::tr("--alloy: \"%1\" is not an alloy the core knows (SAC305, SAC405, SAC387, SN100C, "
                    "Sn63Pb37, Sn62Pb36Ag2, Sn42Bi58); give --liquidus instead")
                .arg(alloy->left(40)));
    if (liquidus) {
        bool ok = false;
        const double c = liquidus->toDouble(&ok);
        if (!ok || c < 50 || c > 450)
            return out.usage(Cli::tr("--liquidus needs a temperature in °C, 50 to 450"));
        plan.profile.liquidusC = c;
        if (!alloy)
            plan.profile.alloy.clear();
    }
    options.liquidusC = plan.profile.liquidusC;
    options.alloy = plan.profile.alloy;
    const QString file = args.first();
    Result<RigRun> run = RigImport::parseFile(file, options);
    if (!run) {
        out.fail(run.error());
        return kUnreadable;
    }
    const EvaluatedRun evaluated = RigEvaluator::evaluate(run.value(), plan);
    QJsonObject json = evaluated.toJson();
    json.insert(QStringLiteral("file"), file);
    out.emitResult(evaluated.toText(), json);
    return evaluated.verdict.pass ? Ok : Refused;
}

} // namespace

const Command parseCommand{
    "parse",
    QT_TRANSLATE_NOOP("Cli",
                      "  parse FILE [--kind K] [--plan P] [--json]  read a test rig's output, give its "
                      "verdict\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl parse FILE [--kind nvidia-smi|gpu-burn|dcgm|memtest|profile]\n"
               "                 [--plan NAME|FILE] [--model MODEL] [--alloy ALLOY | --liquidus C]\n"
               "                 [--import-profile FILE] [--time-column C] [--temp-column C[,C...]]\n"
               "                 [--time-unit s|ms|min] [--temp-unit C|mC|F] [--rate-window S] [--json]\n"
               "Reads the output of a test rig and prints what it measured and the verdict the test plan\n"
               "gives it; records nothing and needs no database. The kind is told from the content when\n"
               "--kind is not given: nvidia-smi (-q, -q -x or --query-gpu CSV), gpu-burn (gpu_burn's\n"
               "console log), dcgm (dcgmi diag, table or -j JSON), memtest (memtest_vulkan or\n"
               "cuda_memtest), profile (a thermocouple log as CSV).\n"
               "The verdict is computed, never copied from the tool: a run fails when it did not finish,\n"
               "died, did no work, skipped a test, found errors, or broke a limit of the plan.\n"
               "  --plan      a built-in plan (default, strict) or a test plan JSON file; default: default\n"
               "  --model     the product whose part of the plan file applies (its \"models\" entry)\n"
               "  --alloy     the solder's reflow window: SAC305 (217 °C), Sn63Pb37 (183 °C), ...\n"
               "  --liquidus  the liquidus in °C the time above liquidus is taken against\n"
               "  --import-profile, --time-column, --temp-column, --time-unit, --temp-unit, --rate-window:\n"
               "              how a thermocouple CSV is laid out, where detection is not enough\n"
               "With --json: one object with kind, format, plan, verdict (pass or fail), reasons,\n"
               "measurements (name, value, unit, gpu, low, high, pass), facts and, for profiles, peak_c,\n"
               "time_above_liquidus_s, ramp_up_c_per_s, cooling_c_per_s, time_to_peak_s.\n"
               "Exit codes: 0 the run passes, 1 it fails, 2 usage (a bad option, an unknown plan, a plan or\n"
               "import profile that cannot be read), 4 the file cannot be read as a run (missing, empty,\n"
               "binary, too large, or not output of the kind given).\n"),
    &parse, Command::Help::OnFlagOrNoArguments};

} // namespace rework
