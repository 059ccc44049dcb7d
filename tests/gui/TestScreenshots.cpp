// Every station form and the dashboard as a shop monitor shows them: 1920x1080 and 1366x768, in
// English and in Chinese (the zh_CN translation the app ships). Fails when a form needs a
// scroll bar, the dashboard a horizontal one, or a label's or button's text does not fit its
// widget (cut or elided). With REWORK_SCREENSHOT_DIR set, each screen is saved there as a PNG
// (the README's pictures).
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "dashboard/DashboardPage.h"
#include "demo/DemoGenerator.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTranslator>

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
        t = std::make_unique<test::TestDatabase>();
        // A line with history: every chart and table of the dashboard has something to show.
        DemoGenerator::Options o;
        o.units = 120;
        o.seed = 21;
        o.end = t->clock().now();
        QVERIFY(DemoGenerator::generate(t->db(), o).ok());
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
        for (const QString& cut : cutTexts(d))
            problems << where + cut;
        test::screenshot(&w, QStringLiteral("dashboard-%1-%2").arg(language, size));
        w.logout();

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
