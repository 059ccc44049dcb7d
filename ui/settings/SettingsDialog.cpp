#include "SettingsDialog.h"

#include "DisplayScale.h"
#include "LimitsModel.h"
#include "common/FileDialogs.h"
#include "importers/TestPlanStore.h"

#include "printing/LabelPrintDialog.h"
#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "storage/LimitStore.h"
#include "storage/StationRegistry.h"
#include "sync/SyncSettings.h"
#include "workflow/Recorder.h"

#include <spdlog/spdlog.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace rework {
namespace {

constexpr LabelTemplate::Kind kKinds[] = {LabelTemplate::Kind::Die, LabelTemplate::Kind::Unit,
                                          LabelTemplate::Kind::Batch};

QString kindTitle(LabelTemplate::Kind kind)
{
    switch (kind) {
    case LabelTemplate::Kind::Die:
        return SettingsDialog::tr("Die traveler");
    case LabelTemplate::Kind::Unit:
        return SettingsDialog::tr("Unit label");
    case LabelTemplate::Kind::Batch:
        return SettingsDialog::tr("Batch label");
    }
    return {};
}

} // namespace

SettingsDialog::SettingsDialog(Database& db, Recorder& recorder, const Session& admin, QWidget* parent)
    : QDialog(parent), m_db(db), m_recorder(recorder), m_admin(admin),
      m_dataFolder(QFileInfo(db.path()).absolutePath())
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(buildPcTab(), tr("This PC"));
    tabs->addTab(buildLabelsTab(), tr("Labels"));
    tabs->addTab(buildSyncTab(), tr("Sync"));
    tabs->addTab(buildLimitsTab(), tr("Test limits"));
    layout->addWidget(tabs, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    resize(760, 560);
}

QWidget* SettingsDialog::buildPcTab()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    QSettings settings;
    m_station = new QComboBox(page);
    m_station->addItem(tr("None: operators pick the station at login"), QString());
    auto stations = StationRegistry(m_db.connection()).stations();
    for (const StationInfo& s : stations ? stations.value() : QList<StationInfo>{})
        m_station->addItem(QStringLiteral("%1 (%2)").arg(s.id, s.step), s.id);
    m_station->setCurrentIndex(
        std::max(0, m_station->findData(settings.value(QStringLiteral("station/id")))));
    form->addRow(tr("Station of this PC:"), m_station);

    m_database = new QLineEdit(settings.value(QStringLiteral("storage/database")).toString(), page);
    m_database->setPlaceholderText(Database::defaultPath());
    form->addRow(tr("Database file:"), m_database);
    form->addRow(
        QString(),
        new QLabel(tr("In use now: %1. A new file is used from the next start.").arg(m_db.path()), page));

    m_language = new QComboBox(page);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    const QString language = settings.value(QStringLiteral("ui/language")).toString();
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(language.isEmpty() ? QLocale().name() : language)));
    m_shownLanguage = m_language->currentData().toString();
    form->addRow(tr("Language:"), m_language);

    // For a monitor far from the bench: everything larger, the layout the same.
    m_scale = new QComboBox(page);
    m_scale->setObjectName(QStringLiteral("displayScale"));
    for (int percent : DisplayScale::choices())
        m_scale->addItem(tr("%1 %").arg(percent), percent);
    m_scale->setCurrentIndex(std::max(0, m_scale->findData(DisplayScale::savedPercent())));
    form->addRow(tr("Display scale:"), m_scale);
    auto* scaleNote = new QLabel(page);
    scaleNote->setObjectName(QStringLiteral("displayScaleNote"));
    scaleNote->setWordWrap(true);
    form->addRow(QString(), scaleNote);
    // The station forms are laid out for 1366 x 768: say when a scale leaves this screen less.
    const auto explainScale = [this, scaleNote] {
        const int percent = m_scale->currentData().toInt();
        const QScreen* here = screen();
        const QSize pixels = here ? here->geometry().size() * here->devicePixelRatio() : QSize();
        const QSize room = pixels * 100 / percent;
        if (here && (room.width() < 1366 || room.height() < 768))
            scaleNote->setText(tr("At %1 % this %2 x %3 screen leaves %4 x %5 for the app, less than the "
                                  "1366 x 768 the station forms need: they would scroll. Used from the "
                                  "next start.")
                                   .arg(percent)
                                   .arg(pixels.width())
                                   .arg(pixels.height())
                                   .arg(room.width())
                                   .arg(room.height()));
        else
            scaleNote->setText(tr("A new scale is used from the next start."));
    };
    connect(m_scale, &QComboBox::currentIndexChanged, this, explainScale);
    explainScale();

    m_idle = new QSpinBox(page);
    m_idle->setRange(0, 240);
    m_idle->setSuffix(tr(" min"));
    m_idle->setSpecialValueText(tr("never"));
    m_idle->setValue(
        ConfigStore(m_db.connection()).numberOrDefault(QStringLiteral("session.idle_lock_minutes")));
    form->addRow(tr("Lock the screen after:"), m_idle);
    return page;
}

