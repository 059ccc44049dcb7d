#include "Args.h"

#include <QRegularExpression>

namespace rework {

Args::Args(QStringList args) : m_args(std::move(args))
{
    m_options = m_args.indexOf(QStringLiteral("--"));
    if (m_options < 0)
        m_options = m_args.size();
    else
        m_args.remove(m_options);
}

std::optional<QString> Args::take(const QString& name)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < m_options; ++i) {
        if (m_args[i] == flag) {
            // No value when the list ends or the next option follows: `--from --to X` leaves
            // --to for itself rather than taking it as the start date (`--from=--x` takes it).
            if (i + 1 >= m_options || m_args[i + 1].startsWith(QLatin1StringView("--"))) {
                m_args.remove(i);
                --m_options;
                return QString();
            }
            const QString value = m_args[i + 1];
            m_args.remove(i, 2);
            m_options -= 2;
            return value;
        }
        if (m_args[i].startsWith(flag + QLatin1Char('='))) {
            const QString value = m_args[i].mid(flag.size() + 1);
            m_args.remove(i);
            --m_options;
            return value;
        }
    }
    return std::nullopt;
}

QString Args::takeFirst()
{
    if (m_options > 0)
        --m_options;
    return m_args.takeFirst();
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
    static const QRegularExpression exact(
        QRegularExpression::anchoredPattern(QStringLiteral("\\d{4}-\\d{2}-\\d{2}")));
    if (!exact.match(*text).hasMatch())
        return QDate();
    return QDate::fromString(*text, QStringLiteral("yyyy-MM-dd"));
}

bool Args::takeFlag(const QString& name)
{
    const QString flag = QStringLiteral("--") + name;
    bool found = false;
    for (qsizetype i = 0; i < m_options;) {
        if (m_args[i] == flag) {
            m_args.remove(i);
            --m_options;
            found = true;
        } else {
            ++i;
        }
    }
    return found;
}

QString Args::takeSubcommand()
{
    return !m_args.isEmpty() && !(m_options > 0 && m_args.first().startsWith(QStringLiteral("--")))
               ? takeFirst()
               : QString();
}

bool Args::wantsHelp() const
{
    const QStringList options = m_args.first(m_options);
    return options.contains(QStringLiteral("--help")) || options.contains(QStringLiteral("-h"));
}

QString Args::unknownOption() const
{
    for (qsizetype i = 0; i < m_options; ++i) {
        if (m_args.at(i).startsWith(QLatin1StringView("--")))
            return m_args.at(i);
    }
    return {};
}

QString Args::repeatedOption() const
{
    QStringList seen;
    for (qsizetype i = 0; i < m_options; ++i) {
        const QString& arg = m_args.at(i);
        if (!arg.startsWith(QLatin1StringView("--")))
            continue;
        QString name = arg.section(QLatin1Char('='), 0, 0);
        if (seen.contains(name))
            return name;
        seen << name;
    }
    return {};
}

} // namespace rework
