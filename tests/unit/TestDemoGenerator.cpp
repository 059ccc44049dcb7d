#include <QTest>
class TestDemoGenerator : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "TestDemoGenerator.moc"
