#pragma once

#include "trace/VoidPreview.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace rework {

/// Asks a supervisor to confirm a void: shows what the core says it undoes (items, printed
/// labels, closed batches, a later record in the way) and asks for the reason. It decides
/// nothing: the core records or refuses the void.
class VoidDialog : public QDialog
{
    Q_OBJECT

public:
    VoidDialog(const VoidPreview& preview, QWidget* parent = nullptr);

    QString eventId() const { return m_eventId; }
    QString reason() const;
    QLineEdit* reasonField() const { return m_reason; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    QString m_eventId;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace rework
