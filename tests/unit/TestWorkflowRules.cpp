#include <QTest>
class TestWorkflowRules : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestWorkflowRules)
#include "TestWorkflowRules.moc"
