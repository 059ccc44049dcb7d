#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QFrame;

namespace rework {

class Database;
class Recorder;

/// The application shell: station picker, a trace lookup, the empty-database offer of demo
/// data, and a status bar with the database in use and its counts. Station forms plug in here.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database& db, Recorder& recorder, QWidget* parent = nullptr);

    QComboBox* stationPicker() const { return m_stationPicker; }
    QLineEdit* traceField() const { return m_traceField; }
    QPlainTextEdit* traceView() const { return m_traceView; }
    QPushButton* demoButton() const { return m_demoButton; }
    QFrame* demoBanner() const { return m_demoBanner; }
    QLabel* databaseLabel() const { return m_dbLabel; }
    QLabel* countsLabel() const { return m_countsLabel; }

public slots:
    void refresh();
    void loadDemoData();
    void showTrace();

private:
    void reloadStations();

    Database& m_db;
    Recorder& m_recorder;
    QComboBox* m_stationPicker = nullptr;
    QLineEdit* m_traceField = nullptr;
    QPlainTextEdit* m_traceView = nullptr;
    QFrame* m_demoBanner = nullptr;
    QPushButton* m_demoButton = nullptr;
    QLabel* m_dbLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
};

} // namespace rework
