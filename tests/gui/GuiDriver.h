#pragma once

#include <QApplication>
#include <QDir>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace rework::test {

/// Types like a barcode scanner into whatever has focus: the text, then Enter.
inline void scan(const QString& text)
{
    QWidget* w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has focus");
    QTest::keyClicks(w, text);
    QTest::keyClick(w, Qt::Key_Return);
}

/// Ctrl+Enter: save the form from any field.
inline void saveShortcut()
{
    QWidget* w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has focus");
    QTest::keyClick(w, Qt::Key_Return, Qt::ControlModifier);
}

/// Shows `w` and waits until it has the keyboard, as the operator's window does at start.
inline void showAndActivate(QWidget& w)
{
    // The offscreen screen is 800x600; a window fitted to it would not look like a station PC's.
    w.resize(1280, 860);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

/// Answers the next modal dialog (file dialog, confirmation) as the operator would, once it is up.
inline void whenDialogOpens(std::function<void(QWidget*)> answer)
{
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        if (QWidget* dialog = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            answer(dialog);
        }
    });
    poll->start(20);
}

/// Saves a picture of `w` when REWORK_SCREENSHOT_DIR is set (README screenshots come from here).
inline void screenshot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("REWORK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50); // let pending layouts settle so the picture shows what the operator sees
    w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace rework::test
