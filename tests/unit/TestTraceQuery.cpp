#include <QTest>
class TestTraceQuery : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestTraceQuery)
#include "TestTraceQuery.moc"
