#include "TestPlan.h"

#include "ReflowProfile.h"
#include "storage/InputFile.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rework {
namespace {

struct AlloyWindow
{
    const char* alloy;
    double peakMin, peakMax, talMin, talMax;
};

// Paste makers' windows, rounded to what a line sets: peak and time above liquidus.
constexpr AlloyWindow kWindows[] = {
    {"SAC305", 230, 250, 30, 120},  {"SAC405", 230, 250, 30, 120},   {"SAC387", 230, 250, 30, 120},
    {"SN100C", 240, 260, 30, 120},  {"Sn63Pb37", 205, 230, 30, 120}, {"Sn62Pb36Ag2", 200, 225, 30, 120},
    {"Sn42Bi58", 160, 190, 30, 90},
};

Error badPlan(const QString& field, const Message& why)
{
    return makeError(
        ErrorCode::InvalidValue, QStringLiteral("plan"),
        Message(&TestPlan::tr, QT_TRANSLATE_NOOP("TestPlan", "test plan, %1: %2"), {field, why}));
}

/// Reads `key` of `o` into `target` when present: a number, or null for "no limit".
Status number(const QJsonObject& o, const char* key, const QString& section, std::optional<double>& target)
{
    if (!o.contains(QLatin1StringView(key)))
        return {};
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isNull()) {
        target.reset();
        return {};
    }
    if (!v.isDouble())
        return badPlan(section + QLatin1Char('.') + QLatin1StringView(key),
                       Message(&TestPlan::tr, QT_TRANSLATE_NOOP("TestPlan", "must be a number or null")));
    target = v.toDouble();
    return {};
}

Status number(const QJsonObject& o, const char* key, const QString& section, double& target)
{
    std::optional<double> v = target;
    if (Status st = number(o, key, section, v); !st)
        return st;
    target = v.value_or(0);
    return {};
}

Status flag(const QJsonObject& o, const char* key, const QString& section, bool& target)
{
    if (!o.contains(QLatin1StringView(key)))
        return {};
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (!v.isBool())
        return badPlan(section + QLatin1Char('.') + QLatin1StringView(key),
                       Message(&TestPlan::tr, QT_TRANSLATE_NOOP("TestPlan", "must be true or false")));
    target = v.toBool();
    return {};
}

Status onlyKnown(const QJsonObject& o, const QString& section, std::initializer_list<const char*> known)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool ok = false;
        for (const char* k : known)
            ok = ok || it.key() == QLatin1StringView(k);
        if (!ok)
            return badPlan(
                section.isEmpty() ? it.key() : section + QLatin1Char('.') + it.key(),
                Message(&TestPlan::tr, QT_TRANSLATE_NOOP("TestPlan", "is not a key of a test plan")));
    }
    return {};
}

QJsonValue orNull(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

/// `over` laid on `base`, object members merged one level down (a model's few changed limits).
QJsonObject merged(QJsonObject base, const QJsonObject& over)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject()) {
            QJsonObject inner = base.value(it.key()).toObject();
            const QJsonObject o = it.value().toObject();
            for (auto i = o.begin(); i != o.end(); ++i)
                inner.insert(i.key(), i.value());
            base.insert(it.key(), inner);
        } else {
            base.insert(it.key(), it.value());
        }
    }
    return base;
}

QString modelKey(const QString& model)
{
    QString k;
    for (QChar c : model) {
        if (c.isLetterOrNumber())
            k += c.toUpper();
    }
    return k;
}

