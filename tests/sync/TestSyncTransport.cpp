// The way to the central PostgreSQL, against a real server started for the test on 127.0.0.1:
// every libpq message becomes a sentence that says what to do (the texts are the ones libpq 15
// prints, most of them provoked here), a refused login is tried once, network and server failures
// exit 3, the password never comes from the command line, and sslmode=verify-full with ca_file
// knows the server by its certificate.
#include "PgTestServer.h"
#include "Reworkctl.h"
#include "TestDatabase.h"
#include "sync/ServerConnection.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;
using test::reworkctl;

namespace {

/// A port nothing listens on (given back by the OS right after it was taken).
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// REWORKTRACK_SYNC_PASSWORD set for the scope (reworkctl inherits this process's environment).
class PasswordVariable
{
public:
    explicit PasswordVariable(const QByteArray& value) { qputenv(SyncSettings::kPasswordVariable, value); }
    ~PasswordVariable() { qunsetenv(SyncSettings::kPasswordVariable); }
    PasswordVariable(const PasswordVariable&) = delete;
    PasswordVariable& operator=(const PasswordVariable&) = delete;
};

} // namespace

class TestSyncTransport : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::PgTestServer> pg;

    SyncSettings settings(const QString& password = QStringLiteral("rework-test"))
    {
        return SyncSettings::fromUrl(pg->url(password)).value();
    }
    /// The error of a connection with `s`; fails the test when it connects.
    static Error openError(const SyncSettings& s)
    {
        auto c = ServerConnection::open(s);
        if (c)
            return makeError(ErrorCode::Usage, QString(), QStringLiteral("connected"));
        return c.error();
    }
    int refusedLogins() const
    {
        return int(pg->log().count(QStringLiteral("password authentication failed")));
    }
    /// A fresh station database file for reworkctl.
    static QString station(QTemporaryDir& dir)
    {
        const QString f = dir.filePath(QStringLiteral("s.sqlite"));
        if (reworkctl(f, {QStringLiteral("init")}).exitCode != 0)
            return {};
        return f;
    }
    /// Neither the driver's own words nor the password reached the user.
    static void checkPlain(const QString& text)
    {
        QVERIFY2(!text.contains(QStringLiteral("FATAL")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("connection to server at")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("rework-test")), qPrintable(text));
    }

