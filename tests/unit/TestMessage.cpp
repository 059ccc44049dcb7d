#include "TestDatabase.h"
#include "auth/OperatorAdmin.h"
#include "domain/Message.h"
#include "logging/Logging.h"
#include "storage/Sql.h"

#include <QFile>
#include <QLocale>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

using namespace rework;

namespace {

struct Context
{
    Q_DECLARE_TR_FUNCTIONS(Context)
};

} // namespace

class TestMessage : public QObject
{
    Q_OBJECT

private slots:
    void argumentsAreFilledOnceInOrder()
    {
        const Message m(&Context::tr, QT_TRANSLATE_NOOP("Context", "%2 of %1, %1 again, 100%"),
                        {QStringLiteral("A%2"), 7});
        QCOMPARE(m.english(), QStringLiteral("7 of A%2, A%2 again, 100%")); // "%2" inside an argument stays
        QCOMPARE(m.translated(), m.english());                              // no translator installed
        QCOMPARE(Message::untranslated(QStringLiteral("50% %1")).english(), QStringLiteral("50% %1"));
        const Message nested(&Context::tr, QT_TRANSLATE_NOOP("Context", "could not %1"), {m});
        QCOMPARE(nested.english(), QStringLiteral("could not 7 of A%2, A%2 again, 100%"));
    }

    void theLogIsEnglishWhileTheOperatorReadsChinese()
    {
        QTranslator chinese;
        QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("reworktrack"),
                             QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&chinese);
        auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&chinese); });

        test::TestDatabase t;
        Logging::init(t.folder(), false);
        auto silence = qScopeGuard([] { Logging::silence(); });
        QVERIFY(
            sql::exec(t.db().connection(), QStringLiteral("UPDATE operators SET active = 0 WHERE id = 'OP1'"))
                .ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        const Result<Recorded> refused =
            t.record(Step::Intake, {QStringLiteral("card=ZT4090A000001"), QStringLiteral("model=RTX4090"),
                                    QStringLiteral("lot=LOT-1")});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::OperatorInactive);
        QCOMPARE(refused.error().message, QStringLiteral("操作员 OP1 已停用；请联系主管"));
        QCOMPARE(refused.error().english, QStringLiteral("operator OP1 is disabled; ask a supervisor"));
        QCOMPARE(QString::fromStdString(refused.error().logLine()),
                 QStringLiteral("operator: operator OP1 is disabled; ask a supervisor (operator_inactive)"));

        Logging::silence(); // flushes and closes the file
        QFile log(Logging::logFilePath(t.folder()));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("operator OP1 is disabled; ask a supervisor")),
                 qPrintable(text));
        for (const QChar c : text)
            QVERIFY2(c.script() != QChar::Script_Han, "the log holds Chinese text");
    }
};

QTEST_GUILESS_MAIN(TestMessage)
#include "TestMessage.moc"
