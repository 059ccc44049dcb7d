#include <QTest>
class TestMigrator : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestMigrator)
#include "TestMigrator.moc"
