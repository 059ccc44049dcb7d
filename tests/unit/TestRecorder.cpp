#include <QTest>
class TestRecorder : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestRecorder)
#include "TestRecorder.moc"
