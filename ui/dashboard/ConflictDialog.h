#pragma once

#include "common/Session.h"
#include "domain/Clock.h"
#include "sync/ConflictResolution.h"
#include "sync/ConflictSides.h"

#include <QDialog>
#include <QSqlDatabase>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rework {

/// A supervisor closes a conflict between stations: the conflict's detail and its two records
/// (event, station, step, time), the side that stands, a reason; the core voids the other side.
/// A refusal stays in the dialog in plain words; a resolution closes it with `resolved`.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictDialog(const Conflict& conflict, const QList<ConflictSide>& sides, const QSqlDatabase& db,
                   const Session& session, const Clock& clock, QWidget* parent = nullptr);

    QPushButton* resolveButton() const { return m_resolve; }
    QLineEdit* reasonField() const { return m_reason; }
    QLabel* resultLabel() const { return m_result; }
    /// Picks the side of `eventId` (what clicking its choice does).
    bool choose(const QString& eventId);

signals:
    /// The conflict is closed; `message` says how many records were voided.
    void resolved(const QString& message);

private:
    void resolve();
    void updateButton();
    static QString describe(const ConflictSide& side);

    Conflict m_conflict;
    QSqlDatabase m_db;
    Session m_session;
    const Clock& m_clock;
    QButtonGroup* m_sides = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_resolve = nullptr;
};

} // namespace rework
