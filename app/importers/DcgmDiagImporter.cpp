#include "DcgmDiagImporter.h"

#include "RigText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

namespace rework {
namespace {

const QString kField = QStringLiteral("dcgm");

/// "pass", "fail", "warn", "skip", or empty for a word DCGM never prints.
QString resultOf(QStringView text)
{
    const QString s = text.trimmed().toString().toLower();
    if (s.startsWith(QLatin1StringView("pass")))
        return QStringLiteral("pass");
    if (s.startsWith(QLatin1StringView("fail")))
        return QStringLiteral("fail");
    if (s.startsWith(QLatin1StringView("warn")))
        return QStringLiteral("warn");
    if (s.startsWith(QLatin1StringView("skip")) || s.startsWith(QLatin1StringView("not run")) ||
        s.startsWith(QLatin1StringView("not_run")) || s.startsWith(QLatin1StringView("notrun")))
        return QStringLiteral("skip");
    return {};
}

/// The worse of two results: fail, then warn, then unknown, then skip, then pass.
QString worse(const QString& a, const QString& b)
{
    static const QStringList order{QStringLiteral("fail"), QStringLiteral("warn"), QString(),
                                   QStringLiteral("skip"), QStringLiteral("pass")};
    return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

bool ran(const QString& result)
{
    return result == QLatin1StringView("pass") || result == QLatin1StringView("fail") ||
           result == QLatin1StringView("warn");
}

struct Test
{
    QString category;
    QString name;
    QString overall;
    QMap<int, QString> perGpu;
    QStringList warnings;
    bool seen = false;
};

/// What a diagnostic said, from a table or from JSON.
struct Diagnostic
{
    QList<Test> tests;
    QStringList gpuIds; // PCI device ids, one per GPU
    QString version, driver;
    QStringList runtimeErrors, errors, infos;
    bool finished = false;
    bool perGpuRows = false; // the 4.x layout

    /// The index of the test, added when new; a table printed twice merges into the first.
    int test(const QString& category, const QString& name)
    {
        for (qsizetype i = 0; i < tests.size(); ++i) {
            if (tests.at(i).category == category && tests.at(i).name == name)
                return static_cast<int>(i);
        }
        tests.append(Test{category, name, {}, {}, {}, false});
        return static_cast<int>(tests.size() - 1);
    }
};

/// One "Warning"/"Error"/"Info" entry of a table, as DCGM cut it into 45-character rows.
struct Chunks
{
    QString kind; // warning, error, info
    QStringList parts;

    QString joined() const
    {
        qsizetype width = 0;
        for (const QString& p : parts)
            width = std::max(width, p.size());
        QString text;
        qsizetype last = width;
        for (const QString& p : parts) {
            // A part shorter than the widest ended at a space the row's padding swallowed.
            if (!text.isEmpty() && last < width && !p.startsWith(QLatin1Char(' ')))
                text += QLatin1Char(' ');
            text += p;
            last = p.size();
        }
        return text.simplified();
    }
};

class TableReader
{
public:
    explicit TableReader(Diagnostic& d) : m_d(d) {}

    void read(const QList<RigLine>& lines)
    {
        for (const RigLine& line : lines)
            onLine(line.text);
        flush();
    }

    int rows() const { return m_rows; }

private:
    void onLine(QStringView raw)
    {
        static const QRegularExpression section(
            QStringLiteral("^[|+]\\s*-{2,}\\s*([A-Za-z][A-Za-z0-9 /_&-]*?)\\s*-{2,}"));
        const QStringView t = raw.trimmed();
        if (t.isEmpty())
            return;
        if (t.startsWith(QLatin1StringView("Successfully ran diagnostic"))) {
            m_d.finished = true;
            return;
        }
        if (!t.startsWith(u'|') && !t.startsWith(u'+')) {
            flush();
            if (t.startsWith(QLatin1StringView("Error:")))
                m_d.runtimeErrors.append(t.toString());
            return;
        }
        if (const auto m = section.match(t); m.hasMatch()) {
            flush();
            m_category = m.captured(1).trimmed();
            ++m_rows;
            return;
        }
        if (t.startsWith(u'+')) {
            flush();
            // The footer closes a table that had tests: DCGM printed it whole.
            if (m_testsInTable > 0 && !t.contains(u'='))
                m_d.finished = true;
            return;
        }
        QStringView body = t.sliced(1);
        if (body.endsWith(u'|'))
            body.chop(1);
        const qsizetype sep = body.indexOf(u'|');
        if (sep < 0)
            return;
        const QString name = body.first(sep).trimmed().toString();
        QString value = body.sliced(sep + 1).toString();
        if (value.startsWith(QLatin1Char(' ')))
            value.remove(0, 1);
        while (value.endsWith(QLatin1Char(' ')))
            value.chop(1);
        ++m_rows;
        onRow(name, value);
    }

    void onRow(const QString& name, const QString& value)
    {
        static const QRegularExpression message(QStringLiteral("^(Warning|Error|Info)\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression entity(
            QStringLiteral("^(GPU|CPU)\\s*(\\d+)\\s*:\\s*(Pass|Fail|Warn|Warning|Skip|Skipped|Not Run)\\s*$"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression someGpus(
            QStringLiteral("^(Pass|Fail|Warn|Skip)\\s*-\\s*GPUs?\\s*:\\s*([\\d,\\s]+)$"),
            QRegularExpression::CaseInsensitiveOption);
        if (name == QLatin1StringView("Diagnostic") && value.trimmed() == QLatin1StringView("Result")) {
            flush();
            m_category.clear();
            m_current = -1;
            m_testsInTable = 0;
            return;
        }
        if (m_category.compare(QLatin1StringView("Metadata"), Qt::CaseInsensitive) == 0) {
            onMetadata(name, value.trimmed());
            return;
        }
        if (const auto m = message.match(name); m.hasMatch()) {
            flush();
            m_chunks = Chunks{m.captured(1).toLower(), {value}};
            return;
        }
        if (!name.isEmpty()) {
            flush();
            m_current = m_d.test(m_category, name);
            Test& t = m_d.tests[m_current];
            const QString result = resultOf(value);
            t.overall = t.seen ? worse(t.overall, result) : result;
            t.seen = true;
            ++m_testsInTable;
            if (const auto g = someGpus.match(value); g.hasMatch())
                setGpus(t, resultOf(g.capturedView(1)), g.captured(2));
            return;
        }
        if (const auto e = entity.match(value); e.hasMatch()) {
            flush();
            if (m_current >= 0 && e.captured(1).compare(QLatin1StringView("GPU"), Qt::CaseInsensitive) == 0) {
                Test& t = m_d.tests[m_current];
                const int gpu = e.capturedView(2).toInt();
                const QString r = resultOf(e.capturedView(3));
                t.perGpu.insert(gpu, t.perGpu.contains(gpu) ? worse(t.perGpu.value(gpu), r) : r);
                m_d.perGpuRows = true;
            }
            return;
        }
        if (const auto g = someGpus.match(value); g.hasMatch()) {
            flush();
            if (m_current >= 0)
                setGpus(m_d.tests[m_current], resultOf(g.capturedView(1)), g.captured(2));
            return;
        }
        if (!m_chunks.kind.isEmpty())
            m_chunks.parts.append(value);
    }

    static void setGpus(Test& t, const QString& result, const QString& list)
    {
        for (const QString& id : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int gpu = id.trimmed().toInt(&ok);
            if (ok)
                t.perGpu.insert(gpu, t.perGpu.contains(gpu) ? worse(t.perGpu.value(gpu), result) : result);
        }
    }

    void onMetadata(const QString& name, const QString& value)
    {
        if (name.startsWith(QLatin1StringView("DCGM Version")))
            m_d.version = value;
        else if (name.startsWith(QLatin1StringView("Driver Version")))
            m_d.driver = value;
        else if (name.startsWith(QLatin1StringView("GPU Device IDs")))
            m_d.gpuIds = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }

    void flush()
    {
        if (m_chunks.kind.isEmpty())
            return;
        const QString text = m_chunks.joined();
        if (!text.isEmpty()) {
            if (m_chunks.kind == QLatin1StringView("info")) {
                m_d.infos.append(text);
            } else if (m_current >= 0) {
                m_d.tests[m_current].warnings.append(text);
                if (m_chunks.kind == QLatin1StringView("error"))
                    m_d.errors.append(m_d.tests[m_current].name + QStringLiteral(": ") + text);
            } else {
                m_d.errors.append(text);
            }
        }
        m_chunks = Chunks{};
    }

    Diagnostic& m_d;
    QString m_category;
    int m_current = -1;
    int m_testsInTable = 0;
    int m_rows = 0;
    Chunks m_chunks;
};

QString jsonText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

/// Warnings in any of the shapes DCGM has written: a string, strings, or {"warning": ...} objects.
QStringList warningsOf(const QJsonValue& v)
{
    QStringList out;
    if (v.isString() && !v.toString().trimmed().isEmpty())
        out << v.toString().simplified();
    for (const auto& w : v.toArray()) {
        if (w.isString())
            out << w.toString().simplified();
        else if (w.isObject()) {
            const QJsonObject o = w.toObject();
            const QString text = jsonText(o.value(QStringLiteral("warning")));
            if (!text.isEmpty())
                out << text.simplified();
            else
                out << jsonText(o.value(QStringLiteral("warnings"))).simplified();
        }
    }
    out.removeAll(QString());
    return out;
}

void readJsonDiagnostic(const QJsonObject& diag, Diagnostic& d)
{
    if (const QString e = jsonText(diag.value(QStringLiteral("runtime_error"))); !e.isEmpty())
        d.runtimeErrors << e;
    if (d.version.isEmpty())
        d.version = jsonText(diag.value(QStringLiteral("version")));
    for (const auto& c : diag.value(QStringLiteral("test_categories")).toArray()) {
        const QJsonObject category = c.toObject();
        const QString categoryName = category.value(QStringLiteral("category")).toString();
        for (const auto& tv : category.value(QStringLiteral("tests")).toArray()) {
            const QJsonObject test = tv.toObject();
            const QString name = test.value(QStringLiteral("name")).toString();
            if (name.isEmpty())
                continue;
            d.finished = true;
            Test& t = d.tests[d.test(categoryName, name)];
            // The summary where there is one, made worse by any result under it.
            QString overall = resultOf(test.value(QStringLiteral("test_summary"))
                                           .toObject()
                                           .value(QStringLiteral("status"))
                                           .toString());
            bool have = !overall.isEmpty();
            for (const auto& rv : test.value(QStringLiteral("results")).toArray()) {
                const QJsonObject r = rv.toObject();
                if (r.isEmpty())
                    continue;
                const QString result = resultOf(r.value(QStringLiteral("status")).toString());
                t.warnings << warningsOf(r.value(QStringLiteral("warnings")));
                const QString info = jsonText(r.value(QStringLiteral("info")));
                if (!info.isEmpty())
                    d.infos << name + QStringLiteral(": ") + info;
                for (const auto& i : r.value(QStringLiteral("info")).toArray())
                    d.infos << name + QStringLiteral(": ") + jsonText(i);
                QList<int> gpus;
                if (r.contains(QStringLiteral("entity_id"))) {
                    const QString group =
                        r.value(QStringLiteral("entity_group")).toString(QStringLiteral("GPU"));
                    if (group.compare(QLatin1StringView("GPU"), Qt::CaseInsensitive) == 0)
                        gpus << r.value(QStringLiteral("entity_id")).toInt();
                } else {
                    // Deployment tests list every GPU in one result: that is the test's own.
                    const QStringList ids = jsonText(r.value(QStringLiteral("gpu_ids")))
                                                .split(QLatin1Char(','), Qt::SkipEmptyParts);
                    if (ids.size() == 1)
                        gpus << ids.first().trimmed().toInt();
                }
                for (int g : gpus) {
                    t.perGpu.insert(g, t.perGpu.contains(g) ? worse(t.perGpu.value(g), result) : result);
                    d.perGpuRows = true;
                }
                overall = have ? worse(overall, result) : result;
                have = true;
            }
            if (!have)
                overall = QStringLiteral("skip"); // listed, but nothing came back
            t.overall = t.seen ? worse(t.overall, overall) : overall;
            t.seen = true;
        }
    }
}

/// `dcgmi diag -j`: the object, possibly after a line of noise; several iterations with -c.
bool readJson(QStringView text, Diagnostic& d, QString& error)
{
    const qsizetype open = text.indexOf(u'{');
    const qsizetype close = text.lastIndexOf(u'}');
    if (open < 0 || close < open)
        return false;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.sliced(open, close - open + 1).toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        error = pe.errorString();
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonObject metadata = root.value(QStringLiteral("metadata")).toObject();
    d.version = jsonText(metadata.value(QStringLiteral("version")));
    d.driver = jsonText(metadata.value(QStringLiteral("Driver Version Detected")));
    if (d.driver.isEmpty())
        d.driver = jsonText(root.value(QStringLiteral("Driver Version Detected")));
    for (const auto& id : root.value(QStringLiteral("GPU Device IDs")).toArray())
        d.gpuIds << jsonText(id);
    bool any = false;
    auto take = [&](const QJsonObject& o) {
        for (const char* key : {"DCGM GPU Diagnostic", "DCGM Diagnostic"}) {
            if (o.contains(QLatin1StringView(key))) {
                readJsonDiagnostic(o.value(QLatin1StringView(key)).toObject(), d);
                any = true;
            }
        }
    };
    take(root);
    for (const auto& iteration : root.value(QStringLiteral("iterations")).toArray())
        take(iteration.toObject());
    if (const QString e = jsonText(root.value(QStringLiteral("runtime_error"))); !e.isEmpty())
        d.runtimeErrors << e;
    if (!any && d.runtimeErrors.isEmpty()) {
        error = QStringLiteral("no \"DCGM Diagnostic\" object");
        return false;
    }
    return true;
}

QString normalised(const QString& s)
{
    QString out;
    for (QChar c : s) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

} // namespace

QString DcgmDiagImporter::measurementName(const QString& test)
{
    QString n = test.toLower().simplified();
    n.replace(QLatin1Char(' '), QLatin1Char('_'));
    return QStringLiteral("test:") + n;
}

int DcgmDiagImporter::levelOf(const QString& test, const QString& category)
{
    static const QHash<QString, int> levels{
        {QStringLiteral("denylist"), 1},
        {QStringLiteral("blacklist"), 1},
        {QStringLiteral("nvmllibrary"), 1},
        {QStringLiteral("cudamainlibrary"), 1},
        {QStringLiteral("cudatoolkitlibrary"), 1},
        {QStringLiteral("cudaruntimelibrary"), 1},
        {QStringLiteral("permissionsandosblocks"), 1},
        {QStringLiteral("permissionsandosrelatedblocks"), 1},
        {QStringLiteral("persistencemode"), 1},
        {QStringLiteral("environmentvariables"), 1},
        {QStringLiteral("pageretirementrowremap"), 1},
        {QStringLiteral("pageretirement"), 1},
        {QStringLiteral("graphicsprocesses"), 1},
        {QStringLiteral("inforom"), 1},
        {QStringLiteral("software"), 1},
        {QStringLiteral("pcie"), 2},
        {QStringLiteral("memory"), 2},
        {QStringLiteral("gpumemory"), 2},
        {QStringLiteral("contextcreate"), 2},
        {QStringLiteral("ctxcreate"), 2},
        {QStringLiteral("targetedstress"), 3},
        {QStringLiteral("targetedpower"), 3},
        {QStringLiteral("memorybandwidth"), 3},
        {QStringLiteral("memorybw"), 3},
        {QStringLiteral("diagnostic"), 3},
        {QStringLiteral("smstress"), 3},
        {QStringLiteral("nvbandwidth"), 3},
        {QStringLiteral("pulsetest"), 4},
        {QStringLiteral("memtest"), 4},
        {QStringLiteral("eud"), 4},
        {QStringLiteral("eudtest"), 4},
        {QStringLiteral("cpueudtest"), 4},
        {QStringLiteral("cpueud"), 4},
    };
    if (const int l = levels.value(normalised(test)); l > 0)
        return l;
    const QString c = normalised(category);
    if (c == QLatin1StringView("deployment"))
        return 1;
    if (c == QLatin1StringView("integration") || c == QLatin1StringView("hardware"))
        return 2;
    if (c == QLatin1StringView("stress") || c == QLatin1StringView("performance"))
        return 3;
    return 0;
}

int DcgmDiagImporter::likeness(QStringView text)
{
    int score = 0;
    for (const char* mark :
         {"Successfully ran diagnostic", "| Diagnostic", "DCGM Version", "DCGM GPU Diagnostic",
          "\"DCGM Diagnostic\"", "-----  Deployment", "test_categories", "dcgmi"}) {
        if (text.contains(QLatin1StringView(mark)))
            score += 2;
    }
    return score;
}

Result<RigRun> DcgmDiagImporter::parse(const QByteArray& data)
{
    Result<RigText::Read> read = RigText::read(data, kField);
    if (!read)
        return read.error();
    const QString& text = read->text;
    const QList<RigLine>& lines = read->lines;
    Diagnostic d;
    RigRun run;
    run.kind = RigKind::Dcgm;
    run.facts.tool = QStringLiteral("dcgmi");
    QString jsonError;
    const bool looksJson = text.contains(QLatin1StringView("\"test_categories\"")) ||
                           text.contains(QLatin1StringView("\"DCGM GPU Diagnostic\"")) ||
                           text.contains(QLatin1StringView("\"DCGM Diagnostic\""));
    if (looksJson && readJson(text, d, jsonError)) {
        run.format = QStringLiteral("dcgm-json");
    } else {
        TableReader reader(d);
        reader.read(lines);
        if (d.tests.isEmpty() && d.runtimeErrors.isEmpty()) {
            if (looksJson) {
                return makeError(
                    ErrorCode::InvalidValue, kField,
                    Message(tr, QT_TR_NOOP("this dcgmi diag -j output is not valid JSON (%1)"), {jsonError}));
            }
            return makeError(ErrorCode::InvalidValue, kField,
                             Message(tr, QT_TR_NOOP("this is not dcgmi diag output: it has no \"Diagnostic | "
                                                    "Result\" table with tests and no DCGM JSON")));
        }
        run.format = d.perGpuRows ? QStringLiteral("dcgm-4x-text") : QStringLiteral("dcgm-3x-text");
    }
    RigFacts& f = run.facts;
    f.toolVersion = d.version;
    f.finished = d.finished && d.runtimeErrors.isEmpty();
    f.failures = d.runtimeErrors + d.errors;
    f.notes = d.infos;
    if (!d.driver.isEmpty())
        f.notes.prepend(QStringLiteral("driver %1").arg(d.driver));
    for (qsizetype i = 0; i < d.gpuIds.size(); ++i)
        f.gpus.append(RigGpu{
            static_cast<int>(i), QStringLiteral("PCI device %1").arg(d.gpuIds.at(i).trimmed()), {}, {}});
    int level = 0, failed = 0, skipped = 0, passed = 0;
    QString toolVerdict = QStringLiteral("PASS");
    for (const Test& t : std::as_const(d.tests)) {
        f.tests.append(RigTest{t.category, t.name, -1, t.overall});
        for (auto it = t.perGpu.cbegin(); it != t.perGpu.cend(); ++it)
            f.tests.append(RigTest{t.category, t.name, it.key(), it.value()});
        bool anyRan = ran(t.overall);
        bool anyFail = t.overall == QLatin1StringView("fail") || t.overall.isEmpty();
        bool anyWarn = t.overall == QLatin1StringView("warn");
        for (const QString& r : t.perGpu) {
            anyRan = anyRan || ran(r);
            anyFail = anyFail || r == QLatin1StringView("fail") || r.isEmpty();
            anyWarn = anyWarn || r == QLatin1StringView("warn");
        }
        if (anyRan)
            level = std::max(level, levelOf(t.name, t.category));
        if (t.overall == QLatin1StringView("skip")) {
            ++skipped;
            f.skipped.append(t.name);
        } else {
            for (auto it = t.perGpu.cbegin(); it != t.perGpu.cend(); ++it) {
                if (it.value() == QLatin1StringView("skip"))
                    f.skipped.append(QStringLiteral("%1 (GPU %2)").arg(t.name).arg(it.key()));
            }
        }
        if (anyFail) {
            ++failed;
            toolVerdict = QStringLiteral("FAIL");
        } else if (t.overall == QLatin1StringView("pass") || t.overall == QLatin1StringView("warn")) {
            ++passed;
        }
        if (anyWarn && t.warnings.isEmpty())
            f.warnings.append(t.name + QStringLiteral(": Warn"));
        for (const QString& w : t.warnings)
            f.warnings.append(t.name + QStringLiteral(": ") + w);
        // 1: the test passed (or only warned, which the warnings carry); 0: failed, skipped or unreadable.
        const auto score = [](const QString& r) { return ran(r) && r != QLatin1StringView("fail") ? 1 : 0; };
        run.add(measurementName(t.name), anyFail ? 0 : score(t.overall), QString());
        for (auto it = t.perGpu.cbegin(); it != t.perGpu.cend(); ++it)
            run.add(measurementName(t.name), score(it.value()), QString(), it.key());
    }
    f.started = passed + failed > 0 || level > 0;
    f.level = level;
    f.toolVerdict = d.tests.isEmpty() ? QStringLiteral("FAIL") : toolVerdict;
    run.add(QStringLiteral("level"), level, QString());
    run.add(QStringLiteral("tests_passed"), passed, QString());
    run.add(QStringLiteral("tests_failed"), failed, QString());
    run.add(QStringLiteral("tests_skipped"), skipped, QString());
    run.add(QStringLiteral("warnings"), static_cast<double>(f.warnings.size()), QString());
    return run;
}

Result<RigRun> DcgmDiagImporter::parseFile(const QString& path)
{
    Result<QByteArray> data = RigText::readFile(path, kField);
    if (!data)
        return data.error();
    return parse(data.value());
}

} // namespace rework
