// Every station form, the trace and the dashboard as a shop monitor shows them: 1920x1080 and
// 1366x768, in English and in Chinese (the zh_CN translation the app ships). Fails when a form
// needs a scroll bar, the dashboard a horizontal one, or a text does not fit where it is shown: a
// label's or button's, a table's column title or value, a chart's axis label. With REWORK_SCREENSHOT_DIR set,
// each screen is saved there as a PNG (the README's pictures).
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "common/BarChart.h"
#include "common/TimelineModel.h"
#include "dashboard/DashboardPage.h"
#include "demo/DemoGenerator.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "storage/Sql.h"
#include "tracing/GenealogyModel.h"
#include "tracing/TracePage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QTreeView>
#include <QVBoxLayout>

using namespace rework;

namespace {

/// Where a widget sits, for a failure message: its object name or class and its text.
QString nameOf(const QWidget* w, const QString& text)
{
    const QString name =
        w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
    return QStringLiteral("%1 \"%2\"").arg(name, text.left(60));
}

/// Whether the operator can see `w` at all (shown, and not scrolled or clipped away entirely).
bool onScreen(const QWidget* w, const QWidget* top)
{
    return w->isVisibleTo(top) && !w->visibleRegion().isEmpty();
}

/// The room a button's style gives its text (inside frame and padding, beside the indicator).
int textRoom(QAbstractButton* b)
{
    QStyleOptionButton option;
    option.initFrom(b);
    option.text = b->text();
    option.icon = b->icon();
    option.iconSize = b->iconSize();
    QStyle::SubElement contents = QStyle::SE_PushButtonContents;
    if (qobject_cast<QCheckBox*>(b))
        contents = QStyle::SE_CheckBoxContents;
    else if (qobject_cast<QRadioButton*>(b))
        contents = QStyle::SE_RadioButtonContents;
    int room = b->style()->subElementRect(contents, &option, b).width();
    if (!b->icon().isNull())
        room -= b->iconSize().width() + 4;
    return room;
}

/// Every text under `root` that does not fit the widget showing it: a label's line wider than
/// the label, a wrapped label taller than its height, a button's text wider than its room, a
/// tab's title wider than its tab.
QStringList cutTexts(QWidget* root)
{
    QStringList cut;
    QWidget* top = root->window();
    for (QLabel* label : root->findChildren<QLabel*>()) {
        const QString text = label->text();
        if (text.isEmpty() || !onScreen(label, top) || label->textFormat() == Qt::RichText ||
            (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text)))
            continue;
        const int room = label->contentsRect().width() - 2 * label->margin() - std::max(0, label->indent());
        if (label->wordWrap()) {
            if (label->heightForWidth(label->width()) > label->height())
                cut << nameOf(label, text) +
                           QStringLiteral(": wrapped text taller than the label (%1 > %2 px)")
                               .arg(label->heightForWidth(label->width()))
                               .arg(label->height());
            continue;
        }
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            const int needed = label->fontMetrics().horizontalAdvance(line);
            if (needed > room)
                cut << nameOf(label, line) + QStringLiteral(": %1 px of text in %2 px").arg(needed).arg(room);
        }
    }
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        QString text = button->text();
        text.remove(QLatin1Char('&')); // a mnemonic's marker is not drawn
        if (text.isEmpty() || !onScreen(button, top) || qobject_cast<QTabBar*>(button->parentWidget()))
            continue;
        const int needed = button->fontMetrics().horizontalAdvance(text);
        const int room = textRoom(button);
        if (needed > room)
            cut << nameOf(button, text) + QStringLiteral(": %1 px of text in %2 px").arg(needed).arg(room);
    }
    for (QTabBar* bar : root->findChildren<QTabBar*>()) {
        if (!onScreen(bar, top))
            continue;
        const int padding = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
        for (int i = 0; i < bar->count(); ++i) {
            if (!bar->isTabVisible(i))
                continue;
            const int needed = bar->fontMetrics().horizontalAdvance(bar->tabText(i)) + padding;
            if (needed > bar->tabRect(i).width())
                cut << nameOf(bar, bar->tabText(i)) + QStringLiteral(": tab %1 px wide for %2 px")
                                                          .arg(bar->tabRect(i).width())
                                                          .arg(needed);
        }
    }
    return cut;
}

