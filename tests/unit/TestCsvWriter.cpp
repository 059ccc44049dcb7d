#include "reports/CsvWriter.h"

#include <QTest>

using namespace rework;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void quotesWhatNeedsQuoting()
    {
        const QByteArray csv = CsvWriter::toCsv({{"serial", "note"},
                                                 {"U1", "plain"},
                                                 {"U2", "a, b"},
                                                 {"U3", "say \"hi\""},
                                                 {"U4", "two\nlines"},
                                                 {"U5", "=cmd|'/c calc'!A1"},
                                                 {"U6", "芯片崩角"}});
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QCOMPARE(text, QStringLiteral("serial,note\r\nU1,plain\r\nU2,\"a, b\"\r\nU3,\"say \"\"hi\"\"\"\r\n"
                                      "U4,\"two\nlines\"\r\nU5,'=cmd|'/c calc'!A1\r\nU6,芯片崩角\r\n"));
    }

    void unwritablePathIsAnError()
    {
        QVERIFY(!CsvWriter::write(QStringLiteral("/nonexistent/x.csv"), {{"a"}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "TestCsvWriter.moc"
