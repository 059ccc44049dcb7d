#pragma once

#include "GuiDriver.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"

#include <QComboBox>
#include <QLineEdit>

namespace rework::test {

/// Logs out, picks `station` on the login page and logs `operatorId` in with scans, as at the
/// bench.
inline void logInAt(MainWindow& w, const QString& station, const QString& operatorId = QStringLiteral("OP1"),
                    const QString& pin = QStringLiteral("1234"))
{
    w.logout();
    LoginPage* page = w.loginPage();
    page->stationPicker()->setCurrentIndex(page->stationPicker()->findData(station));
    page->operatorField()->setFocus();
    scan(operatorId);
    scan(pin);
}

} // namespace rework::test
