#include "Args.h"

#include <QRegularExpression>

namespace rework {

std::optional<QString> Args::take(const QString& name)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (m_args[i] == flag) {
            if (i + 1 >= m_args.size())
                return QString();
            const QString value = m_args[i + 1];
            m_args.remove(i, 2);
            return value;
        }
        if (m_args[i].startsWith(flag + QLatin1Char('='))) {
            const QString value = m_args[i].mid(flag.size() + 1);
            m_args.remove(i);
            return value;
        }
    }
    return std::nullopt;
}

QString Args::takeOr(const QString& name, const QString& fallback)
{
    return take(name).value_or(fallback);
}

QString Args::takeId(const QString& name)
{
    return take(name).value_or(QString()).trimmed().toUpper();
}

std::optional<QDate> Args::takeDate(const QString& name)
{
    const std::optional<QString> text = take(name);
    if (!text)
        return std::nullopt;
    static const QRegularExpression exact(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!exact.match(*text).hasMatch())
        return QDate();
    return QDate::fromString(*text, QStringLiteral("yyyy-MM-dd"));
}

bool Args::takeFlag(const QString& name)
{
    return m_args.removeAll(QStringLiteral("--") + name) > 0;
}

QString Args::takeSubcommand()
{
    return !m_args.isEmpty() && !m_args.first().startsWith(QStringLiteral("--")) ? m_args.takeFirst()
                                                                                 : QString();
}

bool Args::wantsHelp() const
{
    return m_args.contains(QStringLiteral("--help")) || m_args.contains(QStringLiteral("-h"));
}

QString Args::unknownOption() const
{
    for (const QString& a : m_args) {
        if (a.startsWith(QLatin1StringView("--")))
            return a;
    }
    return {};
}

} // namespace rework
