// The importer on every real report in ../shared/fixtures/nvidia-smi and on hostile input.
#include "importers/NvidiaSmiImporter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/") + QString::fromLatin1(name);
}

} // namespace

class TestNvidiaSmiImporter : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("vbios");
        QTest::addColumn<int>("memory");
        QTest::addColumn<int>("gen");
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("temp");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("partner");
        QTest::newRow("4090 v12") << "netdata_rtx-4090-driver-535.xml"
                                  << "GPU-71d1acc2-662d-2166-bf9f-65272d2fc437"
                                  << ""
                                  << "95.02.18.80.5F" << 24564 << 3 << 16 << 40.0 << "2684"
                                  << "gigabyte";
        QTest::newRow("3090 v13") << "influxdata_3090-v13.xml"
                                  << "GPU-12345678-aaaa-bbbb-cccc-0123456789ab"
                                  << ""
                                  << "94.02.26.48.1B" << 24576 << 4 << 16 << 32.0 << "2204"
                                  << "asus";
        QTest::newRow("A100 v12") << "influxdata_a100-sxm4-v12.xml"
                                  << "GPU-513536b6-7d19-9063-b049-1e69664bb298"
                                  << "1650522003820"
                                  << "92.00.36.00.02" << 81920 << 4 << 16 << 27.0 << "20b2"
                                  << "nvidia";
        QTest::newRow("A100 MIG v11") << "netdata_a100-sxm4-mig.xml"
                                      << "GPU-27b94a00-ed54-5c24-b1fd-1054085de32a"
                                      << "1324321002473"
                                      << "92.00.45.00.03" << 40960 << 4 << 16 << 36.0 << "20b0"
                                      << "nvidia";
        QTest::newRow("RTX 4000 SFF v13 redacted serial")
            << "influxdata_rtx-4000-sff-ada-v13.xml"
            << "GPU-37037c3f-65c8-ec4d-24a9-420204ad8026"
            << ""
            << "95.04.53.00.01" << 20475 << 4 << 16 << 38.0 << "27b0"
            << "nvidia";
        QTest::newRow("4080 SUPER text, masked")
            << "utkuozdemir_linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05.txt"
            << ""
            << ""
            << "95.03.44.00.B2" << -1 << 4 << 16 << 43.0 << "2702"
            << "msi";
    }
    void readsEveryFixture()
    {
        QFETCH(QString, file);
        QFETCH(QString, uuid);
        QFETCH(QString, serial);
        QFETCH(QString, vbios);
        QFETCH(int, memory);
        QFETCH(int, gen);
        QFETCH(int, width);
        QFETCH(double, temp);
        QFETCH(QString, device);
        QFETCH(QString, partner);
        auto report = NvidiaSmiImporter::parseFile(fixture(file.toLatin1().constData()));
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->gpus.size(), 1);
        QVERIFY(!report->driverVersion.isEmpty());
        const GpuReading& g = report->gpus.first();
        QCOMPARE(g.uuid, uuid);
        QCOMPARE(g.boardSerial, serial);
        QCOMPARE(g.vbios, vbios);
        if (memory > 0)
            QCOMPARE(g.memoryTotalMib.value_or(-1), memory);
        else
            QVERIFY(g.memoryTotalMib.value_or(0) > 16000);
        QCOMPARE(g.pcieGenMax.value_or(-1), gen);
        QCOMPARE(g.linkWidthCurrent.value_or(-1), width);
        QCOMPARE(g.temperatureC.value_or(-1), temp);
        QCOMPARE(g.pciDeviceId, device);
        QCOMPARE(g.boardPartner, partner);
    }

    void coversEveryFileInTheFixtureFolder()
    {
        const QDir dir(QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi"));
        const QStringList files =
            dir.entryList({QStringLiteral("*.xml"), QStringLiteral("*.txt")}, QDir::Files);
        QVERIFY(files.size() >= 6);
        for (const QString& f : files) {
            auto report = NvidiaSmiImporter::parseFile(dir.filePath(f));
            QVERIFY2(report.ok(), qPrintable(f));
            QVERIFY2(!report->gpus.isEmpty(), qPrintable(f));
        }
    }

    void dtdVersionsAreRecognised()
    {
        QCOMPARE(NvidiaSmiImporter::parseFile(fixture("netdata_a100-sxm4-mig.xml"))->dtd,
                 QStringLiteral("nvsmi_device_v11.dtd"));
        QCOMPARE(NvidiaSmiImporter::parseFile(fixture("netdata_rtx-4090-driver-535.xml"))->dtd,
                 QStringLiteral("nvsmi_device_v12.dtd"));
        QCOMPARE(NvidiaSmiImporter::parseFile(fixture("influxdata_3090-v13.xml"))->dtd,
                 QStringLiteral("nvsmi_device_v13.dtd"));
    }

    void fillsTestFields()
    {
        auto report = NvidiaSmiImporter::parseFile(fixture("netdata_rtx-4090-driver-535.xml"));
        auto fields = NvidiaSmiImporter::fieldsFor(report.value());
        QVERIFY(fields.ok());
        QCOMPARE(fields.value(),
                 (QStringList{"gpu_uuid=GPU-71d1acc2-662d-2166-bf9f-65272d2fc437", "vbios=95.02.18.80.5F",
                              "mem_mib=24564", "pcie_gen=3", "pcie_width=16", "temp_max_c=40",
                              "driver=535.86.05", "partner=gigabyte"}));
        // masked identities never become fields
        auto masked = NvidiaSmiImporter::parseFile(
            fixture("utkuozdemir_linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05.txt"));
        auto maskedFields = NvidiaSmiImporter::fieldsFor(masked.value());
        QVERIFY(!maskedFields->join(' ').contains(QStringLiteral("gpu_uuid")));
    }

    void multiGpuReportsNeedAChoice()
    {
        const QByteArray two = "<nvidia_smi_log><driver_version>535</driver_version>"
                               "<gpu id=\"0\"><uuid>GPU-11111111-2222-3333-4444-555555555555</uuid></gpu>"
                               "<gpu id=\"1\"><uuid>GPU-66666666-2222-3333-4444-555555555555</uuid></gpu>"
                               "</nvidia_smi_log>";
        auto report = NvidiaSmiImporter::parse(two);
        QVERIFY(report.ok());
        QCOMPARE(report->gpus.size(), 2);
        QCOMPARE(NvidiaSmiImporter::fieldsFor(report.value()).error().field, QStringLiteral("smi_gpu"));
        QCOMPARE(NvidiaSmiImporter::fieldsFor(report.value(), 1)->first(),
                 QStringLiteral("gpu_uuid=GPU-66666666-2222-3333-4444-555555555555"));
        QCOMPARE(NvidiaSmiImporter::fieldsFor(report.value(), 2).error().code, ErrorCode::OutOfRange);
    }

    void rejectsHostileInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray("   \n\n");
        QTest::newRow("not a report") << QByteArray("hello world");
        QTest::newRow("other xml") << QByteArray("<html><body>hi</body></html>");
        QTest::newRow("truncated") << QByteArray("<nvidia_smi_log><gpu id=\"0\"><uuid>GPU-1");
        QTest::newRow("mismatched tags") << QByteArray("<nvidia_smi_log><gpu></uuid></nvidia_smi_log>");
        QTest::newRow("no gpu") << QByteArray(
            "<nvidia_smi_log><driver_version>535</driver_version></nvidia_smi_log>");
        QTest::newRow("billion laughs") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">]>"
            "<nvidia_smi_log><gpu id=\"0\"><product_name>&lol6;</product_name></gpu></nvidia_smi_log>");
        QTest::newRow("external entity") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            "<nvidia_smi_log><gpu id=\"0\"><product_name>&xxe;</product_name></gpu></nvidia_smi_log>");
        QTest::newRow("deep nesting") << QByteArray("<nvidia_smi_log>") + QByteArray("<a>").repeated(200) +
                                             QByteArray("</a>").repeated(200) +
                                             QByteArray("</nvidia_smi_log>");
        QTest::newRow("too large") << QByteArray("<nvidia_smi_log>") + QByteArray(9 * 1024 * 1024, ' ') +
                                          QByteArray("</nvidia_smi_log>");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5);
        QTest::newRow("text without log") << QByteArray("GPU 0: NVIDIA GeForce RTX 4090 (UUID: GPU-1234)");
    }
    void rejectsHostileInput()
    {
        QFETCH(QByteArray, data);
        auto report = NvidiaSmiImporter::parse(data);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().field, QStringLiteral("smi"));
        QVERIFY(!report.error().message.isEmpty());
        QVERIFY(!report.error().message.contains(QStringLiteral("root:")));
    }

    void missingFileIsAClearError()
    {
        auto report = NvidiaSmiImporter::parseFile(QStringLiteral("/nonexistent/report.xml"));
        QVERIFY(!report.ok());
        QVERIFY(report.error().message.contains(QStringLiteral("/nonexistent/report.xml")));
    }
};

QTEST_GUILESS_MAIN(TestNvidiaSmiImporter)
#include "TestNvidiaSmiImporter.moc"
