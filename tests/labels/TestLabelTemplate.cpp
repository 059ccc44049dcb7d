// Label templates: the shipped ones load, user copies win, and every kind of bad template is
// refused with a message that says what to fix.
#include "labels/FilledLabel.h"
#include "labels/LabelTemplateStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace rework;

namespace {

QByteArray withElement(const QJsonObject& element, double width = 60, double height = 30, int dpi = 300)
{
    QJsonObject root{{"name", "t"},         {"kind", "unit"}, {"width_mm", width},
                     {"height_mm", height}, {"dpi", dpi},     {"elements", QJsonArray{element}}};
    return QJsonDocument(root).toJson();
}

QJsonObject code128(const QString& data, double w = 50, double h = 10)
{
    return {{"type", "barcode"}, {"symbology", "code128"}, {"x_mm", 1}, {"y_mm", 1}, {"w_mm", w}, {"h_mm", h},
            {"data", data}};
}

} // namespace

class TestLabelTemplate : public QObject
{
    Q_OBJECT

private slots:
    void shippedTemplatesLoad()
    {
        QTemporaryDir data;
        LabelTemplateStore store(data.path());
        QCOMPARE(store.names(), (QStringList{"batch-label", "die-traveler", "unit-label", "unit-traveler"}));
        for (auto kind : {LabelTemplate::Kind::Die, LabelTemplate::Kind::Unit, LabelTemplate::Kind::Batch}) {
            auto t = store.load(LabelTemplateStore::defaultFor(kind));
            QVERIFY2(t.ok(), qPrintable(t ? QString() : t.error().message));
            QCOMPARE(t->kind, kind);
            QVERIFY(t->elements.size() >= 5);
        }
    }