Status apply(const QJsonObject& o, TestPlan& plan)
{
    if (Status st = onlyKnown(o, QString(),
                              {"name", "required", "gpu-burn", "dcgm", "memtest", "profile", "nvidia-smi",
                               "models", "description"});
        !st)
        return st;
    if (o.contains(QStringLiteral("name")))
        plan.name = o.value(QStringLiteral("name")).toString(plan.name).trimmed();
    if (o.contains(QStringLiteral("required"))) {
        plan.required.clear();
        for (const auto& v : o.value(QStringLiteral("required")).toArray()) {
            const std::optional<RigKind> kind = rigKindFromName(v.toString());
            if (!kind)
                return badPlan(QStringLiteral("required"),
                               Message(&TestPlan::tr,
                                       QT_TRANSLATE_NOOP("TestPlan", "\"%1\" is not a kind of run (%2)"),
                                       {v.toString().left(40), rigKindNames().join(QStringLiteral(", "))}));
            if (!plan.required.contains(*kind))
                plan.required.append(*kind);
        }
    }
    const QString burn = QStringLiteral("gpu-burn");
    const QJsonObject b = o.value(burn).toObject();
    if (Status st =
            onlyKnown(b, burn, {"min_minutes", "max_errors", "min_gflops", "max_temp_c", "fail_on_warnings"});
        !st)
        return st;
    for (Status st : {number(b, "min_minutes", burn, plan.burnIn.minMinutes),
                      number(b, "max_errors", burn, plan.burnIn.maxErrors),
                      number(b, "min_gflops", burn, plan.burnIn.minGflops),
                      number(b, "max_temp_c", burn, plan.burnIn.maxTempC),
                      flag(b, "fail_on_warnings", burn, plan.burnIn.failOnWarnings)}) {
        if (!st)
            return st;
    }
    const QString dcgm = QStringLiteral("dcgm");
    const QJsonObject d = o.value(dcgm).toObject();
    if (Status st = onlyKnown(d, dcgm, {"min_level", "allow_skipped", "fail_on_warnings"}); !st)
        return st;
    double level = plan.dcgm.minLevel;
    for (Status st :
         {number(d, "min_level", dcgm, level), flag(d, "allow_skipped", dcgm, plan.dcgm.allowSkipped),
          flag(d, "fail_on_warnings", dcgm, plan.dcgm.failOnWarnings)}) {
        if (!st)
            return st;
    }
    if (level < 0 || level > 4)
        return badPlan(QStringLiteral("dcgm.min_level"),
                       Message(&TestPlan::tr, QT_TRANSLATE_NOOP("TestPlan", "must be 0 to 4")));
    plan.dcgm.minLevel = static_cast<int>(level);
    const QString mem = QStringLiteral("memtest");
    const QJsonObject m = o.value(mem).toObject();
    if (Status st = onlyKnown(m, mem, {"max_errors", "min_minutes", "min_passes", "fail_on_warnings"}); !st)
        return st;
    double passes = plan.vram.minPasses;
    for (Status st :
         {number(m, "max_errors", mem, plan.vram.maxErrors),
          number(m, "min_minutes", mem, plan.vram.minMinutes), number(m, "min_passes", mem, passes),
          flag(m, "fail_on_warnings", mem, plan.vram.failOnWarnings)}) {
        if (!st)
            return st;
    }
    plan.vram.minPasses = static_cast<int>(passes);
    const QString prof = QStringLiteral("profile");
    const QJsonObject p = o.value(prof).toObject();
    if (Status st =
            onlyKnown(p, prof,
                      {"alloy", "liquidus_c", "peak_min_c", "peak_max_c", "tal_min_s", "tal_max_s",
                       "max_ramp_c_per_s", "max_cooling_c_per_s", "max_time_to_peak_s", "fail_on_warnings"});
        !st)
        return st;
    if (p.contains(QStringLiteral("alloy"))) {
        // An alloy sets its whole window; the members given beside it change it.
        if (!plan.useAlloy(p.value(QStringLiteral("alloy")).toString()))
            return badPlan(QStringLiteral("profile.alloy"),
                           Message(&TestPlan::tr,
                                   QT_TRANSLATE_NOOP("TestPlan", "\"%1\" is not an alloy the core knows; "
                                                                 "give liquidus_c and the window instead"),
                                   {p.value(QStringLiteral("alloy")).toString().left(40)}));
    }
    if (p.contains(QStringLiteral("liquidus_c")) && !p.contains(QStringLiteral("alloy")))
        plan.profile.alloy.clear(); // a liquidus of its own: no longer the alloy's window
    for (Status st : {number(p, "liquidus_c", prof, plan.profile.liquidusC),
                      number(p, "peak_min_c", prof, plan.profile.peakMinC),
                      number(p, "peak_max_c", prof, plan.profile.peakMaxC),
                      number(p, "tal_min_s", prof, plan.profile.talMinS),
                      number(p, "tal_max_s", prof, plan.profile.talMaxS),
                      number(p, "max_ramp_c_per_s", prof, plan.profile.maxRampCPerS),
                      number(p, "max_cooling_c_per_s", prof, plan.profile.maxCoolingCPerS),
                      number(p, "max_time_to_peak_s", prof, plan.profile.maxTimeToPeakS),
                      flag(p, "fail_on_warnings", prof, plan.profile.failOnWarnings)}) {
        if (!st)
            return st;
    }
    const QString smi = QStringLiteral("nvidia-smi");
    const QJsonObject s = o.value(smi).toObject();
    if (Status st = onlyKnown(s, smi, {"max_temp_c", "max_ecc_uncorrected", "fail_on_warnings"}); !st)
        return st;
    for (Status st : {number(s, "max_temp_c", smi, plan.smi.maxTempC),
                      number(s, "max_ecc_uncorrected", smi, plan.smi.maxEccUncorrected),
                      flag(s, "fail_on_warnings", smi, plan.smi.failOnWarnings)}) {
        if (!st)
            return st;
    }
    return {};
}

} // namespace

