#include "SpecialFiles.h"
#include "domain/ContentHash.h"
#include "storage/EvidenceStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace rework;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

} // namespace

class TestEvidenceStore : public QObject
{
    Q_OBJECT

private slots:
    void storesACopyUnderItsHash()
    {
        QTemporaryDir source, data;
        const QByteArray content("fake x-ray image bytes");
        const QString file = writeFile(source, QStringLiteral("xray 1.png"), content);
        EvidenceStore store(data.path());
        auto ref = store.store(file);
        QVERIFY(ref.ok());
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        QCOMPARE(ref.value(), QStringLiteral("sha256:") + hash + QStringLiteral(":xray 1.png"));
        QFile copy(store.pathFor(ref.value()));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);
        // staged until a record takes it
        QCOMPARE(copy.fileName(), data.path() + QStringLiteral("/evidence-staging/") + hash + ".png");
        QVERIFY(!QDir(data.filePath(QStringLiteral("evidence"))).exists());
        // changing the original later does not change the evidence
        writeFile(source, QStringLiteral("xray 1.png"), "tampered");
        QFile again(store.pathFor(ref.value()));
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), content);
    }

    /// Files are named by OpenSSL's SHA-256 (for speed); it must be the SHA-256 anyone computes:
    /// FIPS 180-2's vectors and Qt's own implementation over real reports.
    void theNameIsTheSha256OfTheWholeContent()
    {
        QCOMPARE(sha256Hex(QByteArray()),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex(QByteArray("abc")),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex(QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
                 QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        const QDir fixtures(QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi"));
        const QStringList reports = fixtures.entryList(QDir::Files);
        QVERIFY(reports.size() >= 3);
        for (const QString& name : reports) {
            QFile f(fixtures.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QCOMPARE(sha256Hex(content),
                     QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        }
    }

    void sameContentIsStoredOnce()
    {
        QTemporaryDir source, data;
        EvidenceStore store(data.path());
        const QString a = writeFile(source, QStringLiteral("a.jpg"), "same");
        const QString b = writeFile(source, QStringLiteral("b.jpg"), "same");
        auto refA = store.store(a);
        QVERIFY(refA.ok());
        QVERIFY(store.store(b).ok());
        QCOMPARE(QDir(data.filePath(QStringLiteral("evidence-staging"))).entryList(QDir::Files).size(), 1);
        EvidenceStore::Publication publication(store);
        QVERIFY(publication.publish(refA.value()).ok());
        publication.keep();
        QDir evidence(data.filePath(QStringLiteral("evidence")));
        QCOMPARE(evidence.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
        // stored content is not staged again
        QVERIFY(store.store(b).ok());
        QCOMPARE(QDir(data.filePath(QStringLiteral("evidence-staging"))).entryList(QDir::Files).size(), 0);
    }

    void expandsFileListsIntoReferences()
    {
        QTemporaryDir source, data;
        EvidenceStore store(data.path());
        const QString a = writeFile(source, QStringLiteral("a.png"), "one");
        const QString b = writeFile(source, QStringLiteral("b.log"), "two");
        auto out = store.expandArgument({"unit=U1", "evidence=" + a + ";" + b});
        QVERIFY(out.ok());
        QCOMPARE(out->first(), QStringLiteral("unit=U1"));
        const QString value = out->at(1).section('=', 1);
        QVERIFY(EvidenceStore::isReferenceList(value));
        QCOMPARE(value.count(QStringLiteral("sha256:")), 2);
        // already stored references pass through unchanged
        QCOMPARE(store.expandArgument({out->at(1)}).value().first(), out->at(1));
    }

    // The copy enters the store only with the record that keeps it; a record that does not
    // commit moves it back out.
    void publicationMovesBackUnlessKept()
    {
        QTemporaryDir source, data;
        EvidenceStore store(data.path());
        auto ref = store.store(writeFile(source, QStringLiteral("x.jpg"), "x-ray"));
        QVERIFY(ref.ok());
        const QString staged = store.pathFor(ref.value());
        {
            EvidenceStore::Publication publication(store);
            QVERIFY(publication.publish(ref.value()).ok());
            QVERIFY(QFile::exists(store.storedPathFor(ref.value())));
            QVERIFY(!QFile::exists(staged));
        }
        QVERIFY(!QFile::exists(store.storedPathFor(ref.value())));
        QVERIFY(QFile::exists(staged));
        {
            EvidenceStore::Publication publication(store);
            QVERIFY(publication.publish(ref.value()).ok());
            publication.keep();
        }
        QVERIFY(QFile::exists(store.storedPathFor(ref.value())));
        QCOMPARE(store.pathFor(ref.value()), store.storedPathFor(ref.value()));
        QFileInfo stored(store.storedPathFor(ref.value()));
        QCOMPARE(stored.permissions().toInt() & 0x0077, 0); // nothing for group or others
    }

    // Before: `sha256:000…0:xray.jpg` was recorded with no file behind it.
    void refusesAHashWithNoFile()
    {
        QTemporaryDir data;
        EvidenceStore store(data.path());
        EvidenceStore::Publication publication(store);
        Status st =
            publication.publish(QStringLiteral("sha256:") + QString(64, QLatin1Char('0')) + ":xray.jpg");
        QVERIFY(!st.ok());
        QCOMPARE(st.error().field, QStringLiteral("evidence"));
        QVERIFY(!QDir(data.filePath(QStringLiteral("evidence"))).exists());
    }

    void refusesAStagedCopyChangedSince()
    {
        QTemporaryDir source, data;
        EvidenceStore store(data.path());
        auto ref = store.store(writeFile(source, QStringLiteral("x.jpg"), "x-ray"));
        QVERIFY(ref.ok());
        writeFile(data,
                  QStringLiteral("evidence-staging/") + QFileInfo(store.pathFor(ref.value())).fileName(),
                  "swapped");
        EvidenceStore::Publication publication(store);
        QVERIFY(!publication.publish(ref.value()).ok());
        QVERIFY(!QFile::exists(store.storedPathFor(ref.value())));
    }

    void sweepsOldStagedCopies()
    {
        QTemporaryDir source, data;
        EvidenceStore store(data.path());
        auto ref = store.store(writeFile(source, QStringLiteral("x.jpg"), "x-ray"));
        QVERIFY(ref.ok());
        const QString staged = store.pathFor(ref.value());
        store.sweepStaging(QDateTime::currentDateTimeUtc());
        QVERIFY(QFile::exists(staged));
        store.sweepStaging(
            QDateTime::currentDateTimeUtc().addSecs(EvidenceStore::kStagingLifetimeSeconds + 60));
        QVERIFY(!QFile::exists(staged));
    }

    void rejectsWhatIsNotAFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("missing") << "/nonexistent/photo.jpg";
        QTest::newRow("folder") << "/tmp";
        QTest::newRow("empty name") << "";
    }
    void rejectsWhatIsNotAFile()
    {
        QFETCH(QString, path);
        QTemporaryDir data;
        auto ref = EvidenceStore(data.path()).store(path);
        QVERIFY(!ref.ok());
        QCOMPARE(ref.error().field, QStringLiteral("evidence"));
    }

    // Before storage/InputFile, /dev/zero was read until memory ran out and a FIFO blocked for ever.
    void refusesSpecialFilesQuickly_data()
    {
        test::addSpecialFileRows(QStringLiteral("is larger than 200 MiB"));
    }
    void refusesSpecialFilesQuickly()
    {
        QFETCH(QString, kind);
        QFETCH(QString, words);
        QFETCH(int, code);
        QTemporaryDir source, data;
        const QString path =
            test::makeSpecialFile(kind, source, QStringLiteral("camera-pipe"), EvidenceStore::kMaxFileBytes);
        QVERIFY(!path.isEmpty());
        QElapsedTimer timer;
        timer.start();
        auto ref = EvidenceStore(data.path()).store(path);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!ref.ok());
        QCOMPARE(int(ref.error().code), code);
        QCOMPARE(ref.error().field, QStringLiteral("evidence"));
        QVERIFY2(ref.error().english.contains(words), qPrintable(ref.error().english));
        // nothing was stored
        QVERIFY(!QDir(data.filePath("evidence")).exists());
        // and the list form refuses the same
        QVERIFY(!EvidenceStore(data.path()).expandArgument({"evidence=" + path}).ok());
    }

    void referenceFormatIsStrict()
    {
        const QString hash(64, QLatin1Char('a'));
        QVERIFY(EvidenceStore::isReferenceList("sha256:" + hash + ":x.png"));
        QVERIFY(EvidenceStore::isReferenceList("sha256:" + hash + ":x.png;sha256:" + hash + ":y.png"));
        QVERIFY(!EvidenceStore::isReferenceList("sha256:" + hash.left(63) + ":x.png"));
        QVERIFY(!EvidenceStore::isReferenceList("sha256:" + hash + ":../../etc/passwd"));
        QVERIFY(!EvidenceStore::isReferenceList("/home/op/x.png"));
        QVERIFY(!EvidenceStore::isReferenceList(""));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceStore)
#include "TestEvidenceStore.moc"
