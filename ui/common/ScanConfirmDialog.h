#pragma once

#include "domain/CommandCode.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rework {

class ResultBanner;

/// Asks before an action that only a supervisor's void can undo (close a carton, scrap an
/// item), in a way a scanner can answer: scanning the same command barcode again confirms, as
/// does the confirm button; Esc or Cancel gives up. Enter alone does neither, so a stray
/// keystroke or a second scan of anything else never confirms.
class ScanConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    ScanConfirmDialog(const QString& title, const QString& message, const QString& confirmText,
                      const CommandCode& command, QWidget* parent = nullptr);

    QString message() const;
    QPushButton* confirmButton() const { return m_confirm; }
    QLineEdit* scanField() const { return m_scan; }

private:
    void takeScan();

    CommandCode m_command;
    QLabel* m_message = nullptr;
    QLineEdit* m_scan = nullptr;
    ResultBanner* m_refusal = nullptr;
    QPushButton* m_confirm = nullptr;
};

} // namespace rework
