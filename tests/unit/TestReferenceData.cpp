#include <QTest>
class TestReferenceData : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestReferenceData)
#include "TestReferenceData.moc"
