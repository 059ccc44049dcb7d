// The importer on every real report in ../shared/fixtures/nvidia-smi, on the ways Windows tools
// save them, on edited copies (driver 610, masked UUIDs, PCIe figures, several GPUs) made here in
// code, and on hostile input. Expected values come from SmiFixtureReader, not from the importer.
#include "SmiFixtureReader.h"
#include "SpecialFiles.h"
#include "domain/PcieLinkCheck.h"
#include "importers/GpuReportReader.h"
#include "importers/NvidiaSmiImporter.h"
#include "workflow/TestGate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace rework;
using smitest::Saved;

Q_DECLARE_METATYPE(smitest::Saved)

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/") + QString::fromLatin1(name);
}

const char* const kTextFixture = "utkuozdemir_linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05.txt";

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return {};
    return f.fileName();
}

/// The importer's readings of every GPU, as maps; `partner` and `driver` are checked apart.
QList<smitest::Readings> readingsOf(const NvidiaSmiReport& report)
{
    QList<smitest::Readings> out;
    for (qsizetype i = 0; i < report.gpus.size(); ++i) {
        smitest::Readings map;
        const auto readings = NvidiaSmiImporter::readings(report, static_cast<int>(i));
        for (const auto& [key, value] : readings.value())
            map.insert(key, value);
        map.remove("partner");
        map.remove("driver");
        out << map;
    }
    return out;
}

/// Replaces every `from` by `to`; false when `from` is not there (an edit that did nothing).
bool edit(QByteArray& data, const QByteArray& from, const QByteArray& to)
{
    if (!data.contains(from))
        return false;
    data.replace(from, to);
    return true;
}

