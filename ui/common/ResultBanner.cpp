#include "ResultBanner.h"

#include <QApplication>

namespace rework {

ResultBanner::ResultBanner(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("resultBanner"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setMinimumHeight(90);
    m_basePointSize = font().pointSizeF();
    setAutoFillBackground(true);
    clearResult();
}

void ResultBanner::apply(Kind kind, const QString& text)
{
    m_kind = kind;
    QPalette p = palette();
    switch (kind) {
    case Kind::Success:
        p.setColor(QPalette::Window, QColor(0x1b, 0x7f, 0x3b));
        p.setColor(QPalette::WindowText, Qt::white);
        break;
    case Kind::Failure:
        p.setColor(QPalette::Window, QColor(0xc6, 0x28, 0x28));
        p.setColor(QPalette::WindowText, Qt::white);
        break;
    case Kind::None:
        p = QApplication::palette(this);
        break;
    }
    setPalette(p);
    // Large enough to read from the bench; a long message (a rig log's several reasons) a size
    // smaller, so that it stays within three lines and leaves the form its room.
    QFont f = font();
    f.setPointSizeF(m_basePointSize * (text.size() > kLongText ? 1.3 : 1.6));
    f.setBold(true);
    setFont(f);
    setText(text);
    if (m_collapsible)
        setVisible(kind != Kind::None);
}

void ResultBanner::showSuccess(const QString& text)
{
    apply(Kind::Success, QStringLiteral("✔ ") + text);
    QApplication::beep();
}

void ResultBanner::showFailure(const QString& text)
{
    apply(Kind::Failure, QStringLiteral("✖ ") + text);
    // Two beeps: an error must be heard even with eyes on the bench.
    QApplication::beep();
    QApplication::beep();
}

void ResultBanner::setCollapsible(bool collapsible)
{
    m_collapsible = collapsible;
    if (collapsible)
        setVisible(m_kind != Kind::None);
}

void ResultBanner::clearResult()
{
    apply(Kind::None, QString());
}

} // namespace rework
