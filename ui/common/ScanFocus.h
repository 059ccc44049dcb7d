#pragma once

#include <QObject>

class QLineEdit;
class QWidget;

namespace rework {

/// Keeps a page's scan field the place a scanner's keys land. A barcode scanner is a keyboard:
/// after a click on a table row its keys would go to the table's keyboard search and the scan
/// would be lost. Printable keys typed into a watched widget go to the field instead, which takes
/// the focus and starts afresh (the last scan selected, so the new one replaces it); navigation
/// keys and a bare Enter still work the table.
class ScanFocus : public QObject
{
    Q_OBJECT

public:
    ScanFocus(QLineEdit* field, QObject* parent);

    /// Routes printable keys that reach `widget` to the scan field.
    void watch(QWidget* widget);
    /// Gives the field the keyboard again, as after any button or dialog of the page.
    void restore();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLineEdit* m_field;
    bool m_scanning = false; // a scan's first key went to the field, its Enter has not
};

} // namespace rework
