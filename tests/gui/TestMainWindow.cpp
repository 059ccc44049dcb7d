#include <QTest>
class TestMainWindow : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
