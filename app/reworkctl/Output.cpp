#include "Output.h"

#include <QJsonDocument>

namespace rework {

void Output::emitResult(const QStringList& text, const QJsonObject& object)
{
    if (m_json) {
        QJsonObject o = object;
        if (!o.contains(QStringLiteral("ok"))) // a command whose result can be a failure says so itself
            o.insert(QStringLiteral("ok"), true);
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        for (const QString& line : text)
            m_out << line << '\n';
    }
    m_out.flush();
}

int Output::fail(const Error& error, const QJsonObject& details)
{
    if (m_json) {
        QJsonObject e{{QStringLiteral("code"), error.codeName()},
                      {QStringLiteral("field"), error.field},
                      {QStringLiteral("message"), error.message}};
        QJsonObject result = details;
        result.insert(QStringLiteral("ok"), false);
        result.insert(QStringLiteral("error"), e);
        m_out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
    }
    m_err << tr("error") << ": " << error.oneLine() << " [" << error.codeName() << "]\n";
    m_err.flush();
    switch (error.code) {
    case ErrorCode::Usage:
        return Usage;
    case ErrorCode::Storage:
    case ErrorCode::SchemaTooNew:
    case ErrorCode::ServerUnavailable:
    case ErrorCode::ServerLoginRefused:
    case ErrorCode::ServerRefused:
        return StorageFailure;
    default:
        return Refused;
    }
}

int Output::usage(const QString& message, const QString& helpText)
{
    if (!helpText.isEmpty())
        m_err << helpText << '\n';
    return fail(makeError(ErrorCode::Usage, QString(), message));
}

int Output::unknownOption(const QString& option, const QString& helpText)
{
    return usage(tr("unknown option %1").arg(option.left(40)), helpText);
}

int Output::unexpectedArgument(const QString& argument, const QString& helpText)
{
    // What is left over and looks like an option is one this command does not take.
    if (argument.startsWith(QLatin1StringView("--")))
        return unknownOption(argument, helpText);
    return usage(tr("unexpected argument \"%1\"").arg(argument.left(40)), helpText);
}

int Output::missing(const QString& field, const QString& message)
{
    return fail(makeError(ErrorCode::MissingField, field, message));
}

int Output::help(const QString& text, Exit code)
{
    m_out << text;
    return code;
}

} // namespace rework
