#include "Message.h"

#include <QByteArray>
#include <QStringList>

namespace rework {

Message::Message(Translator translate, const char* source, std::initializer_list<Arg> args)
    : m_translate(translate), m_source(source)
{
    for (const Arg& a : args) {
        m_args << a.text;
        m_englishArgs << a.english;
    }
}

Message Message::untranslated(const QString& text)
{
    Message m;
    m.m_source = text.toUtf8();
    return m;
}

QString Message::english() const
{
    return fill(QString::fromUtf8(m_source), m_englishArgs);
}

QString Message::translated() const
{
    return fill(m_translate ? m_translate(m_source.constData(), nullptr, -1) : QString::fromUtf8(m_source),
                m_args);
}

QString Message::fill(const QString& pattern, const QStringList& args)
{
    // One pass over %1..%99, so that an argument that itself holds "%2" is never filled in again
    // (chained QString::arg calls would).
    QString out;
    out.reserve(pattern.size() + 16 * args.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            qsizetype j = i + 1;
            int n = 0;
            while (j < pattern.size() && pattern.at(j).isDigit() && j < i + 3)
                n = n * 10 + pattern.at(j++).digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args.at(n - 1);
                i = j - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace rework