/// Whether `text` holds a Chinese character (CJK unified ideographs).
bool hasChinese(const QString& text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

/// The room the style leaves an item view's text inside its cell, on each side.
int cellTextMargin(const QWidget* view)
{
    return view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
}

/// Every header title and cell text of the tables and trees under `root` that their column
/// cuts short (drawn elided), in the rows in sight. Wrapping views are left out: their text
/// wraps instead of being cut.
QStringList cutCells(QWidget* root)
{
    QStringList cut;
    QWidget* top = root->window();
    for (QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        QAbstractItemModel* model = view->model();
        // Shown, even below the fold of a scrolling page: the supervisor scrolls to it.
        if (!model || !view->isVisibleTo(top) || view->size().isEmpty() || qobject_cast<QHeaderView*>(view))
            continue;
        const int margin = cellTextMargin(view);
        const QRect sight = view->viewport()->rect();
        QHeaderView* header = nullptr;
        if (auto* table = qobject_cast<QTableView*>(view))
            header = table->horizontalHeader();
        else if (auto* tree = qobject_cast<QTreeView*>(view))
            header = tree->header();
        if (header && header->isVisible()) {
            const int headerMargin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            for (int c = 0; c < model->columnCount(); ++c) {
                if (header->isSectionHidden(c) || header->sectionSize(c) == 0)
                    continue;
                const QString title = model->headerData(c, Qt::Horizontal).toString();
                const int needed = header->fontMetrics().horizontalAdvance(title) + 2 * headerMargin;
                const int x = header->sectionViewportPosition(c);
                if (needed > header->sectionSize(c) && x + header->sectionSize(c) > 0 && x < sight.width())
                    cut << nameOf(view, title) + QStringLiteral(": column title %1 px in %2 px")
                                                     .arg(needed)
                                                     .arg(header->sectionSize(c));
            }
        }
        const auto* table = qobject_cast<QTableView*>(view);
        if (table && table->wordWrap())
            continue;
        for (int r = 0; r < std::min(model->rowCount(), 40); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(r, c);
                const QRect cell = view->visualRect(index);
                const QString text = index.data().toString();
                if (text.isEmpty() || !cell.intersects(sight) || !index.data(Qt::DecorationRole).isNull())
                    continue;
                QFont font = view->font();
                if (const QVariant f = index.data(Qt::FontRole); f.isValid())
                    font = f.value<QFont>();
                const int needed =
                    QFontMetrics(font).horizontalAdvance(text.section(QLatin1Char('\n'), 0, 0));
                if (needed + 2 * margin > cell.width())
                    cut << nameOf(view, text) + QStringLiteral(": cell text %1 px in %2 px")
                                                    .arg(needed + 2 * margin)
                                                    .arg(cell.width());
            }
        }
    }
    return cut;
}

/// Every text of the charts under `root` that the chart drew shortened: Qt Charts ends an axis
/// label, a bar's category or a title that does not fit with "...".
QStringList cutChartTexts(QWidget* root)
{
    QStringList cut;
    QWidget* top = root->window();
    for (QGraphicsView* view : root->findChildren<QGraphicsView*>()) {
        // A chart view's own visible region reads empty offscreen: shown and sized is enough.
        if (!view->scene() || !view->isVisibleTo(top) || view->size().isEmpty())
            continue;
        for (QGraphicsItem* item : view->scene()->items()) {
            const auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item);
            if (!text || !text->isVisible())
                continue;
            const QString plain = text->toPlainText();
            if (plain.endsWith(QStringLiteral("...")) || plain.endsWith(QChar(0x2026)))
                cut << nameOf(view, plain) + QStringLiteral(": a chart text drawn shortened");
        }
    }
    return cut;
}

/// The scroll area around `w`, if it sits in one.
QScrollArea* scrollAreaAround(QWidget* w)
{
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(p))
            return area;
    }
    return nullptr;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;

    /// The window maximised on a screen of `screen` less a 40 px taskbar.
    static void fit(MainWindow& w, const QSize& screen) { w.resize(screen - QSize(0, 40)); }