QWidget* SettingsDialog::buildLabelsTab()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->addRow(new QLabel(tr("For the station chosen on \"This PC\": the label stock (template) and where "
                               "each kind of label goes."),
                            page));
    for (LabelTemplate::Kind kind : kKinds) {
        auto* templates = new QComboBox(page);
        LabelPrintDialog::addTemplates(templates, m_dataFolder, kind);
        auto* printers = new QComboBox(page);
        LabelPrintDialog::addDestinations(printers);
        auto* target = new QLineEdit(page);
        target->setPlaceholderText(tr("Zebra: address, e.g. 10.0.0.20:9100; PDF: folder or file"));
        auto* row = new QHBoxLayout;
        row->addWidget(templates, 2);
        row->addWidget(printers, 2);
        row->addWidget(target, 2);
        form->addRow(kindTitle(kind) + QLatin1Char(':'), row);
        m_templates.insert(kind, templates);
        m_printers.insert(kind, printers);
        m_targets.insert(kind, target);
    }
    connect(m_station, &QComboBox::currentIndexChanged, this, &SettingsDialog::loadLabelChoices);
    loadLabelChoices();
    return page;
}

void SettingsDialog::loadLabelChoices()
{
    const QString station = m_station->currentData().toString();
    QSettings settings;
    for (LabelTemplate::Kind kind : kKinds) {
        const auto key = [&](const char* name) {
            return LabelPrintDialog::settingsKey(station, kind, QString::fromLatin1(name));
        };
        m_templates[kind]->setCurrentIndex(
            std::max(0, m_templates[kind]->findData(settings.value(key("template")))));
        m_printers[kind]->setCurrentIndex(
            std::max(0, m_printers[kind]->findData(settings.value(key("destination")))));
        m_targets[kind]->setText(settings.value(key("target")).toString());
    }
}

QWidget* SettingsDialog::buildSyncTab()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    Result<SyncSettings> sync = SyncSettings::load(m_dataFolder);
    m_server = new QLineEdit(page);
    m_server->setPlaceholderText(
        sync ? sync->redacted() : QStringLiteral("postgresql://user@host:5432/rework?sslmode=verify-full"));
    form->addRow(tr("Central server:"), m_server);
    form->addRow(QString(), new QLabel(sync ? tr("Now: %1. Leave empty to keep it.").arg(sync->redacted())
                                            : tr("Not set up: this PC keeps its records locally."),
                                       page));
    m_serverPassword = new QLineEdit(page);
    m_serverPassword->setObjectName(QStringLiteral("serverPassword"));
    m_serverPassword->setEchoMode(QLineEdit::Password);
    m_serverPassword->setPlaceholderText(sync && !sync->password.isEmpty() ? tr("(kept; type to change it)")
                                                                           : QString());
    form->addRow(tr("Server password:"), m_serverPassword);
    // The CA that signed the server's certificate: with sslmode=verify-full the station knows
    // it talks to its own server.
    m_caFile = new QLineEdit(sync ? sync->caFile : QString(), page);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    auto* browse = new QPushButton(tr("Choose…"), page);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            FileDialogs::openFile(this, tr("CA certificate of the sync server"), m_caFile->text(),
                                  tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    form->addRow(tr("CA file (for sslmode=verify-full):"), caRow);
    m_nightly = new QTimeEdit(
        QTime::fromString(sync ? sync->nightlyAt : QStringLiteral("02:00"), QStringLiteral("HH:mm")), page);
    m_nightly->setDisplayFormat(QStringLiteral("HH:mm"));
    form->addRow(tr("Nightly sync at:"), m_nightly);
    return page;
}

