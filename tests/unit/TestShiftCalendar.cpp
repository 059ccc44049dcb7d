// Shift boundaries in local time against events stored in UTC.
#include "reports/ShiftCalendar.h"

#include <QTest>

using namespace rework;

class TestShiftCalendar : public QObject
{
    Q_OBJECT

    static QDateTime utc(const char* text)
    {
        return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    }

private slots:
    void utcCalendarSplitsAtSixAndEighteen()
    {
        const ShiftCalendar c;
        QCOMPARE(c.start(QDate(2026, 11, 2), false), utc("2026-11-02T06:00:00Z"));
        QCOMPARE(c.start(QDate(2026, 11, 2), true), utc("2026-11-02T18:00:00Z"));
        QCOMPARE(c.shiftOf(utc("2026-11-02T05:59:59Z")), std::make_pair(QDate(2026, 11, 1), true));
        QCOMPARE(c.shiftOf(utc("2026-11-02T06:00:00Z")), std::make_pair(QDate(2026, 11, 2), false));
        QCOMPARE(c.shiftOf(utc("2026-11-02T17:59:59Z")), std::make_pair(QDate(2026, 11, 2), false));
        QCOMPARE(c.shiftOf(utc("2026-11-02T23:30:00Z")), std::make_pair(QDate(2026, 11, 2), true));
        QCOMPARE(c.utcHours(false), QStringLiteral(",06,07,08,09,10,11,12,13,14,15,16,17,"));
        QCOMPARE(c.utcHours(true), QStringLiteral(",00,01,02,03,04,05,18,19,20,21,22,23,"));
    }

    void localTimeZoneMovesTheBoundaries()
    {
        const ShiftCalendar shenzhen{8, 8 * 60}; // shifts from 08:00 and 20:00 at UTC+8
        QCOMPARE(shenzhen.start(QDate(2026, 11, 2), false), utc("2026-11-02T00:00:00Z"));
        QCOMPARE(shenzhen.start(QDate(2026, 11, 2), true), utc("2026-11-02T12:00:00Z"));
        // 23:00 UTC on the 1st is 07:00 local on the 2nd: still the night shift of the 1st.
        QCOMPARE(shenzhen.shiftOf(utc("2026-11-01T23:00:00Z")), std::make_pair(QDate(2026, 11, 1), true));
        QCOMPARE(shenzhen.shiftOf(utc("2026-11-02T00:00:00Z")), std::make_pair(QDate(2026, 11, 2), false));
        QCOMPARE(shenzhen.utcHours(false), QStringLiteral(",00,01,02,03,04,05,06,07,08,09,10,11,"));
        const ShiftCalendar westward{6, -5 * 60};
        QCOMPARE(westward.start(QDate(2026, 11, 2), false), utc("2026-11-02T11:00:00Z"));
        QCOMPARE(westward.shiftOf(utc("2026-11-03T04:00:00Z")), std::make_pair(QDate(2026, 11, 2), true));
    }

    void keysSortInTimeOrder()
    {
        QCOMPARE(ShiftCalendar::key(QDate(2026, 11, 2), false), QStringLiteral("2026-11-02 D"));
        QCOMPARE(ShiftCalendar::key(QDate(2026, 11, 2), true), QStringLiteral("2026-11-02 N"));
        QVERIFY(ShiftCalendar::key(QDate(2026, 11, 2), true) < ShiftCalendar::key(QDate(2026, 11, 3), false));
    }
};

QTEST_GUILESS_MAIN(TestShiftCalendar)
#include "TestShiftCalendar.moc"
