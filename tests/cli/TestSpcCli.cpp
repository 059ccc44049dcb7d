// `reworkctl spc`: the control chart of a measurement on a demo database, as scripts read it
// (--json) and as people read it; an unknown measurement and bad options refused.
#include "Reworkctl.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace rework;
using test::reworkctl;
using test::Run;

class TestSpcCli : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString path;

private slots:
    void initTestCase()
    {
        path = dir.filePath(QStringLiteral("spc.sqlite"));
        const Run demo = reworkctl(path, {"demo", "--units", "80", "--seed", "13"});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    }

    void jsonHasTheChartsShape()
    {
        const Run r = reworkctl(path, {"--json", "spc", "void_pct"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject o = r.json();
        QCOMPARE(o.value("ok").toBool(), true);
        QCOMPARE(o.value("measurement").toString(), QStringLiteral("void_pct"));
        QCOMPARE(o.value("unit").toString(), QStringLiteral("%"));
        const int n = o.value("n").toInt();
        QVERIFY2(n > 20, qPrintable(QString::number(n)));
        for (const char* key : {"mean", "sigma", "mr_bar", "ucl", "lcl", "mr_ucl", "usl", "cpk"})
            QVERIFY2(o.value(QLatin1StringView(key)).isDouble(), key);
        QVERIFY(o.value("lsl").isNull());
        QVERIFY(o.value("cp").isNull());
        QVERIFY(!o.value("cp_reason").toString().isEmpty());
        const double mean = o.value("mean").toDouble(), sigma = o.value("sigma").toDouble();
        QVERIFY(qAbs(o.value("ucl").toDouble() - (mean + 3 * sigma)) < 1e-9);
        QVERIFY(qAbs(o.value("sigma").toDouble() - o.value("mr_bar").toDouble() / 1.128) < 1e-9);
        QCOMPARE(o.value("usl").toDouble(), 25.0);
        // A percentage cannot be below 0, nor can its lower limit.
        QCOMPARE(o.value("lcl").toDouble(), std::max(0.0, mean - 3 * sigma));
        QCOMPARE(o.value("chart").toString(), QStringLiteral("individuals"));

        const QJsonArray points = o.value("points").toArray();
        QCOMPARE(points.size(), std::min(n, 500));
        const QJsonObject p = points.first().toObject();
        QVERIFY(p.value("value").isDouble());
        QVERIFY(!p.value("event").toString().isEmpty());
        QVERIFY(QDateTime::fromString(p.value("at").toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(p.value("violations").isArray());
        const QJsonArray violations = o.value("violations").toArray();
        QCOMPARE(violations.size(), 4);
        int marked = 0;
        for (const QJsonValue& v : points)
            marked += v.toObject().value("violations").toArray().contains(1) ? 1 : 0;
        QCOMPARE(marked, violations.at(0).toObject().value("count").toInt());
    }

    void filtersAndTextTable()
    {
        const Run model =
            reworkctl(path, {"--json", "spc", "void_pct", "--model", "rtx4090", "--days", "3650"});
        QCOMPARE(model.exitCode, 0);
        const Run all = reworkctl(path, {"--json", "spc", "void_pct"});
        QVERIFY(model.json().value("n").toInt() <= all.json().value("n").toInt());
        // A station the line does not have is a typo, said as such; a real one without values is
        // an empty chart.
        const Run typo = reworkctl(path, {"spc", "void_pct", "--station", "NO-SUCH"});
        QCOMPARE(typo.exitCode, 1);
        QVERIFY2(typo.err.contains(QStringLiteral("no station NO-SUCH")), qPrintable(typo.err));
        const Run none = reworkctl(path, {"--json", "spc", "void_pct", "--station", "PACK-01"});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.json().value("n").toInt(), 0);
        QVERIFY(none.json().value("mean").isNull());
        QVERIFY(!none.json().value("cpk_reason").toString().isEmpty());

        const Run text = reworkctl(path, {"spc", "temp_max_c"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("temp_max_c")) && text.out.contains(QStringLiteral("UCL")),
                 qPrintable(text.out));
    }

    void countsAreACChart()
    {
        const Run r = reworkctl(path, {"--json", "spc", "vram_errors"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject o = r.json();
        QCOMPARE(o.value("chart").toString(), QStringLiteral("c"));
        QVERIFY2(o.value("n").toInt() > 20, qPrintable(r.out));
        const double mean = o.value("mean").toDouble();
        QVERIFY2(mean > 0, qPrintable(r.out)); // the demo has faulty memory now and then
        QVERIFY(qAbs(o.value("sigma").toDouble() - std::sqrt(mean)) < 1e-9);
        QVERIFY(qAbs(o.value("sigma").toDouble() - o.value("mr_bar").toDouble() / 1.128) > 0.1); // not I-MR
        QVERIFY(qAbs(o.value("ucl").toDouble() - (mean + 3 * std::sqrt(mean))) < 1e-9);
        QCOMPARE(o.value("lcl").toDouble(), std::max(0.0, mean - 3 * std::sqrt(mean)));
        const Run text = reworkctl(path, {"spc", "vram_errors"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("  c ")) &&
                     text.out.contains(QStringLiteral("square root")),
                 qPrintable(text.out));
    }

    void refusals()
    {
        const Run unknown = reworkctl(path, {"--json", "spc", "voids"});
        QCOMPARE(unknown.exitCode, 1);
        const QString message = unknown.json().value("error").toObject().value("message").toString();
        QVERIFY2(message.contains(QStringLiteral("void_pct")) &&
                     message.contains(QStringLiteral("vram_errors")),
                 qPrintable(message));
        QCOMPARE(reworkctl(path, {"spc", "void_pct", "--days", "x"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"spc", "void_pct", "--bogus"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"spc", "void_pct", "peak_c"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"spc"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"spc", "--help"}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestSpcCli)
#include "TestSpcCli.moc"
