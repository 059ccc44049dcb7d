#pragma once

#include <QDate>
#include <QStringList>

#include <optional>

namespace rework {

/// A command's arguments, consumed as they are read: options and flags are taken out by name
/// (`--station S`, `--station=S`, `--night`), and what is left are the positional arguments.
class Args
{
public:
    explicit Args(QStringList args = {}) : m_args(std::move(args)) {}

    /// Takes `--name VALUE` (or `--name=VALUE`) out; nullopt when absent, empty when it ends the list.
    std::optional<QString> take(const QString& name);
    /// take(), or `fallback` when the option is absent.
    QString takeOr(const QString& name, const QString& fallback);
    /// take() as an id filter (trimmed, upper case); empty when absent.
    QString takeId(const QString& name);
    /// take() as a date written exactly YYYY-MM-DD: nullopt when absent, an invalid date when it is
    /// anything else ("2026-11-20xyz", "2026-2-3"), which QDate's ISO reading lets through.
    std::optional<QDate> takeDate(const QString& name);
    /// Takes every `--name`; whether there was one.
    bool takeFlag(const QString& name);
    /// Takes the first argument, whatever it is.
    QString takeFirst() { return m_args.takeFirst(); }
    /// Takes the first argument when it is not an option (`--...`); empty otherwise.
    QString takeSubcommand();

    /// `--help` or `-h` anywhere.
    bool wantsHelp() const;
    /// The first argument left that looks like an option (`--...`); empty when there is none.
    QString unknownOption() const;

    bool isEmpty() const { return m_args.isEmpty(); }
    qsizetype size() const { return m_args.size(); }
    const QString& first() const { return m_args.first(); }
    const QString& at(qsizetype i) const { return m_args.at(i); }
    const QStringList& list() const { return m_args; }

private:
    QStringList m_args;
};

} // namespace rework
