#pragma once

#include <QDate>
#include <QStringList>

#include <optional>

namespace rework {

/// A command's arguments, consumed as they are read: options and flags are taken out by name
/// (`--station S`, `--station=S`, `--night`), and what is left are the positional arguments.
/// A `--` ends the options, as in every Unix tool: what follows is positional even if it starts
/// with a dash (`config set shift.utc_offset_minutes -- -300`).
class Args
{
public:
    explicit Args(QStringList args = {});

    /// Takes `--name VALUE` (or `--name=VALUE`) out; nullopt when absent, empty when it ends the
    /// list or another option (`--...`) follows it.
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
    QString takeFirst();
    /// Takes the first argument when it is not an option (`--...`); empty otherwise.
    QString takeSubcommand();

    /// `--help` or `-h` among the options.
    bool wantsHelp() const;
    /// Where `flag` (e.g. "--server") stands among the options; -1 if it is not one of them.
    qsizetype optionIndex(const QString& flag) const { return m_args.first(m_options).indexOf(flag); }
    /// The first argument left that looks like an option (`--...`); empty when there is none.
    QString unknownOption() const;
    /// The first option given twice (`--from A --from B`, or `--from=A` and `--from B`), by its
    /// name with the dashes; empty when none is. Read before anything is taken: once one is taken
    /// the other would read as an unknown option or argument, not as what it is.
    QString repeatedOption() const;

    bool isEmpty() const { return m_args.isEmpty(); }
    qsizetype size() const { return m_args.size(); }
    const QString& first() const { return m_args.first(); }
    const QString& at(qsizetype i) const { return m_args.at(i); }
    const QStringList& list() const { return m_args; }

private:
    QStringList m_args;
    qsizetype m_options = 0; // the first m_options arguments may be options; the rest come after `--`
};

} // namespace rework
