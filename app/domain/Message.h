#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <initializer_list>

namespace rework {

/// A sentence for people, kept both ways: the English source text with its arguments (what the log
/// records, whatever language the UI speaks) and its translation (what the user reads). Written
/// where `tr("…").arg(…)` would be, with the source marked for lupdate:
///     Message(tr, QT_TR_NOOP("operator %1 already exists"), {id})
class Message
{
public:
    /// The `tr` of a class with Q_OBJECT or Q_DECLARE_TR_FUNCTIONS.
    using Translator = QString (*)(const char* source, const char* disambiguation, int n);

    /// One argument, turned into text as QString::arg would; a Message argument stays English in
    /// the English text and is translated in the translation.
    struct Arg
    {
        Arg(const Message& m) : text(m.translated()), english(m.english()) {}
        Arg(const QString& s) : text(s) {}
        Arg(QLatin1StringView s) : text(s) {}
        Arg(QStringView s) : text(s.toString()) {}
        Arg(int n) : text(QString::number(n)) {}
        Arg(long n) : text(QString::number(n)) {}
        Arg(long long n) : text(QString::number(n)) {}
        Arg(unsigned n) : text(QString::number(n)) {}
        Arg(unsigned long n) : text(QString::number(n)) {}
        Arg(unsigned long long n) : text(QString::number(n)) {}
        Arg(double d) : text(QString::number(d)) {}
        QString text;
        QString english = text;
    };

    Message() = default;
    Message(Translator translate, const char* source, std::initializer_list<Arg> args = {});
    /// Text that has no translation (a driver's or the operating system's own words).
    static Message untranslated(const QString& text);

    QString english() const;
    QString translated() const;
    bool isEmpty() const { return m_source.isEmpty(); }

private:
    static QString fill(const QString& pattern, const QStringList& args);

    Translator m_translate = nullptr;
    QByteArray m_source;
    QStringList m_args, m_englishArgs;
};

} // namespace rework