QWidget* SettingsDialog::buildLimitsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_product = new QComboBox(page);
    QStringList models = m_recorder.config().products.keys();
    models.sort();
    for (const QString& model : models)
        m_product->addItem(model, model);
    auto* row = new QFormLayout;
    row->addRow(tr("Product:"), m_product);
    // The plan its units are tested to at every station (synced, as the limits below are).
    m_testPlan = new QComboBox(page);
    m_testPlan->setObjectName(QStringLiteral("testPlan"));
    row->addRow(tr("Test plan:"), m_testPlan);
    layout->addLayout(row);
    m_limits = new LimitsModel(this);
    m_limitsView = new QTableView(page);
    m_limitsView->setObjectName(QStringLiteral("limitsTable"));
    m_limitsView->setModel(m_limits);
    m_limitsView->verticalHeader()->hide();
    m_limitsView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_limitsView, 1);
    layout->addWidget(
        new QLabel(tr("An empty bound means none. Values in bold are this product's own; the rest "
                      "are the defaults for every product."),
                   page));
    connect(m_product, &QComboBox::currentIndexChanged, this, [this] {
        // Keep what was typed for the previous product before showing the next one.
        if (saveLimits())
            loadLimits();
    });
    loadLimits();
    return page;
}

void SettingsDialog::loadLimits()
{
    m_limitsProduct = m_product->currentData().toString();
    m_testPlan->clear();
    m_testPlan->addItem(tr("The station's own (none shared)"), QString());
    QStringList names = TestPlan::builtInNames();
    if (auto shared = TestPlanStore(m_db.connection()).list()) {
        for (const TestPlanStore::Entry& e : shared.value()) {
            if (!names.contains(e.name))
                names << e.name;
        }
    }
    for (const QString& name : std::as_const(names))
        m_testPlan->addItem(name, name);
    m_testPlanShown = m_recorder.config().testPlanOf(m_limitsProduct);
    if (m_testPlan->findData(m_testPlanShown) < 0)
        m_testPlan->addItem(m_testPlanShown, m_testPlanShown); // assigned, its body not here yet
    m_testPlan->setCurrentIndex(m_testPlan->findData(m_testPlanShown));
    auto rows = LimitStore(m_db.connection()).limitsFor(m_limitsProduct);
    m_limits->setLimits(rows ? rows.value() : QList<LimitStore::LimitRow>{});
    if (rows)
        m_limitsView->resizeColumnsToContents();
}

