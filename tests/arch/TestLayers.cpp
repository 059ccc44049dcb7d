// The dependency order of ARCHITECTURE.md, checked on the source tree: every project include must
// point to a folder of a lower layer (or the same folder), no folder name may exist under both
// app/ and ui/, and the core must not use widgets. A new include against the order fails here.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

namespace {

// Lower numbers may not include higher ones; equal numbers only within one folder, or along an
// edge listed in kPeerEdges.
const QHash<QString, int>& layers()
{
    static const QHash<QString, int> l{
        {QStringLiteral("app/domain"), 0},      {QStringLiteral("app/logging"), 0},
        {QStringLiteral("app/storage"), 1},     {QStringLiteral("app/workflow"), 2},
        {QStringLiteral("app/auth"), 3},        {QStringLiteral("app/importers"), 3},
        {QStringLiteral("app/sync"), 3},        {QStringLiteral("app/trace"), 3},
        {QStringLiteral("app/labels"), 4},      {QStringLiteral("app/reports"), 4},
        {QStringLiteral("app/demo"), 4},        {QStringLiteral("ui/common"), 5},
        {QStringLiteral("ui/admin"), 6},        {QStringLiteral("ui/dashboard"), 6},
        {QStringLiteral("ui/login"), 6},        {QStringLiteral("ui/printing"), 5},
        {QStringLiteral("ui/settings"), 6},     {QStringLiteral("ui/stations"), 6},
        {QStringLiteral("ui/syncstatus"), 6},   {QStringLiteral("ui/shell"), 7},
        {QStringLiteral("ui/tracing"), 6},      {QStringLiteral("app/reworkctl"), 8},
        {QStringLiteral("app/reworktrack"), 8}, {QStringLiteral("app/rigs"), 4},
    };
    return l;
}

const QSet<QString> kPeerEdges{};

QString sourceRoot()
{
    return QDir::cleanPath(QStringLiteral(REWORK_SOURCE_DIR));
}

/// "app/storage" for app/storage/Sql.cpp; "app/reworkctl" for app/reworkctl/commands/X.cpp.
QString moduleOf(const QString& relativePath)
{
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    return parts.size() >= 3 ? parts.at(0) + QLatin1Char('/') + parts.at(1) : QString();
}

struct Include
{
    QString file;
    int line = 0;
    QString target;
};

QList<Include> projectIncludes(const QString& top)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""));
    QList<Include> out;
    QDirIterator it(sourceRoot() + QLatin1Char('/') + top, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int line = 0;
        while (!f.atEnd()) {
            ++line;
            const QString text = QString::fromUtf8(f.readLine());
            const auto m = include.match(text);
            if (m.hasMatch())
                out.append({QDir(sourceRoot()).relativeFilePath(path), line, m.captured(1)});
        }
    }
    return out;
}

/// Where an include resolves, as a path relative to the root: beside the file first, then from
/// app/ and ui/ (the include roots). Empty when it is not a project file (a generated one).
QStringList resolve(const Include& inc)
{
    QStringList hits;
    const QString beside = QFileInfo(inc.file).path() + QLatin1Char('/') + inc.target;
    if (QFile::exists(sourceRoot() + QLatin1Char('/') + beside))
        return {QDir::cleanPath(beside)};
    for (const char* root : {"app/", "ui/"}) {
        const QString candidate = QString::fromLatin1(root) + inc.target;
        if (QFile::exists(sourceRoot() + QLatin1Char('/') + candidate))
            hits << candidate;
    }
    return hits;
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT

private slots:
    void everyFolderHasALayer()
    {
        for (const char* top : {"app", "ui"}) {
            const QDir dir(sourceRoot() + QLatin1Char('/') + QString::fromLatin1(top));
            for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                const QString module = QString::fromLatin1(top) + QLatin1Char('/') + sub;
                QVERIFY2(
                    layers().contains(module),
                    qPrintable(module + QStringLiteral(" has no layer in TestLayers and ARCHITECTURE.md")));
            }
        }
    }

    void noFolderNameUnderBothAppAndUi()
    {
        const QStringList app =
            QDir(sourceRoot() + QStringLiteral("/app")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        const QStringList ui =
            QDir(sourceRoot() + QStringLiteral("/ui")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& name : ui)
            QVERIFY2(!app.contains(name), qPrintable(name + QStringLiteral(" exists under app/ and ui/")));
    }

    void includesFollowTheLayers()
    {
        QStringList wrong;
        for (const char* top : {"app", "ui"}) {
            for (const Include& inc : projectIncludes(QString::fromLatin1(top))) {
                const QStringList targets = resolve(inc);
                const QString where = inc.file + QLatin1Char(':') + QString::number(inc.line);
                if (targets.size() > 1) {
                    wrong << where + QStringLiteral(": ambiguous include ") + inc.target;
                    continue;
                }
                if (targets.isEmpty())
                    continue; // generated (moc, ui) or a system header in quotes
                const QString from = moduleOf(inc.file), to = moduleOf(targets.first());
                if (from == to || to.isEmpty())
                    continue;
                const int lf = layers().value(from, -1), lt = layers().value(to, -1);
                const bool down = lt < lf || (lt == lf && kPeerEdges.contains(from + QLatin1Char('>') + to));
                if (!down)
                    wrong << where + QStringLiteral(": ") + from + QStringLiteral(" (layer ") +
                                 QString::number(lf) + QStringLiteral(") includes ") + inc.target +
                                 QStringLiteral(" of ") + to + QStringLiteral(" (layer ") +
                                 QString::number(lt) + QLatin1Char(')');
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void coreUsesNoWidgets()
    {
        static const QRegularExpression widgets(
            QStringLiteral("#\\s*include\\s+<(QtWidgets/|QtCharts/|QtPrintSupport/)?"
                           "(QApplication|QWidget|QChart|QMessageBox|QDialog|QPrinter)[>.]"));
        QStringList wrong;
        QDirIterator it(sourceRoot() + QStringLiteral("/app"),
                        {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QStringLiteral("/app/reworktrack/")))
                continue; // the GUI executable
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            if (widgets.match(QString::fromUtf8(f.readAll())).hasMatch())
                wrong << QDir(sourceRoot()).relativeFilePath(path);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void cliLinksNoWidgets()
    {
        QFile cmake(sourceRoot() + QStringLiteral("/app/reworkctl/CMakeLists.txt"));
        QVERIFY(cmake.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(cmake.readAll());
        QVERIFY2(!text.contains(QStringLiteral("reworkui")) && !text.contains(QStringLiteral("Widgets")),
                 "reworkctl must not link the widgets");
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "TestLayers.moc"
