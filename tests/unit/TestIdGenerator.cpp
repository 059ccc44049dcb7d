#include "domain/IdGenerator.h"
#include "domain/SerialRules.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace rework;

class TestIdGenerator : public QObject
{
    Q_OBJECT

private slots:
    void uuidV7HasVersionVariantAndTime()
    {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1764403200123LL, Qt::UTC);
        const QString id = IdGenerator::uuidV7(t);
        static const QRegularExpression re(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY2(re.match(id).hasMatch(), qPrintable(id));
        const QString hex = id.left(8) + id.mid(9, 4);
        QCOMPARE(hex.toLongLong(nullptr, 16), 1764403200123LL);
    }
    void uuidV7SortsByTimeAndIsUnique()
    {
        QSet<QString> seen;
        QString previous;
        QDateTime t = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 20000; ++i) {
            t = t.addMSecs(i % 3 == 0 ? 1 : 0);
            const QString id = IdGenerator::uuidV7(t);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            if (i % 3 == 0 && !previous.isEmpty())
                QVERIFY(id > previous);
            previous = id;
        }
    }
    void shortIdsMatchTheSerialFormats()
    {
        SerialRules rules;
        QSet<QString> seen;
        const QDateTime t = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 2000; ++i) {
            const QString die = IdGenerator::shortId(QLatin1Char('D'), t.addSecs(i));
            const QString unit = IdGenerator::shortId(QLatin1Char('U'), t.addSecs(i));
            QVERIFY2(rules.isValid(SerialKind::Die, die), qPrintable(die));
            QVERIFY2(rules.isValid(SerialKind::Unit, unit), qPrintable(unit));
            QVERIFY(!seen.contains(die));
            seen.insert(die);
        }
    }
};

QTEST_GUILESS_MAIN(TestIdGenerator)
#include "TestIdGenerator.moc"