bool SettingsDialog::saveLimits()
{
    if (m_limitsProduct.isEmpty())
        return true;
    const QString plan = m_testPlan->currentData().toString();
    if (plan != m_testPlanShown) {
        // "The station's own" takes the product's plan away.
        const TestPlanStore plans(m_db.connection());
        if (Status st = plan.isEmpty()
                            ? plans.unassign(m_limitsProduct, m_admin.operatorInfo, m_admin.station.id)
                            : plans.assign(m_limitsProduct, plan, m_admin.operatorInfo, m_admin.station.id);
            !st) {
            m_message->setText(st.error().message);
            return false;
        }
        m_testPlanShown = plan;
    }
    auto current = LimitStore(m_db.connection()).limitsFor(m_limitsProduct);
    if (!current)
        return false;
    for (int i = 0; i < m_limits->rowCount(); ++i) {
        const auto [min, max, ok] = m_limits->bounds(i);
        const QString name = m_limits->rowAt(i).stored.name;
        if (!ok) {
            m_message->setText(tr("%1: a bound must be a number, or empty for none").arg(name));
            return false;
        }
        const auto was = std::find_if(current->begin(), current->end(),
                                      [&](const LimitStore::LimitRow& r) { return r.name == name; });
        if (was != current->end() && was->min == min && was->max == max)
            continue; // unchanged: no product row, no audit entry
        if (Status st =
                LimitStore(m_db.connection())
                    .setLimit(name, m_limitsProduct, min, max, m_admin.operatorInfo.id, m_admin.station.id);
            !st) {
            m_message->setText(QStringLiteral("%1: %2").arg(name, st.error().message));
            return false;
        }
    }
    return true;
}

bool SettingsDialog::apply()
{
    m_message->clear();
    ConfigStore configStore(m_db.connection());
    if (Status st = configStore.setConfigValue(QStringLiteral("session.idle_lock_minutes"),
                                               QString::number(m_idle->value()), m_admin.operatorInfo.id,
                                               m_admin.station.id);
        !st) {
        m_message->setText(st.error().message);
        return false;
    }
    if (!saveLimits())
        return false;
    if (Status reloaded = m_recorder.reloadConfig(); !reloaded) {
        spdlog::error("reference data not reloaded after settings: {}", reloaded.error().logLine());
        m_message->setText(reloaded.error().message);
        return false;
    }

    Result<SyncSettings> sync = SyncSettings::load(m_dataFolder);
    const QString url = m_server->text().trimmed();
    if (!url.isEmpty() || sync) {
        Result<SyncSettings> next = url.isEmpty() ? sync : SyncSettings::fromUrl(url);
        if (!next) {
            m_message->setText(next.error().message);
            return false;
        }
        next.value().nightlyAt = m_nightly->time().toString(QStringLiteral("HH:mm"));
        if (!m_serverPassword->text().isEmpty())
            next.value().password = m_serverPassword->text();
        else if (!url.isEmpty() && next.value().password.isEmpty() && sync)
            next.value().password = sync->password; // a new address, the same account
        next.value().caFile = m_caFile->text().trimmed();
        if (Status ca = next.value().checkCaFile(); !ca) {
            m_message->setText(ca.error().message);
            return false;
        }
        if (Status st = next.value().save(m_dataFolder); !st) {
            m_message->setText(st.error().message);
            return false;
        }
        m_server->clear();
        m_serverPassword->clear();
        emit syncChanged();
    }

    QSettings settings;
    const QString station = m_station->currentData().toString();
    settings.setValue(QStringLiteral("station/id"), station);
    settings.setValue(QStringLiteral("storage/database"), m_database->text().trimmed());
    for (LabelTemplate::Kind kind : kKinds) {
        const auto key = [&](const char* name) {
            return LabelPrintDialog::settingsKey(station, kind, QString::fromLatin1(name));
        };
        settings.setValue(key("template"), m_templates[kind]->currentData());
        settings.setValue(key("destination"), m_printers[kind]->currentData());
        settings.setValue(key("target"), m_targets[kind]->text().trimmed());
    }
    const QString language = m_language->currentData().toString();
    // Against the language shown when the dialog opened (the system's when none was saved):
    // saving other settings never rebuilds the window.
    const bool languageChanged = language != m_shownLanguage;
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.sync();
    DisplayScale::save(m_scale->currentData().toInt());

    emit stationChanged(station);
    emit idleLockChanged(m_idle->value());
    if (languageChanged)
        emit this->languageChanged(language);
    return true;
}

} // namespace rework
