#pragma once

#include "common/Session.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rework {

class Database;
class SessionController;

/// Badge scan (or typed operator id) + PIN, and the station when the PC is not bound to one.
/// The check is real: the PIN is verified against its argon2id hash.
class LoginPage : public QWidget
{
    Q_OBJECT

public:
    /// `sessions` proves each login; the page only collects what it needs.
    LoginPage(Database& db, const SessionController& sessions, QWidget* parent = nullptr);

    /// Binds the PC to one station (hides the picker), or empty for single-PC mode.
    void setFixedStation(const QString& stationId);
    void reloadStations();
    void reset();
    /// A line above the form: why the screen is locked or who was logged out.
    void showNotice(const QString& text);
    QLabel* noticeLabel() const { return m_notice; }

    QLineEdit* operatorField() const { return m_operator; }
    QLineEdit* pinField() const { return m_pin; }
    QComboBox* stationPicker() const { return m_station; }
    QPushButton* loginButton() const { return m_login; }
    QLabel* errorLabel() const { return m_error; }
    /// The station a bound PC logs in at, shown in place of the list.
    QLabel* boundStationLabel() const { return m_boundTitle; }

public slots:
    void tryLogin();

signals:
    void loggedIn(const rework::Session& session);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// The badge field if empty, else the PIN field if empty: where the next keys belong.
    void focusNextEmpty();

    Database& m_db;
    const SessionController& m_sessions;
    QString m_fixedStation;
    QLabel* m_boundTitle = nullptr;
    QLineEdit* m_operator = nullptr;
    QLineEdit* m_pin = nullptr;
    QComboBox* m_station = nullptr;
    QLabel* m_stationLabel = nullptr;
    QPushButton* m_login = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_notice = nullptr;
};

} // namespace rework
