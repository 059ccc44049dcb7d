#include "ReadingsPanel.h"

#include "domain/EventPayload.h"

#include <QGridLayout>
#include <QLabel>

namespace rework {
namespace {

QLabel* cell(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

/// The mark: a shape and a colour, so that it reads for every eye.
void paintMark(QLabel* mark, ReadingCheck::Mark kind)
{
    QPalette p = mark->palette();
    switch (kind) {
    case ReadingCheck::Mark::Within:
        mark->setText(QStringLiteral("✔"));
        p.setColor(QPalette::Window, QColor(0x1b, 0x7f, 0x3b));
        break;
    case ReadingCheck::Mark::Outside:
        mark->setText(QStringLiteral("✖"));
        p.setColor(QPalette::Window, QColor(0xc6, 0x28, 0x28));
        break;
    case ReadingCheck::Mark::Unproven:
        mark->setText(QStringLiteral("?"));
        p.setColor(QPalette::Window, QColor(0xa8, 0x5d, 0x00));
        break;
    case ReadingCheck::Mark::NoLimit:
        mark->setText(QString());
        mark->setAutoFillBackground(false);
        return;
    }
    p.setColor(QPalette::WindowText, Qt::white);
    mark->setPalette(p);
    mark->setAutoFillBackground(true);
}

} // namespace

ReadingsPanel::ReadingsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("readingsPanel"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setVerticalSpacing(3);
    m_grid->setHorizontalSpacing(8);
    // Two readings a row: name, value, limit, mark, then the same again. The values stand out,
    // the names do not.
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(5, 1);
}

QString ReadingsPanel::title(const QString& key)
{
    if (key == payload::GpuUuid)
        return tr("GPU UUID");
    if (key == payload::Vbios)
        return tr("VBIOS");
    if (key == payload::Driver)
        return tr("Driver");
    if (key == payload::MemMib)
        return tr("Memory (MiB)");
    if (key == payload::PcieGen)
        return tr("PCIe generation");
    if (key == payload::PcieWidth)
        return tr("PCIe width");
    if (key == payload::TempMaxC)
        return tr("Max. temp. (°C)");
    return key;
}

void ReadingsPanel::showChecks(const QList<ReadingCheck>& checks)
{
    for (const Cells& c : std::as_const(m_cells)) {
        for (QLabel* label : {c.name, c.value, c.limit, c.mark})
            delete label;
    }
    m_cells.clear();
    int row = 0;
    int column = 0;
    for (const ReadingCheck& check : checks) {
        Cells c;
        c.name = cell(title(check.key), this);
        c.value = cell(check.value.isEmpty() ? tr("none") : check.value, this);
        QFont bold = c.value->font();
        bold.setBold(true);
        c.value->setFont(bold);
        c.value->setObjectName(QStringLiteral("reading_") + check.key);
        c.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        c.limit = cell(check.limit, this);
        c.limit->setObjectName(QStringLiteral("limit_") + check.key);
        c.mark = cell(QString(), this);
        c.mark->setObjectName(QStringLiteral("mark_") + check.key);
        c.mark->setAlignment(Qt::AlignCenter);
        c.mark->setMinimumWidth(c.mark->fontMetrics().horizontalAdvance(QStringLiteral("✖")) * 2);
        paintMark(c.mark, check.mark);
        c.shown = check.mark;
        // The reason behind a red or idle mark, where the core gave one.
        for (QLabel* label : {c.name, c.value, c.limit, c.mark})
            label->setToolTip(check.note);
        // The GPU UUID is long: a row of its own, its mark at the row's end.
        const bool wide = check.key == payload::GpuUuid;
        if (wide && column != 0) {
            ++row;
            column = 0;
        }
        m_grid->addWidget(c.name, row, column);
        m_grid->addWidget(c.value, row, column + 1, 1, wide ? 5 : 1);
        m_grid->addWidget(c.limit, row, wide ? 6 : column + 2);
        m_grid->addWidget(c.mark, row, wide ? 7 : column + 3);
        column = wide ? 8 : column + 4;
        if (column >= 8) {
            ++row;
            column = 0;
        }
        m_cells.insert(check.key, c);
    }
}

ReadingCheck::Mark ReadingsPanel::mark(const QString& key) const
{
    return m_cells.value(key).shown;
}

} // namespace rework
