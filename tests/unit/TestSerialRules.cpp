#include "domain/SerialRules.h"

#include <QTest>

using namespace rework;

Q_DECLARE_METATYPE(rework::SerialKind)

class TestSerialRules : public QObject
{
    Q_OBJECT

private slots:
    void acceptsDefaultFormats_data()
    {
        QTest::addColumn<SerialKind>("kind");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("card") << SerialKind::Card << "ZT4090A123456"
                              << "ZT4090A123456";
        QTest::newRow("card lower case, blanks") << SerialKind::Card << "  zt4090a123456 \t"
                                                 << "ZT4090A123456";
        QTest::newRow("card with dash") << SerialKind::Card << "MSI-4090-0001"
                                        << "MSI-4090-0001";
        QTest::newRow("die id") << SerialKind::Die << "D01ABCDEFGHJK"
                                << "D01ABCDEFGHJK";
        QTest::newRow("unit") << SerialKind::Unit << "U0000000000CD"
                              << "U0000000000CD";
        QTest::newRow("board 13 digits") << SerialKind::Board << "1650522003820"
                                         << "1650522003820";
        QTest::newRow("batch") << SerialKind::Batch << "B2611-001"
                               << "B2611-001";
        QTest::newRow("lot") << SerialKind::Lot << "lot-7"
                             << "LOT-7";
        QTest::newRow("marking AD102") << SerialKind::Marking << "AD102-300-A1"
                                       << "AD102-300-A1";
        QTest::newRow("marking GA102") << SerialKind::Marking << "GA102-300-A1"
                                       << "GA102-300-A1";
        QTest::newRow("date code") << SerialKind::DateCode << "2334"
                                   << "2334";
        QTest::newRow("gpu uuid upper") << SerialKind::GpuUuid << "gpu-2D3F0A1B-0C4D-5E6F-7A8B-9C0D1E2F3A4B"
                                        << "GPU-2d3f0a1b-0c4d-5e6f-7a8b-9c0d1e2f3a4b";
        QTest::newRow("operator") << SerialKind::Operator << "op1"
                                  << "OP1";
        QTest::newRow("station") << SerialKind::Station << "strip-01"
                                 << "STRIP-01";
    }
    void acceptsDefaultFormats()
    {
        QFETCH(SerialKind, kind);
        QFETCH(QString, raw);
        QFETCH(QString, normalised);
        SerialRules rules;
        Result<QString> r = rules.validate(kind, raw);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r.value(), normalised);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<SerialKind>("kind");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty card") << SerialKind::Card << "   "
                                    << "missing_field";
        QTest::newRow("card 7 chars") << SerialKind::Card << "ABC1234"
                                      << "malformed_serial";
        QTest::newRow("card 25 chars") << SerialKind::Card << "ABCDEFGHIJKLMNOPQRSTUVWXY"
                                       << "malformed_serial";
        QTest::newRow("card underscore") << SerialKind::Card << "ZT4090_123456"
                                         << "malformed_serial";
        QTest::newRow("card sql") << SerialKind::Card << "1' OR '1'='1"
                                  << "malformed_serial";
        QTest::newRow("card NUL") << SerialKind::Card << QStringLiteral("ZT4090A1") + QChar(0) + "23"
                                  << "malformed_serial";
        QTest::newRow("card escape") << SerialKind::Card << "ZT4090\x1b[2J"
                                     << "malformed_serial";
        QTest::newRow("card RTL override")
            << SerialKind::Card << QStringLiteral("ZT4090") + QChar(0x202E) + "A12345"
            << "malformed_serial";
        QTest::newRow("card chinese") << SerialKind::Card << "显卡12345678"
                                      << "malformed_serial";
        QTest::newRow("card very long")
            << SerialKind::Card << QString(5000, QLatin1Char('A')) << "malformed_serial";
        QTest::newRow("die wrong prefix") << SerialKind::Die << "U01ABCDEFGHJK"
                                          << "malformed_serial";
        QTest::newRow("die letter I") << SerialKind::Die << "D01ABCDEFGHIK"
                                      << "malformed_serial";
        QTest::newRow("die short") << SerialKind::Die << "D01AB"
                                   << "malformed_serial";
        QTest::newRow("unit as die") << SerialKind::Unit << "D0000000000CD"
                                     << "malformed_serial";
        QTest::newRow("batch no prefix") << SerialKind::Batch << "2611-001"
                                         << "malformed_serial";
        QTest::newRow("marking") << SerialKind::Marking << "AD102"
                                 << "malformed_serial";
        QTest::newRow("date code week 54") << SerialKind::DateCode << "2354"
                                           << "malformed_serial";
        QTest::newRow("date code week 00") << SerialKind::DateCode << "2300"
                                           << "malformed_serial";
        QTest::newRow("uuid short") << SerialKind::GpuUuid << "GPU-1234"
                                    << "malformed_serial";
        QTest::newRow("uuid no prefix") << SerialKind::GpuUuid << "2d3f0a1b-0c4d-5e6f-7a8b-9c0d1e2f3a4b"
                                        << "malformed_serial";
        QTest::newRow("uuid non hex") << SerialKind::GpuUuid << "GPU-2d3f0a1b-0c4d-5e6f-7a8b-9c0d1e2f3a4z"
                                      << "malformed_serial";
    }
    void rejectsMalformed()
    {
        QFETCH(SerialKind, kind);
        QFETCH(QString, raw);
        QFETCH(QString, code);
        SerialRules rules;
        Result<QString> r = rules.validate(kind, raw);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().codeName(), code);
        QCOMPARE(r.error().field, serialKindName(kind));
        QVERIFY(!r.error().message.isEmpty());
    }

    void overridesApplyPerModel()
    {
        SerialRules rules;
        QVERIFY(
            rules.setPattern(SerialKind::Board, QStringLiteral("RTX4090"), QStringLiteral("^TB[0-9]{8}$")));
        QVERIFY(!rules.isValid(SerialKind::Board, QStringLiteral("SB00000001"), QStringLiteral("RTX4090")));
        QVERIFY(rules.isValid(SerialKind::Board, QStringLiteral("TB00000001"), QStringLiteral("RTX4090")));
        QVERIFY(rules.isValid(SerialKind::Board, QStringLiteral("SB00000001"), QStringLiteral("RTX3090")));
        QVERIFY(rules.setPattern(SerialKind::Board, QString(), QStringLiteral("^XB[0-9]{8}$")));
        QVERIFY(!rules.isValid(SerialKind::Board, QStringLiteral("SB00000001"), QStringLiteral("RTX3090")));
        QCOMPARE(rules.pattern(SerialKind::Board, QStringLiteral("RTX3090")), QStringLiteral("^XB[0-9]{8}$"));
    }

    void rejectsInvalidOverridePattern()
    {
        SerialRules rules;
        Status st = rules.setPattern(SerialKind::Card, QString(), QStringLiteral("^[A-Z"));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::InvalidValue);
        QCOMPARE(rules.pattern(SerialKind::Card), SerialRules::defaultPattern(SerialKind::Card));
    }
};

QTEST_GUILESS_MAIN(TestSerialRules)
#include "TestSerialRules.moc"