/// The same for a regular expression over the report's lines.
bool editLines(QByteArray& data, const QString& pattern, const QString& replacement)
{
    const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
    QString text = QString::fromUtf8(data);
    if (!re.match(text).hasMatch())
        return false;
    data = text.replace(re, replacement).toUtf8();
    return true;
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
        // the keys steps take come first, as they always did; pcie_gen is the link's maximum,
        // pcie_width the current width
        QCOMPARE(fields->mid(0, 8),
                 (QStringList{"gpu_uuid=GPU-71d1acc2-662d-2166-bf9f-65272d2fc437", "vbios=95.02.18.80.5F",
                              "mem_mib=24564", "pcie_gen=3", "pcie_width=16", "temp_max_c=40",
                              "driver=535.86.05", "partner=gigabyte"}));
        QCOMPARE(fields->mid(8),
                 (QStringList{"gpu_index=0", "bus_id=00000000:84:00.0", "product=NVIDIA GeForce RTX 4090",
                              "pci_device_id=0x268410DE", "pcie_gen_current=1", "pcie_gen_max=3",
                              "pcie_gen_device_current=1", "pcie_gen_device_max=4", "pcie_gen_host_max=3",
                              "pcie_width_current=16", "pcie_width_max=16", "pstate=P8", "util_gpu_pct=0"}));
        // the test step takes only its own fields from a report, the link as it ran
        auto gpu = GpuReportReader::read(report.value());
        QVERIFY(gpu.ok());
        const auto forTest = TestGate::readings(Step::Test, gpu.value());
        QCOMPARE(forTest.size(), 7); // all of the first 8 but partner, which is intake's
        QVERIFY(forTest.contains(std::pair<QString, QString>("pcie_gen", "1")));
        QCOMPARE(gpu->deviceId, QStringLiteral("2684"));
        QCOMPARE(gpu->productName, QStringLiteral("NVIDIA GeForce RTX 4090"));
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

    void readingsAreWhatTheFileSays_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : smitest::fixtureFiles())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }
    void readingsAreWhatTheFileSays()
    {
        QFETCH(QString, file);
        const smitest::Expected expected = smitest::expectedFrom(smitest::readAll(file));
        QVERIFY(!expected.gpus.isEmpty());
        QVERIFY(!expected.driver.isEmpty());
        auto report = NvidiaSmiImporter::parseFile(file);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().english));
        QCOMPARE(report->driverVersion, expected.driver);
        const QList<smitest::Readings> got = readingsOf(report.value());
        QCOMPARE(got.size(), expected.gpus.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            // the test found the figures it looks for (else the comparison would prove little)
            for (const char* key : {"product", "vbios", "pci_device_id", "mem_mib", "pcie_gen_current",
                                    "pcie_gen_max", "pcie_width_current", "pcie_width_max", "pstate"})
                QVERIFY2(expected.gpus.at(i).contains(key), key);
            QCOMPARE(got.at(i), expected.gpus.at(i));
            const GpuListEntry entry = NvidiaSmiImporter::gpuList(report.value()).at(i);
            QCOMPARE(entry.index, int(i));
            QCOMPARE(entry.busId, expected.gpus.at(i).value("bus_id"));
            QCOMPARE(entry.uuid, expected.gpus.at(i).value("gpu_uuid"));
            QCOMPARE(entry.productName, expected.gpus.at(i).value("product"));
        }
    }

    void windowsSavedReportsReadTheSame_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Saved>("how");
        for (const QString& f : smitest::fixtureFiles()) {
            for (Saved how :
                 {Saved::Utf8Bom, Saved::Utf16LeBom, Saved::Utf16BeBom, Saved::Crlf, Saved::Utf16LeCrlf}) {
                const QString row = QFileInfo(f).fileName() + " " + smitest::savedName(how);
                QTest::newRow(qPrintable(row)) << f << how;
            }
        }
    }
    void windowsSavedReportsReadTheSame()
    {
        QFETCH(QString, file);
        QFETCH(Saved, how);
        const QByteArray original = smitest::readAll(file);
        const QByteArray variant = smitest::saved(original, how);
        QVERIFY(variant != original);
        QTemporaryDir dir;
        const QString path = write(dir, QFileInfo(file).fileName(), variant);
        auto plain = NvidiaSmiImporter::parseFile(file);
        auto saved = NvidiaSmiImporter::parseFile(path);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().english));
        QCOMPARE(saved->driverVersion, plain->driverVersion);
        QCOMPARE(saved->gpus.size(), plain->gpus.size());
        for (qsizetype i = 0; i < plain->gpus.size(); ++i) {
            QCOMPARE(NvidiaSmiImporter::readings(saved.value(), int(i)).value(),
                     NvidiaSmiImporter::readings(plain.value(), int(i)).value());
        }
        // and what the file says, not merely what the importer said before
        QCOMPARE(readingsOf(saved.value()), smitest::expectedFrom(original).gpus);
    }

    void driver610TakesTheKmdVersion_data()
    {
        QTest::addColumn<Saved>("how");
        QTest::newRow("plain") << Saved::Plain;
        QTest::newRow("utf16le-crlf") << Saved::Utf16LeCrlf;
    }
    void driver610TakesTheKmdVersion()
    {
        QFETCH(Saved, how);
        // What drivers 610+ print; the KMD line differs on purpose, to tell which one was taken.
        QByteArray text = smitest::readAll(fixture(kTextFixture));
        QVERIFY(editLines(text, "^Driver Version( +): 595\\.71\\.05$",
                          "Driver Version\\1: 610.43.02 [Deprecated; will be removed in CUDA 14.0. Use KMD "
                          "Version instead]"));
        QByteArray withoutKmd = text;
        QVERIFY(editLines(text, "^(CUDA Version +: 13\\.2)$",
                          "\\1 [Deprecated; will be removed in CUDA 14.0. Use CUDA UMD Version instead]\n"
                          "KMD Version                                            : 610.57.04\n"
                          "CUDA UMD Version                                       : 13.3"));
        auto report = NvidiaSmiImporter::parse(smitest::saved(text, how));
        QVERIFY(report.ok());
        QCOMPARE(report->driverVersion, QStringLiteral("610.57.04"));
        QCOMPARE(report->cudaVersion, QStringLiteral("13.3"));
        QVERIFY(NvidiaSmiImporter::fieldsFor(report.value())->contains("driver=610.57.04"));
        // without a KMD line: the number before the bracket, never the bracket
        auto bracketOnly = NvidiaSmiImporter::parse(smitest::saved(withoutKmd, how));
        QCOMPARE(bracketOnly->driverVersion, QStringLiteral("610.43.02"));
        // the XML of the same drivers
        QByteArray xml = smitest::readAll(fixture("netdata_rtx-4090-driver-535.xml"));
        QVERIFY(edit(xml, "<driver_version>535.86.05</driver_version>",
                     "<driver_version>610.43.02 [Deprecated; will be removed in CUDA 14.0. Use KMD Version "
                     "instead]</driver_version><kmd_version>610.57.04</kmd_version>"));
        auto fromXml = NvidiaSmiImporter::parse(smitest::saved(xml, how));
        QVERIFY(fromXml.ok());
        QCOMPARE(fromXml->driverVersion, QStringLiteral("610.57.04"));
    }

    void unusableUuidsReadAsNone_data()
    {
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QString>("expected");
        QTest::newRow("masked") << "GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
                                << "";
        QTest::newRow("masked short") << "GPU-xxxxxxxx"
                                      << "";
        QTest::newRow("ellipsis") << "GPU-71d1acc2-662d…"
                                  << "";
        QTest::newRow("zeros") << "GPU-00000000-0000-0000-0000-000000000000"
                               << "";
        QTest::newRow("N/A") << "N/A"
                             << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("cut off") << "GPU-71d1acc2-662d-2166-bf9f-65272d2fc4"
                                 << "";
        QTest::newRow("upper case is a real one") << "GPU-71D1ACC2-662D-2166-BF9F-65272D2FC437"
                                                  << "GPU-71d1acc2-662d-2166-bf9f-65272d2fc437";
    }
    void unusableUuidsReadAsNone()
    {
        QFETCH(QString, uuid);
        QFETCH(QString, expected);
        QByteArray xml = smitest::readAll(fixture("netdata_rtx-4090-driver-535.xml"));
        QVERIFY(edit(xml, "<uuid>GPU-71d1acc2-662d-2166-bf9f-65272d2fc437</uuid>",
                     "<uuid>" + uuid.toUtf8() + "</uuid>"));
        QByteArray text = smitest::readAll(fixture(kTextFixture));
        QVERIFY(editLines(text, "^(    GPU UUID +: ).*$", "\\1" + uuid));
        for (const QByteArray& data : {xml, text}) {
            auto report = NvidiaSmiImporter::parse(data);
            QVERIFY(report.ok());
            QCOMPARE(report->gpus.first().uuid, expected);
            QCOMPARE(NvidiaSmiImporter::gpuList(report.value()).first().uuid, expected);
            const QStringList fields = NvidiaSmiImporter::fieldsFor(report.value()).value();
            QCOMPARE(fields.contains("gpu_uuid=" + expected), !expected.isEmpty());
            QCOMPARE(fields.filter(QRegularExpression("^gpu_uuid=")).size(), expected.isEmpty() ? 0 : 1);
        }
    }

    void pcieLinkFromEditedReports_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("edits"); // pattern, replacement, pattern, replacement...
        QTest::addColumn<int>("state");
        QTest::addColumn<QList<int>>("figures"); // gen current, gen expected, width current, width expected
        QTest::addColumn<bool>("underLoad");
        const QString rtx4090 = fixture("netdata_rtx-4090-driver-535.xml");
        const QString p0 = "<performance_state>P8<";
        const QString gen3 = "<(device_)?current_link_gen>1<";
        using S = PcieLinkState;
        QTest::newRow("4090 as saved: idle at Gen1")
            << rtx4090 << QStringList{} << int(S::UnprovenIdle) << QList<int>{1, 3, 16, 16} << false;
        QTest::newRow("4090 in P0 at Gen1") << rtx4090 << QStringList{p0, "<performance_state>P0<"}
                                            << int(S::Degraded) << QList<int>{1, 3, 16, 16} << true;
        QTest::newRow("4090 97% busy at Gen1") << rtx4090 << QStringList{"<gpu_util>0 %", "<gpu_util>97 %"}
                                               << int(S::Degraded) << QList<int>{1, 3, 16, 16} << true;
        QTest::newRow("4090 49% busy is no load")
            << rtx4090 << QStringList{"<gpu_util>0 %", "<gpu_util>49 %"} << int(S::UnprovenIdle)
            << QList<int>{1, 3, 16, 16} << false;
        QTest::newRow("4090 50% busy is load") << rtx4090 << QStringList{"<gpu_util>0 %", "<gpu_util>50 %"}
                                               << int(S::Degraded) << QList<int>{1, 3, 16, 16} << true;
        QTest::newRow("4090 in P0 at Gen3")
            << rtx4090 << QStringList{p0, "<performance_state>P0<", gen3, "<\\1current_link_gen>3<"}
            << int(S::Ok) << QList<int>{3, 3, 16, 16} << true;
        QTest::newRow("4090 idle at Gen3 proves itself")
            << rtx4090 << QStringList{gen3, "<\\1current_link_gen>3<"} << int(S::Ok)
            << QList<int>{3, 3, 16, 16} << false;
        QTest::newRow("4090 in P0 at Gen3 x8") << rtx4090
                                               << QStringList{p0,
                                                              "<performance_state>P0<",
                                                              gen3,
                                                              "<\\1current_link_gen>3<",
                                                              "<current_link_width>16x<",
                                                              "<current_link_width>8x<"}
                                               << int(S::Degraded) << QList<int>{3, 3, 8, 16} << true;
        QTest::newRow("4090 host Gen5: the card's Gen4 is expected")
            << rtx4090
            << QStringList{p0,
                           "<performance_state>P0<",
                           gen3,
                           "<\\1current_link_gen>3<",
                           "<max_host_link_gen>3<",
                           "<max_host_link_gen>5<"}
            << int(S::Degraded) << QList<int>{3, 4, 16, 16} << true;
        QTest::newRow("4090 without a current generation")
            << rtx4090 << QStringList{"<(device_)?current_link_gen>1<", "<\\1current_link_gen>N/A<"}
            << int(S::Incomplete) << QList<int>{0, 0, 0, 0} << false;
        const QString text = fixture(kTextFixture);
        QTest::newRow("4080 text idle, host Gen5")
            << text << QStringList{} << int(S::UnprovenIdle) << QList<int>{1, 4, 16, 16} << false;
        QTest::newRow("4080 text in P0") << text << QStringList{"^(    Performance State +: )P8$", "\\1P0"}
                                         << int(S::Degraded) << QList<int>{1, 4, 16, 16} << true;
        QTest::newRow("A100 v11 without device or host figures")
            << fixture("netdata_a100-sxm4-mig.xml") << QStringList{} << int(S::Ok) << QList<int>{4, 4, 16, 16}
            << true;
        QTest::newRow("A100 v12 at x8") << fixture("influxdata_a100-sxm4-v12.xml")
                                        << QStringList{"<current_link_width>16x<", "<current_link_width>8x<"}
                                        << int(S::Degraded) << QList<int>{4, 4, 8, 16} << true;
    }
    void pcieLinkFromEditedReports()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, edits);
        QFETCH(int, state);
        QFETCH(QList<int>, figures);
        QFETCH(bool, underLoad);
        QByteArray data = smitest::readAll(file);
        for (qsizetype i = 0; i + 1 < edits.size(); i += 2)
            QVERIFY2(editLines(data, edits.at(i), edits.at(i + 1)), qPrintable(edits.at(i)));
        auto report = NvidiaSmiImporter::parse(data);
        QVERIFY(report.ok());
        const PcieLinkCheck check =
            PcieLinkCheck::assess(NvidiaSmiImporter::readings(report.value()).value());
        QCOMPARE(int(check.state), state);
        QCOMPARE(check.underLoad, underLoad);
        QCOMPARE((QList<int>{check.genCurrent, check.genExpected, check.widthCurrent, check.widthExpected}),
                 figures);
    }

    void multiGpuReportsListTheirGpus_data()
    {
        QTest::addColumn<QByteArray>("report");
        // a second GPU: the first one's element or block again, with its own bus id, UUID and name
        QByteArray xml = smitest::readAll(fixture("netdata_rtx-4090-driver-535.xml"));
        const qsizetype from = xml.indexOf("<gpu id=");
        const qsizetype to = xml.indexOf("</gpu>") + 6;
        QByteArray second = xml.mid(from, to - from);
        second.replace("00000000:84:00.0", "00000000:85:00.0")
            .replace("GPU-71d1acc2-662d-2166-bf9f-65272d2fc437", "GPU-71d1acc2-662d-2166-bf9f-000000000001")
            .replace("NVIDIA GeForce RTX 4090<", "NVIDIA GeForce RTX 4090 D<");
        QTest::newRow("xml") << xml.insert(to, second);
        QByteArray text = smitest::readAll(fixture(kTextFixture));
        const qsizetype start = text.indexOf("\nGPU 00000000:01:00.0\n") + 1;
        const qsizetype end = text.indexOf("\n#", start) + 1;
        QByteArray block = text.mid(start, end - start);
        block.replace("00000000:01:00.0", "00000000:02:00.0")
            .replace("GPU-00000000-0000-0000-0000-000000000000", "GPU-5a5a5a5a-1111-2222-3333-444455556666")
            .replace("RTX 4080 SUPER\n", "RTX 4080\n");
        QTest::newRow("text") << text.insert(end, block);
    }
    void multiGpuReportsListTheirGpus()
    {
        QFETCH(QByteArray, report);
        const smitest::Expected expected = smitest::expectedFrom(report);
        QCOMPARE(expected.gpus.size(), 2);
        auto parsed = NvidiaSmiImporter::parse(report);
        QVERIFY(parsed.ok());
        const QList<GpuListEntry> list = NvidiaSmiImporter::gpuList(parsed.value());
        QCOMPARE(list.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(list.at(i).index, i);
            QCOMPARE(list.at(i).busId, expected.gpus.at(i).value("bus_id"));
            QCOMPARE(list.at(i).uuid, expected.gpus.at(i).value("gpu_uuid"));
            QCOMPARE(list.at(i).productName, expected.gpus.at(i).value("product"));
        }
        QVERIFY(list.at(0).busId != list.at(1).busId);
        QCOMPARE(readingsOf(parsed.value()), expected.gpus);
        // without a choice: an error naming smi_gpu; by index through a file, as scripts do
        QCOMPARE(NvidiaSmiImporter::readings(parsed.value()).error().field, QStringLiteral("smi_gpu"));
        QTemporaryDir dir;
        const QString path = write(dir, "two.report", report);
        auto second = GpuReportReader::readFile(path, 1, dir.path());
        QVERIFY(second.ok());
        QCOMPARE(second->gpuUuid, expected.gpus.at(1).value("gpu_uuid"));
        auto expanded = GpuReportReader::takeArguments({"smi=" + path, "smi_gpu=1", "unit=U1"}, dir.path());
        QVERIFY(expanded.ok());
        QCOMPARE(expanded->report->gpuUuid, expected.gpus.at(1).value("gpu_uuid"));
        QCOMPARE(expanded->rest, QStringList{"unit=U1"});
        QVERIFY(!GpuReportReader::takeArguments({"smi=" + path}, dir.path()).ok());
    }

    // /dev/zero once ended in std::bad_alloc and a FIFO hung the station for ever.
    void refusesSpecialFilesQuickly_data()
    {
        test::addSpecialFileRows(QStringLiteral("is larger than 8 MiB"));
    }
    void refusesSpecialFilesQuickly()
    {
        QFETCH(QString, kind);
        QFETCH(QString, words);
        QFETCH(int, code);
        QTemporaryDir dir;
        const QString path =
            test::makeSpecialFile(kind, dir, QStringLiteral("smi.xml"), NvidiaSmiImporter::kMaxReportBytes);
        QVERIFY(!path.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const QList<Error> errors{
            NvidiaSmiImporter::parseFile(path).error(),
            GpuReportReader::readFile(path, -1, dir.path()).error(),
            GpuReportReader::takeArguments({"unit=U1", "smi=" + path}, dir.path()).error(),
        };
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        for (const Error& e : errors) {
            QCOMPARE(int(e.code), code);
            QCOMPARE(e.field, QStringLiteral("smi"));
            QVERIFY2(e.english.contains(words), qPrintable(e.english));
            QVERIFY(e.english.contains(path));
        }
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
        QTest::newRow("utf-16 noise") << QByteArray("\xFF\xFE\x00\xD8\x00\xD8garbage", 12);
        QTest::newRow("odd utf-16") << QByteArray("\xFE\xFF\x00<\x00n\x00", 7);
        QTest::newRow("too many gpus") << QByteArray("<nvidia_smi_log>") + QByteArray("<gpu/>").repeated(65) +
                                              QByteArray("</nvidia_smi_log>");
        QByteArray stairs = "==============NVSMI LOG==============\nGPU 1\n";
        for (int i = 1; i <= 70; ++i)
            stairs += QByteArray(i, ' ') + "section\n";
        QTest::newRow("deep text nesting") << stairs;
        QTest::newRow("too many text gpus")
            << QByteArray("==============NVSMI LOG==============\n") + QByteArray("GPU 1\n").repeated(65);
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

    void absurdFiguresAreAbsentNotUndefined()
    {
        // beyond int: the cast would be undefined behaviour (UBSan in the fuzz build)
        QByteArray xml = smitest::readAll(fixture("netdata_rtx-4090-driver-535.xml"));
        QVERIFY(edit(xml, "<total>24564 MiB</total>", "<total>99999999999999999999 MiB</total>"));
        auto report = NvidiaSmiImporter::parse(xml);
        QVERIFY(report.ok());
        QVERIFY(!report->gpus.first().memoryTotalMib.has_value());
        // a megabyte-long text line without a colon is read in linear time
        QByteArray text = "==============NVSMI LOG==============\nGPU 00000000:01:00.0\n    " +
                          QByteArray(4 * 1024 * 1024, 'a') + " \n    Product Name : X\n";
        QElapsedTimer timer;
        timer.start();
        auto longLine = NvidiaSmiImporter::parse(text);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(longLine.ok());
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
