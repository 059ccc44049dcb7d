#include <QTest>
class TestSerialRules : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestSerialRules)
#include "TestSerialRules.moc"
