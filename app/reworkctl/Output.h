#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace rework {

/// reworkctl's exit codes.
enum Exit
{
    Ok = 0,
    Refused = 1, // refused by a rule or a bad value
    Usage = 2,
    StorageFailure = 3 // the database, or the sync server (not reached, login refused, TLS)
};

/// A usage error (exit 2) as a value, for option parsers that return a Result.
inline Error usageError(const QString& message)
{
    return makeError(ErrorCode::Usage, QString(), message);
}

/// What reworkctl prints: a result as text lines or, with --json, as one JSON object; an Error
/// on stderr (and as JSON on stdout with --json) with its exit code; usage errors and help.
class Output
{
    Q_DECLARE_TR_FUNCTIONS(Cli) // the strings of reworkctl keep one translation context

public:
    Output(FILE* out, FILE* err) : m_out(out), m_err(err) {}

    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    /// Prints a result: `text` lines in text mode (a created id last), `object` in --json mode.
    void emitResult(const QStringList& text, const QJsonObject& object);
    /// Prints `items` one line each in text mode, as `{key: [...]}` in --json mode; `head` lines first.
    template <typename T, typename Line, typename Json>
    void emitList(const QList<T>& items, const QString& key, Line line, Json toJson, QStringList head = {})
    {
        QJsonArray array;
        for (const T& item : items) {
            head << line(item);
            array.append(toJson(item));
        }
        emitResult(head, {{key, array}});
    }
    /// Prints `error` and returns its exit code; `details` go beside the error in --json mode
    /// (the problems a check found, say).
    int fail(const Error& error, const QJsonObject& details = {});
    /// A usage error (exit 2), after `helpText` on stderr when given.
    int usage(const QString& message, const QString& helpText = {});
    int unknownOption(const QString& option, const QString& helpText = {});
    int unexpectedArgument(const QString& argument, const QString& helpText = {});
    /// A required option that is missing (exit 1, as a refused value).
    int missing(const QString& field, const QString& message);

    /// Prints a command's help on stdout: exit 0 when asked for, 2 when it answers missing arguments.
    int help(const QString& text, Exit code = Ok);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};

} // namespace rework