std::optional<ProfileWindow> ProfileWindow::forAlloy(const QString& alloy)
{
    const QString name = ReflowProfile::alloyName(alloy);
    if (name.isEmpty())
        return std::nullopt;
    for (const AlloyWindow& w : kWindows) {
        if (name == QLatin1StringView(w.alloy)) {
            ProfileWindow p;
            p.alloy = name;
            p.liquidusC = ReflowProfile::liquidusOf(name).value_or(217);
            p.peakMinC = w.peakMin;
            p.peakMaxC = w.peakMax;
            p.talMinS = w.talMin;
            p.talMaxS = w.talMax;
            return p;
        }
    }
    return std::nullopt;
}

TestPlan TestPlan::defaultPlan()
{
    return TestPlan{};
}

std::optional<TestPlan> TestPlan::builtIn(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1StringView("default"))
        return defaultPlan();
    if (n == QLatin1StringView("strict")) {
        TestPlan p;
        p.name = QStringLiteral("strict");
        p.required = {RigKind::GpuBurn, RigKind::Dcgm, RigKind::Memtest};
        p.burnIn.minMinutes = 30;
        p.dcgm.minLevel = 3;
        p.vram.minMinutes = 5;
        return p;
    }
    return std::nullopt;
}

QStringList TestPlan::builtInNames()
{
    return {QStringLiteral("default"), QStringLiteral("strict")};
}

Result<TestPlan> TestPlan::named(const QString& nameOrFile, const QString& model)
{
    if (const std::optional<TestPlan> plan = builtIn(nameOrFile))
        return *plan;
    if (nameOrFile.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("plan"),
                         Message(tr, QT_TR_NOOP("give a test plan: %1 or a JSON file"),
                                 {builtInNames().join(QStringLiteral(", "))}));
    constexpr qint64 kMaxPlanBytes = 1024LL * 1024;
    Result<QByteArray> json = InputFile::read(nameOrFile, kMaxPlanBytes, QStringLiteral("plan"));
    if (!json)
        return json.error();
    return fromJsonText(json.value(), model);
}

