#include <QTest>
class TestIdGenerator : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestIdGenerator)
#include "TestIdGenerator.moc"
