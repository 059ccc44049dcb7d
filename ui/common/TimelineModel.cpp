#include "TimelineModel.h"
#include "domain/EventPayload.h"

#include "domain/Step.h"
#include "trace/Trace.h"
#include "workflow/FieldSpec.h"

#include <QBrush>
#include <QFont>

namespace rework {
namespace {

QString outcomeText(const EventRecord& e)
{
    const EventPayload p = EventPayload::read(e.payload);
    QString text = FieldSpec::choiceTitle(p.outcome);
    if (!p.defect.isEmpty())
        text += QStringLiteral(" (") + p.defect + QLatin1Char(')');
    if (e.step == QLatin1StringView("void"))
        text += QStringLiteral(": ") + p.reason;
    return text;
}

} // namespace

void TimelineModel::setEvents(QList<EventRecord> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const EventRecord& e = m_events.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return e.recordedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case StepColumn:
            return stepTitle(e.step);
        case Subject:
            return e.subject;
        case Station:
            return e.stationId;
        case Operator:
            return e.operatorId;
        case Outcome:
            return e.voided ? tr("VOID") + QStringLiteral(" — ") + outcomeText(e) : outcomeText(e);
        case Figures:
            return Trace::figures(e);
        case Evidence: {
            QStringList names;
            for (const QString& reference : Trace::evidence(e))
                names << reference.section(QLatin1Char(':'), 2); // sha256:HEX:NAME
            return names.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return e.id;
    if (role == Qt::FontRole && e.voided) {
        QFont f;
        f.setStrikeOut(true);
        return f;
    }
    if (role == Qt::ForegroundRole) {
        const QString decided = EventPayload::read(e.payload).outcome;
        if (decided == outcome::Repair || decided == outcome::Scrap || decided == outcome::Scrapped)
            return QBrush(QColor(0xc6, 0x28, 0x28));
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case StepColumn:
        return tr("Step");
    case Subject:
        return tr("Serial");
    case Station:
        return tr("Station");
    case Operator:
        return tr("Operator");
    case Outcome:
        return tr("Outcome");
    case Figures:
        return tr("Figures");
    case Evidence:
        return tr("Evidence");
    default:
        return {};
    }
}

} // namespace rework
