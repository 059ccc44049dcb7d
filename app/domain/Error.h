#pragma once

#include "Message.h"

#include <QString>

#include <string>

namespace rework {

/// Machine-readable reason a request was refused; each maps to one stable snake_case name
/// that scripts and tests can match on, while the message is translated for people.
enum class ErrorCode
{
    Usage,
    UnknownSerial,
    WrongKind, // a known item, or an id of our own shape, where another kind is asked for
    OutOfOrder,
    AlreadyUsed,
    MalformedSerial,
    ItemScrapped,
    ItemShipped,
    MissingField,
    OutOfRange,
    InvalidValue,
    UnknownField,
    UnknownOperator,
    UnknownStation,
    WrongStation,
    OperatorInactive,
    NotPermitted,
    Contradiction,
    DuplicateGpuUuid,
    GpuUuidMismatch,
    WrongProduct,        // the GPU's report is of another product than the item
    ReportContradiction, // a typed value differs from what the GPU's report says
    ReportRequired,      // a pass needs the GPU's own report (with its UUID, taken under load)
    TestPlanUnmet,       // a run the product's test plan requires is missing, or judged by another plan
    BatchNotOpen,
    BatchFull, // the carton holds pack.carton_capacity units
    BatchModelMismatch,
    BatchEmpty,
    ReflowLimit,
    MslExpired,
    VoidBlocked,
    AlreadyVoided,
    SchemaTooNew,
    PrinterUnreachable,
    ServerUnavailable,  // not reached, or busy: worth another try
    ServerLoginRefused, // wrong user name or password, or no entry for this PC: never retried
    ServerRefused,      // reached, but the settings do not fit it (database, TLS, certificate)
    Storage,
};

QString errorCodeName(ErrorCode code);

/// An error as a value: crosses layers without exceptions. `field` names the input at fault, if any.
/// It carries a stable code for scripts, the message in the user's language for people, and the
/// same message in English for the log.
struct Error
{
    ErrorCode code = ErrorCode::Storage;
    QString field;
    QString message; // translated
    QString english; // the log's text; the message itself where it had no English source

    QString codeName() const { return errorCodeName(code); }
    /// As an argument of another message: English in its English text, translated in its translation.
    Message::Arg asArg() const
    {
        Message::Arg a(message);
        a.english = english.isEmpty() ? message : english;
        return a;
    }
    /// One line for a terminal: "field: message" when a field is known.
    QString oneLine() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
    /// One line for the log, always English: "field: message (code)".
    std::string logLine() const
    {
        const QString text = english.isEmpty() ? message : english;
        const QString line = (field.isEmpty() ? text : field + QStringLiteral(": ") + text) +
                             QStringLiteral(" (") + codeName() + QLatin1Char(')');
        return line.toStdString();
    }
};

} // namespace rework