Result<TestPlan> TestPlan::fromJson(const QJsonObject& o, const QString& model)
{
    QJsonObject base = o;
    base.remove(QStringLiteral("models"));
    if (o.contains(QStringLiteral("models")) && !o.value(QStringLiteral("models")).isObject())
        return badPlan(
            QStringLiteral("models"),
            Message(&TestPlan::tr, QT_TRANSLATE_NOOP("TestPlan", "must be an object of model names")));
    const QJsonObject models = o.value(QStringLiteral("models")).toObject();
    // Every model's part must make a valid plan, whichever model is asked for now.
    for (auto it = models.begin(); it != models.end(); ++it) {
        TestPlan check;
        if (Status st = apply(merged(base, it.value().toObject()), check); !st)
            return st.error();
    }
    QJsonObject effective = base;
    if (!model.isEmpty()) {
        for (auto it = models.begin(); it != models.end(); ++it) {
            if (modelKey(it.key()) == modelKey(model))
                effective = merged(base, it.value().toObject());
        }
    }
    TestPlan plan;
    if (Status st = apply(effective, plan); !st)
        return st.error();
    return plan;
}

Result<TestPlan> TestPlan::fromJsonText(const QByteArray& json, const QString& model)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("plan"),
                         Message(tr, QT_TR_NOOP("the test plan is not a JSON object (%1 at byte %2)"),
                                 {error.errorString(), error.offset}));
    }
    return fromJson(doc.object(), model);
}

QJsonObject TestPlan::toJson() const
{
    QJsonArray req;
    for (RigKind k : required)
        req.append(rigKindName(k));
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("required"), req},
        {QStringLiteral("gpu-burn"),
         QJsonObject{{QStringLiteral("min_minutes"), burnIn.minMinutes},
                     {QStringLiteral("max_errors"), burnIn.maxErrors},
                     {QStringLiteral("min_gflops"), burnIn.minGflops},
                     {QStringLiteral("max_temp_c"), orNull(burnIn.maxTempC)},
                     {QStringLiteral("fail_on_warnings"), burnIn.failOnWarnings}}},
        {QStringLiteral("dcgm"), QJsonObject{{QStringLiteral("min_level"), dcgm.minLevel},
                                             {QStringLiteral("allow_skipped"), dcgm.allowSkipped},
                                             {QStringLiteral("fail_on_warnings"), dcgm.failOnWarnings}}},
        {QStringLiteral("memtest"), QJsonObject{{QStringLiteral("max_errors"), vram.maxErrors},
                                                {QStringLiteral("min_minutes"), vram.minMinutes},
                                                {QStringLiteral("min_passes"), vram.minPasses},
                                                {QStringLiteral("fail_on_warnings"), vram.failOnWarnings}}},
        {QStringLiteral("profile"),
         QJsonObject{{QStringLiteral("alloy"), profile.alloy},
                     {QStringLiteral("liquidus_c"), profile.liquidusC},
                     {QStringLiteral("peak_min_c"), orNull(profile.peakMinC)},
                     {QStringLiteral("peak_max_c"), orNull(profile.peakMaxC)},
                     {QStringLiteral("tal_min_s"), orNull(profile.talMinS)},
                     {QStringLiteral("tal_max_s"), orNull(profile.talMaxS)},
                     {QStringLiteral("max_ramp_c_per_s"), orNull(profile.maxRampCPerS)},
                     {QStringLiteral("max_cooling_c_per_s"), orNull(profile.maxCoolingCPerS)},
                     {QStringLiteral("max_time_to_peak_s"), orNull(profile.maxTimeToPeakS)},
                     {QStringLiteral("fail_on_warnings"), profile.failOnWarnings}}},
        {QStringLiteral("nvidia-smi"),
         QJsonObject{{QStringLiteral("max_temp_c"), orNull(smi.maxTempC)},
                     {QStringLiteral("max_ecc_uncorrected"), smi.maxEccUncorrected},
                     {QStringLiteral("fail_on_warnings"), smi.failOnWarnings}}}};
}

bool TestPlan::useAlloy(const QString& alloy)
{
    const std::optional<ProfileWindow> w = ProfileWindow::forAlloy(alloy);
    if (!w)
        return false;
    const bool failOnWarnings = profile.failOnWarnings;
    profile = *w;
    profile.failOnWarnings = failOnWarnings;
    return true;
}

} // namespace rework
