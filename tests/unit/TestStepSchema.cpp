#include <QTest>
class TestStepSchema : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestStepSchema)
#include "TestStepSchema.moc"
