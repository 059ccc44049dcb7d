// storage/InputFile: the one reader of files people pick. Special files must be refused at once
// (a FIFO would block open() for ever, /dev/zero would never end), big files before any read.
#include "storage/InputFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace rework;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return {};
    return f.fileName();
}

/// A bound Unix socket in `dir`; empty when the system refuses one.
QString makeSocket(const QTemporaryDir& dir)
{
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("s.sock")));
    sockaddr_un address{};
    if (path.size() >= static_cast<qsizetype>(sizeof address.sun_path))
        return {};
    address.sun_family = AF_UNIX;
    std::copy(path.begin(), path.end(), address.sun_path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    const bool bound = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0)
        ::close(fd); // the socket file stays
    return bound ? QFile::decodeName(path) : QString();
}

} // namespace

class TestInputFile : public QObject
{
    Q_OBJECT

private slots:
    void readsARegularFileWhole()
    {
        QTemporaryDir dir;
        const QByteArray content = QByteArray("report\n").repeated(30000); // more than one read()
        const QString path = writeFile(dir, QStringLiteral("r.txt"), content);
        auto data = InputFile::read(path, 1024 * 1024, QStringLiteral("smi"));
        QVERIFY(data.ok());
        QCOMPARE(data.value(), content);
        // exactly the cap is still allowed
        QVERIFY(InputFile::read(path, content.size(), QStringLiteral("smi")).ok());
        QCOMPARE(InputFile::read(path, content.size() - 1, QStringLiteral("smi")).error().code,
                 ErrorCode::OutOfRange);
    }

    void readsThroughASymlinkToAFile()
    {
        QTemporaryDir dir;
        const QString target = writeFile(dir, QStringLiteral("t.txt"), "x");
        QVERIFY(QFile::link(target, dir.filePath(QStringLiteral("link"))));
        QCOMPARE(InputFile::read(dir.filePath(QStringLiteral("link")), 10, QStringLiteral("f")).value(),
                 QByteArray("x"));
    }

    void refusesSpecialFilesAtOnce_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("words"); // in the English text
        QTest::addColumn<int>("code");
        QTest::newRow("/dev/zero") << "zero"
                                   << "is a device" << int(ErrorCode::InvalidValue);
        QTest::newRow("/dev/null") << "null"
                                   << "is a device" << int(ErrorCode::InvalidValue);
        QTest::newRow("fifo") << "fifo"
                              << "is a pipe (FIFO)" << int(ErrorCode::InvalidValue);
        QTest::newRow("symlink to fifo") << "fifo-link"
                                         << "is a pipe (FIFO)" << int(ErrorCode::InvalidValue);
        QTest::newRow("folder") << "folder"
                                << "is a folder" << int(ErrorCode::InvalidValue);
        QTest::newRow("socket") << "socket"
                                << "is a socket" << int(ErrorCode::InvalidValue);
        QTest::newRow("oversize") << "oversize"
                                  << "is larger than 1 MiB" << int(ErrorCode::OutOfRange);
        QTest::newRow("missing") << "missing"
                                 << "does not exist" << int(ErrorCode::InvalidValue);
        QTest::newRow("empty path") << "empty"
                                    << "no file was given" << int(ErrorCode::MissingField);
    }
    void refusesSpecialFilesAtOnce()
    {
        QFETCH(QString, kind);
        QFETCH(QString, words);
        QFETCH(int, code);
        QTemporaryDir dir;
        QString path;
        if (kind == "zero" || kind == "null") {
            path = "/dev/" + kind;
        } else if (kind.startsWith("fifo")) {
            path = dir.filePath("pipe");
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
            if (kind == "fifo-link") {
                QVERIFY(QFile::link(path, dir.filePath("pipe-link")));
                path = dir.filePath("pipe-link");
            }
        } else if (kind == "folder") {
            path = dir.path();
        } else if (kind == "socket") {
            path = makeSocket(dir);
            if (path.isEmpty())
                QSKIP("this system does not allow a Unix socket in a temporary folder");
        } else if (kind == "oversize") {
            QFile big(dir.filePath("big.bin"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QVERIFY(big.resize(1024 * 1024 + 1)); // sparse: nothing written, size reported
            path = big.fileName();
        } else if (kind == "missing") {
            path = dir.filePath("nothing-here.xml");
        }
        QElapsedTimer timer;
        timer.start();
        auto data = InputFile::read(path, 1024 * 1024, QStringLiteral("smi"));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!data.ok());
        QCOMPARE(int(data.error().code), code);
        QCOMPARE(data.error().field, QStringLiteral("smi"));
        QVERIFY2(data.error().english.contains(words), qPrintable(data.error().english));
        QVERIFY(!data.error().message.isEmpty());
        if (!path.isEmpty())
            QVERIFY2(data.error().english.contains(path), qPrintable(data.error().english));
    }

    void refusesAMissingResource()
    {
        // ":/" paths are Qt resources (the shipped label templates), read through QFile.
        QCOMPARE(InputFile::read(QStringLiteral(":/no/such/resource"), 10, QStringLiteral("f")).error().code,
                 ErrorCode::InvalidValue);
    }

    void sizesReadAsPeopleWriteThem()
    {
        QCOMPARE(InputFile::sizeText(8LL * 1024 * 1024), QStringLiteral("8 MiB"));
        QCOMPARE(InputFile::sizeText(512 * 1024), QStringLiteral("512 KiB"));
        QCOMPARE(InputFile::sizeText(1500), QStringLiteral("2 KiB"));
    }
};

QTEST_GUILESS_MAIN(TestInputFile)
#include "TestInputFile.moc"
