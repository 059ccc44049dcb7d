// The shell opened offscreen and driven like an operator: scan into the trace field, press Enter.
#include "TestDatabase.h"
#include "common/MainWindow.h"
#include "storage/ReferenceData.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

using namespace rework;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void emptyDatabaseOffersDemoData()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.demoBanner()->isVisible());
        QVERIFY(w.databaseLabel()->text().contains(t.path()));
        QVERIFY(w.countsLabel()->text().contains(QStringLiteral("Events 0")));
        QCOMPARE(w.stationPicker()->count(), 7);

        QTest::mouseClick(w.demoButton(), Qt::LeftButton);
        QVERIFY(!w.demoBanner()->isVisible());
        QVERIFY(!w.countsLabel()->text().contains(QStringLiteral("Events 0")));
        QVERIFY(w.stationPicker()->count() > 7); // the demo's own stations joined
    }

    void scanningASerialShowsItsTrace()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        MainWindow w(t.db(), t.recorder());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.demoBanner()->isVisible());
        QCOMPARE(QApplication::focusWidget(), w.traceField());

        QTest::keyClicks(w.traceField(), unit.toLower());
        QTest::keyClick(w.traceField(), Qt::Key_Return);
        const QString shown = w.traceView()->toPlainText();
        QVERIFY2(shown.contains(unit), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("ZT4090A123456")));
        QVERIFY(shown.contains(QStringLiteral("test")));

        // a wrong scan says so instead of showing stale history
        w.traceField()->clear();
        QTest::keyClicks(w.traceField(), QStringLiteral("NOSUCHTHING"));
        QTest::keyClick(w.traceField(), Qt::Key_Return);
        QVERIFY(!w.traceView()->toPlainText().contains(unit));
        QVERIFY(w.traceView()->toPlainText().contains(QStringLiteral("NOSUCHTHING")));
    }

    void showsChineseWhenTheLanguageIsChinese()
    {
        QTranslator zh;
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("reworktrack"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QApplication::installTranslator(&zh);
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        QCOMPARE(w.demoButton()->text(), QStringLiteral("载入演示数据"));
        QVERIFY(w.countsLabel()->text().startsWith(QStringLiteral("来料卡 0")));
        QTest::keyClicks(w.traceField(), QStringLiteral("NOSUCHTHING"));
        QTest::keyClick(w.traceField(), Qt::Key_Return);
        QVERIFY2(w.traceView()->toPlainText().contains(QStringLiteral("不是已知的")),
                 qPrintable(w.traceView()->toPlainText()));
        QApplication::removeTranslator(&zh);
    }

    void countsFollowRecordedWork()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        QVERIFY(w.countsLabel()->text().contains(QStringLiteral("Cards 0")));
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        QVERIFY(w.countsLabel()->text().contains(QStringLiteral("Cards 1")));
        QVERIFY(!w.demoBanner()->isVisibleTo(&w));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