private slots:
    void initTestCase()
    {
        pg = std::make_unique<test::PgTestServer>();
        if (!pg->ok())
            QSKIP("no PostgreSQL server could be started here");
        test::TestDatabase t;
        QVERIFY(SyncEngine(t.db(), settings()).initServer().ok());
    }

    void libpqTextsBecomeSentences_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const auto row = [](const char* name, const char* text, ErrorCode code, const char* says) {
            QTest::newRow(name) << QString::fromUtf8(text) << int(code) << QString::fromUtf8(says);
        };
        // As libpq 15 prints them (psql 15.18), with QPSQL's own words after them.
        row("wrong password",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  password authentication "
            "failed "
            "for user \"rework\"\nQPSQL: Unable to connect",
            ErrorCode::ServerLoginRefused, "user name or password");
        row("no password",
            "connection to server at \"127.0.0.1\", port 55432 failed: fe_sendauth: no password supplied",
            ErrorCode::ServerLoginRefused, "REWORKTRACK_SYNC_PASSWORD");
        row("pg_hba",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  no pg_hba.conf entry for "
            "host \"127.0.0.1\", user \"rework\", database \"rework\", no encryption",
            ErrorCode::ServerLoginRefused, "pg_hba.conf");
        row("no role",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  role \"nobody\" does not "
            "exist",
            ErrorCode::ServerLoginRefused, "no such user");
        row("no database",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  database \"nope\" does not "
            "exist",
            ErrorCode::ServerRefused, "no such database");
        row("database named like a role",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  database \"controller\" does "
            "not exist",
            ErrorCode::ServerRefused, "no such database");
        row("server without ssl",
            "connection to server at \"127.0.0.1\", port 55432 failed: server does not support SSL, but SSL "
            "was "
            "required",
            ErrorCode::ServerRefused, "turn on ssl");
        row("certificate verify failed",
            "connection to server at \"localhost\" (127.0.0.1), port 55432 failed: SSL error: certificate "
            "verify "
            "failed",
            ErrorCode::ServerRefused, "ca_file");
        row("host name mismatch",
            "connection to server at \"127.0.0.1\", port 55432 failed: server certificate for \"localhost\" "
            "(and 1 "
            "other name) does not match host name \"127.0.0.1\"",
            ErrorCode::ServerRefused, "name on its certificate");
        row("root cert missing",
            "connection to server at \"localhost\" (127.0.0.1), port 55432 failed: root certificate file "
            "\"/root/.postgresql/root.crt\" does not exist\nEither provide the file or change sslmode to "
            "disable "
            "server certificate verification.",
            ErrorCode::ServerRefused, "set ca_file");
        row("connection refused",
            "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server "
            "running on "
            "that host and accepting TCP/IP connections?",
            ErrorCode::ServerUnavailable, "does not run or does not listen");
        row("timeout", "connection to server at \"127.0.0.1\", port 40000 failed: timeout expired",
            ErrorCode::ServerUnavailable, "did not answer in time");
        row("unknown host",
            "could not translate host name \"nohost.invalid\" to address: Name or service not known",
            ErrorCode::ServerUnavailable, "name cannot be found");
        row("too many connections",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  sorry, too many clients "
            "already",
            ErrorCode::ServerUnavailable, "too many connections");
        row("reserved slots",
            "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  remaining connection slots "
            "are "
            "reserved for non-replication superuser connections",
            ErrorCode::ServerUnavailable, "too many connections");
        row("closed unexpectedly",
            "server closed the connection unexpectedly\n\tThis probably means the server terminated "
            "abnormally\n"
            "\tbefore or while processing the request.\nQPSQL: Unable to create query",
            ErrorCode::ServerUnavailable, "was lost");
        row("terminated by admin",
            "FATAL:  terminating connection due to administrator command\nQPSQL: Unable to create query",
            ErrorCode::ServerUnavailable, "was lost");
        row("serialization", "ERROR:  could not serialize access due to concurrent update",
            ErrorCode::ServerUnavailable, "tries again later");
        row("ssl eof", "SSL SYSCALL error: EOF detected", ErrorCode::ServerUnavailable, "was lost");
        row("not postgresql",
            "connection to server at \"10.0.0.9\", port 5432 failed: received invalid response "
            "to SSL negotiation: H",
            ErrorCode::ServerRefused, "other than PostgreSQL");
        row("anything else", "ERROR:  column \"active\" does not exist\nLINE 1: SELECT active FROM operators",
            ErrorCode::ServerRefused, "reworktrack.log");
    }

    void libpqTextsBecomeSentences()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        QFETCH(QString, says);
        const Error e = ServerConnection::plainError(QStringLiteral("connect"), text);
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(says), qPrintable(e.message));
        QVERIFY2(!e.message.contains(text.section(QLatin1Char('\n'), 0, 0)), qPrintable(e.message));
        checkPlain(e.message);
        QVERIFY(!e.message.contains(QLatin1Char('\n')));
    }

    void provokedMessagesAreRecognised()
    {
        SyncSettings s = settings(QStringLiteral("wrong"));
        Error e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerLoginRefused);
        QVERIFY(e.message.contains(QStringLiteral("user name or password")));

        s = settings();
        s.database = QStringLiteral("nope");
        e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerRefused);
        QVERIFY(e.message.contains(QStringLiteral("no such database")));

        s = settings();
        s.sslMode = QStringLiteral("require"); // the server has no ssl yet
        e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerRefused);
        QVERIFY2(e.message.contains(QStringLiteral("turn on ssl")), qPrintable(e.message));

        s = settings();
        s.port = closedPort();
        e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerUnavailable);
        QVERIFY2(e.message.contains(QStringLiteral("does not listen")), qPrintable(e.message));

        s = settings();
        s.host = QStringLiteral("nohost.invalid");
        e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerUnavailable);
        QVERIFY2(e.message.contains(QStringLiteral("name cannot be found")), qPrintable(e.message));

        // A port that accepts and never answers: libpq's own timeout (2 s is its least).
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        s = settings();
        s.port = silent.serverPort();
        s.connectTimeoutSeconds = 2;
        QElapsedTimer timer;
        timer.start();
        e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerUnavailable);
        QVERIFY2(e.message.contains(QStringLiteral("did not answer in time")), qPrintable(e.message));
        QVERIFY(timer.elapsed() < 10000);
    }

    void wrongPasswordIsTriedOnce()
    {
        test::TestDatabase t;
        const int attemptsBefore = ServerConnection::connectAttempts();
        const int loggedBefore = refusedLogins();
        SyncEngine engine(t.db(), settings(QStringLiteral("wrong")));
        QElapsedTimer timer;
        timer.start();
        Result<SyncEngine::Report> r = engine.runWithRetries(3);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::ServerLoginRefused);
        QCOMPARE(ServerConnection::connectAttempts() - attemptsBefore, 1);
        QVERIFY2(timer.elapsed() < 900, "no back-off wait after a refused login");
        QTRY_COMPARE(refusedLogins() - loggedBefore, 1);

        // The same through reworkctl: one refused login in the server's log, exit 3, plain words.
        QTemporaryDir dir;
        const QString f = station(dir);
        QVERIFY(!f.isEmpty());
        const int cliBefore = refusedLogins();
        const test::Run run =
            reworkctl(f,
                      {QStringLiteral("sync"), QStringLiteral("--server"), pg->url(QString()),
                       QStringLiteral("--password-stdin"), QStringLiteral("--retries"), QStringLiteral("3")},
                      {}, "Sup3rSecretPw\n");
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("user name or password")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("[server_login_refused]")));
        QVERIFY(!run.err.contains(QStringLiteral("Sup3rSecretPw")));
        checkPlain(run.err);
        QTRY_COMPARE(refusedLogins() - cliBefore, 1);
        QFile log(dir.filePath(QStringLiteral("reworktrack.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        QVERIFY(!logged.contains("Sup3rSecretPw"));
        QVERIFY2(logged.contains("the server refused: connection to server at"), logged.constData());
    }

    void unreachableServerExitsThree()
    {
        QTemporaryDir dir;
        const QString f = station(dir);
        QVERIFY(!f.isEmpty());
        PasswordVariable password("rework-test");
        const QString closed =
            QStringLiteral("postgresql://rework@127.0.0.1:%1/rework?sslmode=disable").arg(closedPort());
        for (const QStringList& args :
             {QStringList{QStringLiteral("sync"), QStringLiteral("--server"), closed,
                          QStringLiteral("--retries"), QStringLiteral("1")},
              QStringList{QStringLiteral("server-init"), QStringLiteral("--server"), closed}}) {
            const test::Run run = reworkctl(f, args);
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(QStringLiteral("work goes on here")), qPrintable(run.err));
            QVERIFY(run.err.contains(QStringLiteral("[server_unavailable]")));
            checkPlain(run.err);
        }
        // A server that stops: the same.
        QVERIFY(pg->stop());
        const test::Run run =
            reworkctl(f, {QStringLiteral("sync"), QStringLiteral("--server"), pg->url(QString()),
                          QStringLiteral("--retries"), QStringLiteral("1")});
        QVERIFY(pg->restart());
        QCOMPARE(run.exitCode, 3);
        checkPlain(run.err);
    }

    void passwordOnCommandLineIsRefused()
    {
        QTemporaryDir dir;
        const QString f = station(dir);
        QVERIFY(!f.isEmpty());
        const QString withPassword = pg->url(QStringLiteral("Sup3rSecretPw"));
        for (const QStringList& args :
             {QStringList{QStringLiteral("sync"), QStringLiteral("--server"), withPassword},
              QStringList{QStringLiteral("sync"), QStringLiteral("configure"), QStringLiteral("--server"),
                          withPassword},
              QStringList{QStringLiteral("server-init"), QStringLiteral("--server"), withPassword}}) {
            const test::Run run = reworkctl(f, args);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(
                run.err.contains(QStringLiteral("put the password in sync.conf or REWORKTRACK_SYNC_PASSWORD, "
                                                "or use --password-stdin")),
                qPrintable(run.err));
            QVERIFY(!run.err.contains(QStringLiteral("Sup3rSecretPw")));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("sync.conf"))));
    }

    void passwordFromStdinEnvironmentOrSyncConf()
    {
        QTemporaryDir dir;
        const QString f = station(dir);
        QVERIFY(!f.isEmpty());
        const QString url = pg->url(QString());
        const QStringList sync{QStringLiteral("sync"), QStringLiteral("--server"), url,
                               QStringLiteral("--retries"), QStringLiteral("1")};
        // No password at all (no terminal to ask at): the server's question, in plain words.
        test::Run run = reworkctl(f, sync);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("none was given")), qPrintable(run.err));

        run = reworkctl(f, sync + QStringList{QStringLiteral("--password-stdin")}, {}, "rework-test\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = reworkctl(
            f, {QStringLiteral("sync"), QStringLiteral("--server"), url, QStringLiteral("--password-stdin")});
        QCOMPARE(run.exitCode, 2); // nothing on stdin
        {
            PasswordVariable password("rework-test");
            run = reworkctl(f, sync);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            // The environment's password is never written into sync.conf.
            run = reworkctl(
                f, {QStringLiteral("sync"), QStringLiteral("configure"), QStringLiteral("--server"), url});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QFile conf(dir.filePath(QStringLiteral("sync.conf")));
            QVERIFY(conf.open(QIODevice::ReadOnly));
            QVERIFY(!conf.readAll().contains("rework-test"));
        }
        // A piped-in password is kept in sync.conf (0600), and server-init and sync take it from there.
        run = reworkctl(f,
                        {QStringLiteral("sync"), QStringLiteral("configure"), QStringLiteral("--server"), url,
                         QStringLiteral("--password-stdin")},
                        {}, "rework-test\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!(QFile::permissions(dir.filePath(QStringLiteral("sync.conf"))) &
                  (QFile::ReadGroup | QFile::ReadOther)));
        run = reworkctl(f, {QStringLiteral("server-init")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = reworkctl(f, {QStringLiteral("sync")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // REWORKTRACK_SYNC_PASSWORD wins over the file's.
        PasswordVariable wrong("not-it");
        run = reworkctl(f, {QStringLiteral("sync"), QStringLiteral("--retries"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(QStringLiteral("user name or password")));
    }

    void caFileReachesTheConnectOptions()
    {
        SyncSettings s =
            SyncSettings::fromUrl(
                QStringLiteral("postgresql://rework@db.lan/rework?sslmode=verify-full&sslrootcert=/etc/"
                               "rework/it's%20ca.crt"),
                SyncSettings::Source::CommandLine)
                .value();
        QCOMPARE(s.caFile, QStringLiteral("/etc/rework/it's ca.crt"));
        QCOMPARE(ServerConnection::connectOptions(s),
                 QStringLiteral("sslmode=verify-full;connect_timeout=10;application_name=reworktrack;"
                                "sslrootcert='/etc/rework/it\\'s ca.crt'"));
        // Missing or unreadable: said before any connection.
        const Error e = openError(s);
        QCOMPARE(e.code, ErrorCode::InvalidValue);
        QCOMPARE(e.field, QStringLiteral("ca_file"));
        QVERIFY2(e.message.contains(QStringLiteral("cannot be read")), qPrintable(e.message));
        QTemporaryDir dir;
        const QString f = station(dir);
        QVERIFY(!f.isEmpty());
        const test::Run run =
            reworkctl(f, {QStringLiteral("sync"), QStringLiteral("configure"), QStringLiteral("--server"),
                          pg->url(QString()), QStringLiteral("--ca-file"),
                          dir.filePath(QStringLiteral("missing.crt"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot be read")), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("sync.conf"))));
    }

    void verifyFullKnowsTheServer()
    {
        const QString ca = pg->enableSsl();
        QVERIFY(!ca.isEmpty());
        SyncSettings s = settings();
        s.host = QStringLiteral("localhost"); // the name on the server's certificate
        s.sslMode = QStringLiteral("verify-full");
        s.caFile = ca;
        {
            auto c = ServerConnection::open(s);
            QVERIFY2(c, c ? "" : qPrintable(c.error().message));
            QSqlQuery q(c.value()->db());
            QVERIFY(q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                    q.next());
            QVERIFY(q.value(0).toBool());
        }
        SyncSettings other = s;
        other.caFile = pg->otherCaFile();
        Error e = openError(other);
        QCOMPARE(e.code, ErrorCode::ServerRefused);
        QVERIFY2(e.message.contains(QStringLiteral("not signed by the CA in ca_file")),
                 qPrintable(e.message));
        SyncSettings byAddress = s;
        byAddress.host = QStringLiteral("127.0.0.1"); // not the certificate's name
        e = openError(byAddress);
        QCOMPARE(e.code, ErrorCode::ServerRefused);
        QVERIFY2(e.message.contains(QStringLiteral("name on its certificate")), qPrintable(e.message));

        // Through reworkctl: configured once with the CA file, then a plain `sync`.
        QTemporaryDir dir;
        const QString f = station(dir);
        QVERIFY(!f.isEmpty());
        const QString url =
            QStringLiteral("postgresql://rework@localhost:%1/rework?sslmode=verify-full").arg(pg->port());
        test::Run run =
            reworkctl(f,
                      {QStringLiteral("sync"), QStringLiteral("configure"), QStringLiteral("--server"), url,
                       QStringLiteral("--ca-file"), ca, QStringLiteral("--password-stdin")},
                      {}, "rework-test\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = reworkctl(f, {QStringLiteral("sync")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void pgHbaAndRoleMessagesAreRecognised()
    {
        QVERIFY(pg->setHba(QStringLiteral("hostssl all all 127.0.0.1/32 scram-sha-256")));
        Error e = openError(settings()); // sslmode=disable
        QCOMPARE(e.code, ErrorCode::ServerLoginRefused);
        QVERIFY2(e.message.contains(QStringLiteral("pg_hba.conf")), qPrintable(e.message));
        QVERIFY(pg->setHba(QStringLiteral("host all all 127.0.0.1/32 trust")));
        SyncSettings s = settings();
        s.user = QStringLiteral("nobody");
        e = openError(s);
        QCOMPARE(e.code, ErrorCode::ServerLoginRefused);
        QVERIFY2(e.message.contains(QStringLiteral("no such user")), qPrintable(e.message));
    }
};

QTEST_GUILESS_MAIN(TestSyncTransport)
#include "TestSyncTransport.moc"
