#pragma once

#include <QString>

namespace rework {

/// Machine-readable reason a request was refused; each maps to one stable snake_case name
/// that scripts and tests can match on, while the message is translated for people.
enum class ErrorCode
{
    Usage,
    UnknownSerial,
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
    BatchNotOpen,
    BatchModelMismatch,
    BatchEmpty,
    ReflowLimit,
    MslExpired,
    VoidBlocked,
    AlreadyVoided,
    SchemaTooNew,
    PrinterUnreachable,
    ServerUnavailable,
    Storage,
};

QString errorCodeName(ErrorCode code);

/// An error as a value: crosses layers without exceptions. `field` names the input at fault, if any.
struct Error
{
    ErrorCode code = ErrorCode::Storage;
    QString field;
    QString message;

    QString codeName() const { return errorCodeName(code); }
    /// One line for a terminal or a log: "field: message" when a field is known.
    QString oneLine() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

} // namespace rework