    void userCopyWins()
    {
        QTemporaryDir data;
        QDir().mkpath(data.filePath("labels"));
        QFile f(data.filePath("labels/unit-label.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(withElement(code128("${unit.serial}"), 80, 30, 203).replace("\"t\"", "\"unit-label\""));
        f.close();
        auto t = LabelTemplateStore(data.path()).load("unit-label");
        QVERIFY(t.ok());
        QCOMPARE(t->dpi, 203);
        QCOMPARE(t->widthMm, 80.0);
        // and a broken user copy names its file
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
        f.close();
        auto broken = LabelTemplateStore(data.path()).load("unit-label");
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains("unit-label.json"));
        QCOMPARE(LabelTemplateStore(data.path()).load("no-such").error().code, ErrorCode::UnknownField);
        QCOMPARE(LabelTemplateStore(data.path()).load("../etc/passwd").error().code, ErrorCode::InvalidValue);
    }

    void badTemplatesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("{\"name\": ") << "JSON error";
        QTest::newRow("array") << QByteArray("[1, 2]") << "not a label template";
        QTest::newRow("unknown root key")
            << QByteArray(
                   R"({"name":"t","kind":"unit","width_mm":50,"height_mm":20,"dpi":300,"colour":"red","elements":[]})")
            << "unknown setting \"colour\"";
        QTest::newRow("bad name") << withElement(code128("X")).replace("\"t\"", "\"Bad Name!\"") << "name";
        QTest::newRow("bad kind") << withElement(code128("X")).replace("\"unit\"", "\"pallet\"") << "kind";
        QTest::newRow("no elements")
            << QByteArray(
                   R"({"name":"t","kind":"unit","width_mm":50,"height_mm":20,"dpi":300,"elements":[]})")
            << "no elements";
        QTest::newRow("huge label") << withElement(code128("X"), 5000, 30) << "5 to 300 mm";
        QTest::newRow("tiny label") << withElement(code128("X"), 2, 30) << "5 to 300 mm";
        QTest::newRow("dpi 150") << withElement(code128("X"), 60, 30, 150) << "dpi";
        QTest::newRow("unknown element")
            << withElement({{"type", "circle"}, {"x_mm", 1}, {"y_mm", 1}, {"w_mm", 5}, {"h_mm", 5}})
            << "unknown type";
        QJsonObject misspelt = code128("X");
        misspelt.insert("colour", "red");
        QTest::newRow("unknown element key") << withElement(misspelt) << "unknown setting \"colour\"";
        QTest::newRow("out of page") << withElement(code128("X", 70, 10)) << "reaches past";
        QTest::newRow("below the page")
            << withElement(
                   {{"type", "text"}, {"x_mm", 1}, {"y_mm", 28}, {"w_mm", 20}, {"h_mm", 5}, {"text", "x"}})
            << "reaches past";
        QTest::newRow("negative")
            << withElement({{"type", "box"}, {"x_mm", -1}, {"y_mm", 1}, {"w_mm", 5}, {"h_mm", 5}})
            << "none negative";
        QTest::newRow("text without text")
            << withElement({{"type", "text"}, {"x_mm", 1}, {"y_mm", 1}, {"w_mm", 20}, {"h_mm", 5}})
            << "needs \"text\"";
        QTest::newRow("huge font") << withElement({{"type", "text"},
                                                   {"x_mm", 1},
                                                   {"y_mm", 1},
                                                   {"w_mm", 20},
                                                   {"h_mm", 5},
                                                   {"text", "x"},
                                                   {"size_pt", 500}})
                                   << "size_pt";
        QTest::newRow("unknown symbology") << withElement({{"type", "barcode"},
                                                           {"symbology", "pdf417"},
                                                           {"x_mm", 1},
                                                           {"y_mm", 1},
                                                           {"w_mm", 20},
                                                           {"h_mm", 5},
                                                           {"data", "X"}})
                                           << "symbology";
        QTest::newRow("bad GS1 data") << withElement({{"type", "barcode"},
                                                      {"symbology", "gs1-128"},
                                                      {"x_mm", 1},
                                                      {"y_mm", 1},
                                                      {"w_mm", 50},
                                                      {"h_mm", 10},
                                                      {"data", "no AI here"}})
                                      << "cannot be encoded";
        QTest::newRow("barcode without data") << withElement({{"type", "barcode"},
                                                              {"symbology", "qr"},
                                                              {"x_mm", 1},
                                                              {"y_mm", 1},
                                                              {"w_mm", 20},
                                                              {"h_mm", 20}})
                                              << "needs \"data\"";
        QTest::newRow("image outside its folder") << withElement({{"type", "image"},
                                                                  {"x_mm", 1},
                                                                  {"y_mm", 1},
                                                                  {"w_mm", 5},
                                                                  {"h_mm", 5},
                                                                  {"file", "../x.png"}})
                                                  << "image";
        const auto image = [](const QString& file) {
            return withElement(
                {{"type", "image"}, {"x_mm", 1}, {"y_mm", 1}, {"w_mm", 5}, {"h_mm", 5}, {"file", file}});
        };
        QTest::newRow("image by absolute path") << image("/etc/passwd") << "no absolute path";
        QTest::newRow("image from a resource") << image(":/labels/logo.png") << "no absolute path";
        QTest::newRow("image below a parent") << image("logos/../../x.png") << "no absolute path";
        QTest::newRow("hidden image") << image(".x.png") << "no absolute path";
        QTest::newRow("image with a line break") << image("x\n.png") << "no absolute path";
        QTest::newRow("image ending in a line break") << image("x.png\n") << "no absolute path";
        const auto text = [](const QString& t) {
            return withElement(
                {{"type", "text"}, {"x_mm", 1}, {"y_mm", 1}, {"w_mm", 20}, {"h_mm", 5}, {"text", t}});
        };
        QTest::newRow("text with a line break") << text("a\nb") << "one line";
        QTest::newRow("text with a control character")
            << text(QStringLiteral("a") + QChar(0x1b) + QStringLiteral("b")) << "one line";
        QTest::newRow("text too long") << text(QString(501, 'x')) << "at most 500";
        QTest::newRow("font with a line break") << withElement({{"type", "text"},
                                                                {"x_mm", 1},
                                                                {"y_mm", 1},
                                                                {"w_mm", 20},
                                                                {"h_mm", 5},
                                                                {"text", "x"},
                                                                {"font", "Sans\n^XZ"}})
                                                << "font name";
        QTest::newRow("barcode data too long") << withElement({{"type", "barcode"},
                                                               {"symbology", "qr"},
                                                               {"x_mm", 1},
                                                               {"y_mm", 1},
                                                               {"w_mm", 20},
                                                               {"h_mm", 20},
                                                               {"data", QString(501, 'X')}})
                                               << "at most 500";
        QTest::newRow("description with a line break")
            << withElement(code128("X")).replace("\"name\"", "\"description\":\"a\\nb\",\"name\"")
            << "description";
        QTest::newRow("name with a line break")
            << withElement(code128("X")).replace("\"t\"", "\"t\\n\"") << "name";
        // JSON has no NaN; a number too large for a double reads as infinity or not at all.
        QTest::newRow("infinite width")
            << withElement(code128("X")).replace("\"width_mm\": 60", "\"width_mm\": 1e999") << "";
        QJsonArray images;
        for (int i = 0; i < 9; ++i)
            images.append(QJsonObject{
                {"type", "image"}, {"x_mm", 1}, {"y_mm", 1}, {"w_mm", 5}, {"h_mm", 5}, {"file", "logo.png"}});
        QTest::newRow("too many images") << QJsonDocument(QJsonObject{{"name", "t"},
                                                                      {"kind", "unit"},
                                                                      {"width_mm", 60},
                                                                      {"height_mm", 30},
                                                                      {"dpi", 300},
                                                                      {"elements", images}})
                                                .toJson()
                                         << "at most 8 images";
        QTest::newRow("thick line") << withElement({{"type", "line"},
                                                    {"x_mm", 1},
                                                    {"y_mm", 1},
                                                    {"w_mm", 20},
                                                    {"h_mm", 0},
                                                    {"thickness_mm", 50}})
                                    << "thickness_mm";
        QJsonArray many;
        for (int i = 0; i < 201; ++i)
            many.append(code128("X"));
        QTest::newRow("too many elements") << QJsonDocument(QJsonObject{{"name", "t"},
                                                                        {"kind", "unit"},
                                                                        {"width_mm", 60},
                                                                        {"height_mm", 30},
                                                                        {"dpi", 300},
                                                                        {"elements", many}})
                                                  .toJson()
                                           << "at most 200";
        QTest::newRow("huge file") << QByteArray(300 * 1024, ' ') << "256 KB";
        // Two images of 100 × 100 mm at 600 dpi are 11 million dots: 2.8 MB of ZPL for one label.
        QJsonArray bigImages;
        for (int i = 0; i < 2; ++i)
            bigImages.append(QJsonObject{{"type", "image"},
                                         {"x_mm", 1},
                                         {"y_mm", 1},
                                         {"w_mm", 100},
                                         {"h_mm", 100},
                                         {"file", "a.png"}});
        QTest::newRow("images too large") << QJsonDocument(QJsonObject{{"name", "t"},
                                                                       {"kind", "unit"},
                                                                       {"width_mm", 150},
                                                                       {"height_mm", 150},
                                                                       {"dpi", 600},
                                                                       {"elements", bigImages}})
                                                 .toJson()
                                          << "element 2: the images cover more than 8 million";
    }

    void badTemplatesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        auto t = LabelTemplate::parse(json);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message.contains(says), qPrintable(t.error().message));
    }

    void missingVariableIsAnErrorNotABlank()
    {
        auto t = LabelTemplate::parse(withElement(code128("${unit.serial}")));
        QVERIFY(t.ok());
        auto none = FilledLabel::fill(t.value(), {});
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, ErrorCode::MissingField);
        QVERIFY(none.error().message.contains("${unit.serial}"));
        QVERIFY(!FilledLabel::fill(t.value(), {{"unit.serial", ""}}).ok());
        auto filled = FilledLabel::fill(t.value(), {{"unit.serial", "UD1ABC"}});
        QVERIFY(filled.ok());
        QCOMPARE(filled->texts.first(), QStringLiteral("UD1ABC"));
        QCOMPARE(LabelData::expand("${broken", {}).error().code, ErrorCode::InvalidValue);
    }

    void dataThatDoesNotFitIsRefused()
    {
        auto t = LabelTemplate::parse(withElement({{"type", "barcode"},
                                                   {"symbology", "qr"},
                                                   {"x_mm", 1},
                                                   {"y_mm", 1},
                                                   {"w_mm", 8},
                                                   {"h_mm", 8},
                                                   {"data", "${batch.serials}"}}));
        QVERIFY(t.ok());
        auto filled = FilledLabel::fill(t.value(), {{"batch.serials", QString(1500, QLatin1Char('U'))}});
        QVERIFY(!filled.ok());
        QCOMPARE(filled.error().code, ErrorCode::OutOfRange);
        QVERIFY(filled.error().message.contains("does not fit"));
    }

    void gs1TakesParenthesesAndBrackets()
    {
        auto brackets = BarcodeSymbol::encode(BarcodeSymbol::Type::Gs1_128, "[01]09506000134352[21]ABC123");
        auto parens = BarcodeSymbol::encode(BarcodeSymbol::Type::Gs1_128, "(01)09506000134352(21)ABC123");
        QVERIFY2(brackets.ok(), qPrintable(brackets ? QString() : brackets.error().message));
        QVERIFY2(parens.ok(), qPrintable(parens ? QString() : parens.error().message));
        QCOMPARE(parens->columns(), brackets->columns());
        for (int c = 0; c < parens->columns(); ++c)
            QCOMPARE(parens->isDark(0, c), brackets->isDark(0, c));
    }

    void gs1BadDataIsRefused_data()
    {
        QTest::addColumn<QString>("data");
        QTest::newRow("wrong GTIN check digit") << "(01)09506000134353(21)ABC123";
        QTest::newRow("wrong check digit, brackets") << "[01]09506000134353";
        QTest::newRow("GTIN too short") << "(01)0950600013435";
        QTest::newRow("serial too long") << "(01)09506000134352(21)ABCDEFGHIJKLMNOPQRSTU";
        QTest::newRow("unknown AI") << "(99999)1";
        QTest::newRow("no AI") << "09506000134352";
    }

    void gs1BadDataIsRefused()
    {
        QFETCH(QString, data);
        auto r = BarcodeSymbol::encode(BarcodeSymbol::Type::Gs1_128, data);
        QVERIFY2(!r.ok(), qPrintable(data));
        QCOMPARE(r.error().code, ErrorCode::InvalidValue);
        QVERIFY(r.error().message.contains("cannot be encoded"));
    }

    void barcodesBelowAReadableModuleAreRefused_data()
    {
        QTest::addColumn<QString>("symbology");
        QTest::addColumn<QString>("data");
        QTest::addColumn<double>("widthMm");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<bool>("fits");
        // UD1TESTGOLD01 is 198 modules with its quiet zones: one dot each takes 24.8 mm at 203 dpi,
        // two dots 49.6 mm. One dot (0.125 mm) fitted before; a scanner does not read it.
        QTest::newRow("code128 at 1 dot, 203 dpi") << "code128"
                                                   << "UD1TESTGOLD01" << 30.0 << 203 << false;
        QTest::newRow("code128 at 2 dots, 203 dpi") << "code128"
                                                    << "UD1TESTGOLD01" << 50.0 << 203 << true;
        QTest::newRow("code128 at 1 dot, 300 dpi") << "code128"
                                                   << "UD1TESTGOLD01" << 25.0 << 300 << false;
        QTest::newRow("code128 at 2 dots, 300 dpi") << "code128"
                                                    << "UD1TESTGOLD01" << 34.0 << 300 << true;
        // (01)09506000134352 is 154 modules; GS1 needs 0.25 mm: 3 dots at 300 dpi, not 2.
        QTest::newRow("gs1 at 2 dots, 300 dpi") << "gs1-128"
                                                << "(01)09506000134352" << 30.0 << 300 << false;
        QTest::newRow("gs1 at 3 dots, 300 dpi") << "gs1-128"
                                                << "(01)09506000134352" << 40.0 << 300 << true;
    }

    void barcodesBelowAReadableModuleAreRefused()
    {
        QFETCH(QString, symbology);
        QFETCH(QString, data);
        QFETCH(double, widthMm);
        QFETCH(int, dpi);
        QFETCH(bool, fits);
        QJsonObject element = code128("${x}", widthMm, 10);
        element.insert("symbology", symbology);
        auto t = LabelTemplate::parse(withElement(element, widthMm + 4, 20, dpi));
        QVERIFY2(t.ok(), qPrintable(t ? QString() : t.error().message));
        auto filled = FilledLabel::fill(t.value(), {{"x", data}});
        QCOMPARE(filled.ok(), fits);
        if (!fits) {
            QCOMPARE(filled.error().code, ErrorCode::OutOfRange);
            QVERIFY2(filled.error().message.contains("does not fit"), qPrintable(filled.error().message));
        }
    }

    void textThatWouldShrinkUnreadablyIsRefused()
    {
        QJsonObject text{{"type", "text"}, {"x_mm", 1},      {"y_mm", 1},   {"w_mm", 20},
                         {"h_mm", 3},      {"text", "${x}"}, {"size_pt", 8}};
        auto t = LabelTemplate::parse(withElement(text));
        QVERIFY(t.ok());
        QVERIFY(FilledLabel::fill(t.value(), {{"x", "UD1TESTGOLD01"}}).ok());
        auto refused = FilledLabel::fill(t.value(), {{"x", QString(80, QLatin1Char('W'))}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::OutOfRange);
        QVERIFY2(refused.error().message.contains("would shrink below"), qPrintable(refused.error().message));
    }

    void wrappedTextThatOverflowsItsBoxIsRefused()
    {
        // Two lines of 8 pt fit in 8 mm; a sentence of twenty words does not, and would be cut off.
        QJsonObject text{{"type", "text"}, {"x_mm", 1},      {"y_mm", 1},   {"w_mm", 30},
                         {"h_mm", 8},      {"text", "${x}"}, {"size_pt", 8}};
        auto t = LabelTemplate::parse(withElement(text));
        QVERIFY(t.ok());
        QVERIFY(FilledLabel::fill(t.value(), {{"x", "Scan the QR code for every unit"}}).ok());
        auto refused = FilledLabel::fill(t.value(), {{"x", QStringLiteral("word ").repeated(20).trimmed()}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::OutOfRange);
        QVERIFY2(refused.error().english.contains("needs") && refused.error().english.contains("box holds 2"),
                 qPrintable(refused.error().english));
    }

    // The image name is checked when the template is read; a link inside labels/ that leads out of
    // it (a file or a whole subfolder) is refused when the label is filled.
    void imageLinksLeadingOutOfTheFolderAreRefused()
    {
        QTemporaryDir data;
        QVERIFY(QDir().mkpath(data.filePath("labels/inside")));
        QVERIFY(QDir().mkpath(data.filePath("secret")));
        QImage logo(40, 20, QImage::Format_RGB32);
        logo.fill(Qt::black);
        QVERIFY(logo.save(data.filePath("secret/logo.png")));
        QVERIFY(logo.save(data.filePath("labels/inside/own.png")));
        QVERIFY(QFile::link(data.filePath("secret/logo.png"), data.filePath("labels/logo.png")));
        QVERIFY(QFile::link(data.filePath("secret"), data.filePath("labels/linked")));
        QVERIFY(QFile::link(data.filePath("labels/inside/own.png"), data.filePath("labels/alias.png")));
        const auto image = [](const char* file) {
            return QJsonObject{{"type", "image"}, {"x_mm", 1}, {"y_mm", 1},
                               {"w_mm", 10},      {"h_mm", 5}, {"file", file}};
        };
        for (const char* file : {"logo.png", "linked/logo.png"}) {
            auto t = LabelTemplate::parse(withElement(image(file)), data.filePath("labels"));
            QVERIFY(t.ok());
            auto filled = FilledLabel::fill(t.value(), {});
            QVERIFY2(!filled.ok(), file);
            QCOMPARE(filled.error().field, QStringLiteral("image"));
            QVERIFY2(filled.error().english.contains("outside the template's folder"),
                     qPrintable(filled.error().english));
        }
        // A link that stays inside the folder is only another name for a file in it.
        for (const char* file : {"inside/own.png", "alias.png"}) {
            auto t = LabelTemplate::parse(withElement(image(file)), data.filePath("labels"));
            QVERIFY(t.ok());
            QVERIFY2(FilledLabel::fill(t.value(), {}).ok(), file);
        }
    }

    void imagesLoadFromTheTemplatesFolder()
    {
        QTemporaryDir folder;
        QImage logo(40, 20, QImage::Format_RGB32);
        logo.fill(Qt::black);
        QVERIFY(logo.save(folder.filePath("logo.png")));
        auto t = LabelTemplate::parse(withElement({{"type", "image"},
                                                   {"x_mm", 1},
                                                   {"y_mm", 1},
                                                   {"w_mm", 10},
                                                   {"h_mm", 5},
                                                   {"file", "logo.png"}}),
                                      folder.path());
        QVERIFY(t.ok());
        auto filled = FilledLabel::fill(t.value(), {});
        QVERIFY(filled.ok());
        QCOMPARE(filled->images.first().size(), QSize(40, 20));
        QFile::remove(folder.filePath("logo.png"));
        QVERIFY(!FilledLabel::fill(t.value(), {}).ok());
    }

    // A FIFO in the templates folder once blocked printing for ever; storage/InputFile refuses it.
    void refusesImagesAndTemplatesThatAreNotFiles()
    {
        QTemporaryDir folder;
        QCOMPARE(::mkfifo(QFile::encodeName(folder.filePath("logo.png")).constData(), 0600), 0);
        auto t = LabelTemplate::parse(withElement({{"type", "image"},
                                                   {"x_mm", 1},
                                                   {"y_mm", 1},
                                                   {"w_mm", 10},
                                                   {"h_mm", 5},
                                                   {"file", "logo.png"}}),
                                      folder.path());
        QVERIFY(t.ok());
        QElapsedTimer timer;
        timer.start();
        auto filled = FilledLabel::fill(t.value(), {});
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!filled.ok());
        QCOMPARE(filled.error().field, QStringLiteral("image"));
        QVERIFY2(filled.error().english.contains("is a pipe (FIFO)"), qPrintable(filled.error().english));
        // a user template that is a FIFO, or a folder
        QTemporaryDir data;
        QVERIFY(QDir().mkpath(data.filePath("labels")));
        QCOMPARE(::mkfifo(QFile::encodeName(data.filePath("labels/unit-label.json")).constData(), 0600), 0);
        QVERIFY(QDir().mkpath(data.filePath("labels/die-traveler.json")));
        timer.restart();
        auto fifo = LabelTemplateStore(data.path()).load("unit-label");
        auto dir = LabelTemplateStore(data.path()).load("die-traveler");
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY2(fifo.error().english.contains("is a pipe (FIFO)"), qPrintable(fifo.error().english));
        QVERIFY2(dir.error().english.contains("is a folder"), qPrintable(dir.error().english));
        QCOMPARE(fifo.error().field, QStringLiteral("template"));
    }
};

QTEST_MAIN(TestLabelTemplate)
#include "TestLabelTemplate.moc"