private slots:
    void initTestCase()
    {
        // A line with history: every chart and table of the dashboard has something to show.
        DemoGenerator::Options o;
        o.units = 120;
        o.seed = 21;
        t = std::make_unique<test::TestDatabase>(o); // the history ends at the test's clock
    }

    /// The check itself: a label and a button too narrow for their text are caught, and the
    /// same at their natural size are not.
    void theCheckSeesACutText()
    {
        QWidget window;
        auto* label = new QLabel(QStringLiteral("Donor card serial sticker"), &window);
        auto* button = new QPushButton(QStringLiteral("Import nvidia-smi report…"), &window);
        auto* box = new QCheckBox(QStringLiteral("physical damage"), &window);
        for (QWidget* w :
             {static_cast<QWidget*>(label), static_cast<QWidget*>(button), static_cast<QWidget*>(box)})
            w->resize(w->sizeHint());
        button->move(0, 40);
        box->move(0, 100);
        window.resize(600, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(cutTexts(&window).isEmpty(), qPrintable(cutTexts(&window).join(QLatin1Char('\n'))));
        for (QWidget* w :
             {static_cast<QWidget*>(label), static_cast<QWidget*>(button), static_cast<QWidget*>(box)})
            w->resize(w->sizeHint().width() / 2, w->sizeHint().height());
        QCOMPARE(cutTexts(&window).size(), 3);
    }

    /// The same for a table's column and a chart's category label: caught when cut short, not
    /// when there is room.
    void theCheckSeesACutCellAndChartLabel()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        QStandardItemModel model(1, 1);
        model.setHorizontalHeaderLabels({QStringLiteral("Measurement")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("burn-in Gflop/s per GPU, RTX 4090 D")));
        auto* table = new QTableView(&window);
        table->setWordWrap(false);
        table->setModel(&model);
        layout->addWidget(table);
        const QString longName = QStringLiteral("Stencil misaligned at reball, second pass");
        QChart* chart = BarChart::create(QStringLiteral("Pareto"));
        BarChart::setBars(chart, {longName, QStringLiteral("Short")}, {5, 3}, Qt::Horizontal);
        auto* view = new QChartView(chart, &window);
        layout->addWidget(view);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->setMinimumSize(900, 300);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(30);
        QVERIFY2(cutCells(&window).isEmpty(), qPrintable(cutCells(&window).join(QLatin1Char('\n'))));
        QVERIFY2(cutChartTexts(&window).isEmpty(),
                 qPrintable(cutChartTexts(&window).join(QLatin1Char('\n'))));
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->setColumnWidth(0, 60);
        view->setMinimumSize(120, 300);
        view->setMaximumWidth(160);
        QTest::qWait(30);
        QVERIFY2(cutCells(&window).size() == 2,
                 qPrintable(cutCells(&window).join(QLatin1Char('\n')))); // title, value
        QStringList seen;
        for (QGraphicsItem* item : view->scene()->items())
            if (auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item))
                seen << text->toPlainText();
        QVERIFY2(!cutChartTexts(&window).isEmpty(), qPrintable(seen.join(QStringLiteral(" ; "))));
    }

    void everyScreenFitsAndShowsItsTextsWhole_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("screen");
        for (const char* language : {"en", "zh_CN"}) {
            for (const QSize& screen : {QSize(1920, 1080), QSize(1366, 768)})
                QTest::addRow("%s-%dx%d", language, screen.width(), screen.height())
                    << QString::fromLatin1(language) << screen;
        }
    }
    void everyScreenFitsAndShowsItsTextsWhole()
    {
        QFETCH(QString, language);
        QFETCH(QSize, screen);
        // Translations as the app loads them (main.cpp): Qt's own, then ours.
        QTranslator qt, ours;
        if (language != QLatin1String("en")) {
            if (qt.load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QApplication::installTranslator(&qt);
            QVERIFY(ours.load(QLocale(language), QStringLiteral("reworktrack"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
            QApplication::installTranslator(&ours);
        }
        auto removeTranslators = qScopeGuard([&] {
            QApplication::removeTranslator(&ours);
            QApplication::removeTranslator(&qt);
        });
        // Built after the translators: every text in the chosen language.
        MainWindow w(t->db(), t->recorder());
        fit(w, screen);
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const QString size = QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height());
        QStringList problems;

        for (const char* station :
             {"INTAKE-1", "STRIP-1", "REBALL-1", "MOUNT-1", "INSPECT-1", "TEST-1", "PACK-1"}) {
            test::logInAt(w, QString::fromLatin1(station), QStringLiteral("SUP1"));
            StepForm* form = w.currentForm();
            QVERIFY2(form, station);
            fit(w, screen);
            QTest::qWait(30); // layouts settle as they do before the operator looks
            const QString where =
                QStringLiteral("%1 %2 %3: ").arg(language, size, QString::fromLatin1(station));
            test::screenshot(&w, QStringLiteral("form-%1-%2-%3").arg(stepName(form->step()), language, size));
            if (w.size() != screen - QSize(0, 40))
                problems << where + QStringLiteral("the window cannot be as small as the screen (%1x%2)")
                                        .arg(w.width())
                                        .arg(w.height());
            for (const QString& cut : cutTexts(form))
                problems << where + cut;
            QStringList scrolls;
            for (QScrollArea* area : form->findChildren<QScrollArea*>()) {
                if (area->verticalScrollBar()->maximum() > 0 || area->horizontalScrollBar()->maximum() > 0)
                    scrolls << where + QStringLiteral("the form scrolls (%1 px more than its %2 px)")
                                           .arg(area->verticalScrollBar()->maximum())
                                           .arg(area->viewport()->height());
            }
            if (QScrollArea* around = scrollAreaAround(form);
                around &&
                (around->verticalScrollBar()->maximum() > 0 || around->horizontalScrollBar()->maximum() > 0))
                scrolls << where + QStringLiteral("the station page scrolls");
            QVERIFY2(scrolls.isEmpty(), qPrintable(scrolls.join(QLatin1Char('\n'))));
        }

        // The trace of a unit with the longest history the demo line has (a repair loop), as a
        // supervisor reads it.
        {
            Result<QVariant> serial = sql::scalar(
                t->db().connection(), QStringLiteral("SELECT serial FROM units WHERE state = 'packed' "
                                                     "ORDER BY repair_count DESC, serial LIMIT 1"));
            QVERIFY(serial.ok() && !serial.value().toString().isEmpty());
            test::logInAt(w, QStringLiteral("PACK-1"), QStringLiteral("SUP1"));
            w.tabs()->setCurrentWidget(w.tracePage());
            w.tracePage()->trace(serial.value().toString());
            fit(w, screen);
            QTest::qWait(30);
            const QString where = QStringLiteral("%1 %2 trace: ").arg(language, size);
            test::screenshot(&w, QStringLiteral("trace-%1-%2").arg(language, size));
            for (const QString& cut : cutTexts(w.tracePage()) + cutCells(w.tracePage()))
                problems << where + cut;
            // In Chinese every item's kind and state reads in Chinese, never as a code.
            const QAbstractItemModel* tree = w.tracePage()->genealogyView()->model();
            std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
                for (int r = 0; r < tree->rowCount(parent); ++r) {
                    for (int column : {int(GenealogyModel::Item), int(GenealogyModel::State)}) {
                        const QString text = tree->index(r, column, parent).data().toString();
                        if (language != QLatin1String("en") && !text.isEmpty() && !hasChinese(text))
                            problems << where +
                                            QStringLiteral("untranslated \"%1\" in the genealogy").arg(text);
                    }
                    walk(tree->index(r, 0, parent));
                }
            };
            walk({});
            // And the timeline: every step's name and outcome in Chinese too.
            const TimelineModel* timeline = w.tracePage()->timelineModel();
            QVERIFY(timeline->rowCount() > 0);
            for (int r = 0; r < timeline->rowCount(); ++r) {
                for (int column : {int(TimelineModel::StepColumn), int(TimelineModel::Outcome)}) {
                    const QString text = timeline->index(r, column).data().toString();
                    if (language != QLatin1String("en") && !text.isEmpty() && !hasChinese(text))
                        problems << where + QStringLiteral("untranslated \"%1\" in the timeline").arg(text);
                }
            }
        }

        // The dashboard, refreshed, as a supervisor opens it.
        DashboardPage* d = w.dashboard();
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        w.tabs()->setCurrentWidget(scrollAreaAround(d) ? static_cast<QWidget*>(scrollAreaAround(d)) : d);
        d->refresh();
        QVERIFY(refreshed.wait(20000) || !refreshed.isEmpty());
        QTRY_VERIFY(!d->isRefreshing());
        fit(w, screen);
        QTest::qWait(50);
        const QString where = QStringLiteral("%1 %2 dashboard: ").arg(language, size);
        if (QScrollArea* around = scrollAreaAround(d); around && around->horizontalScrollBar()->maximum() > 0)
            problems << where + QStringLiteral("a horizontal scroll bar (%1 px wider than %2 px)")
                                    .arg(around->horizontalScrollBar()->maximum())
                                    .arg(around->viewport()->width());
        test::screenshot(&w, QStringLiteral("dashboard-%1-%2").arg(language, size));
        // In Chinese the charts name steps, defects and shifts in Chinese, never by their codes.
        if (language != QLatin1String("en")) {
            for (QChart* chart : {d->wipChart(), d->paretoChart(), d->throughputChart()}) {
                for (QAbstractAxis* axis : chart->axes()) {
                    auto* categories = qobject_cast<QBarCategoryAxis*>(axis);
                    for (const QString& name : categories ? categories->categories() : QStringList()) {
                        if (!hasChinese(name))
                            problems << where + QStringLiteral("untranslated chart category \"%1\" in \"%2\"")
                                                    .arg(name, chart->title());
                    }
                }
            }
        }
        // Each tab of its tables in turn: a column too narrow for its title or its values, a
        // chart's label cut short.
        for (QTabWidget* tabs : d->findChildren<QTabWidget*>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i))
                    continue;
                tabs->setCurrentIndex(i);
                QTest::qWait(30);
                for (const QString& cut : cutTexts(d) + cutCells(d) + cutChartTexts(d))
                    problems << where + tabs->tabText(i) + QStringLiteral(": ") + cut;
            }
        }
        problems.removeDuplicates();
        w.logout();

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
