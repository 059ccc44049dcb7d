#include "Error.h"

namespace rework {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage:
        return QStringLiteral("usage");
    case ErrorCode::UnknownSerial:
        return QStringLiteral("unknown_serial");
    case ErrorCode::WrongKind:
        return QStringLiteral("wrong_kind");
    case ErrorCode::OutOfOrder:
        return QStringLiteral("out_of_order");
    case ErrorCode::AlreadyUsed:
        return QStringLiteral("already_used");
    case ErrorCode::MalformedSerial:
        return QStringLiteral("malformed_serial");
    case ErrorCode::ItemScrapped:
        return QStringLiteral("item_scrapped");
    case ErrorCode::ItemShipped:
        return QStringLiteral("item_shipped");
    case ErrorCode::MissingField:
        return QStringLiteral("missing_field");
    case ErrorCode::OutOfRange:
        return QStringLiteral("out_of_range");
    case ErrorCode::InvalidValue:
        return QStringLiteral("invalid_value");
    case ErrorCode::UnknownField:
        return QStringLiteral("unknown_field");
    case ErrorCode::UnknownOperator:
        return QStringLiteral("unknown_operator");
    case ErrorCode::UnknownStation:
        return QStringLiteral("unknown_station");
    case ErrorCode::WrongStation:
        return QStringLiteral("wrong_station");
    case ErrorCode::OperatorInactive:
        return QStringLiteral("operator_inactive");
    case ErrorCode::NotPermitted:
        return QStringLiteral("not_permitted");
    case ErrorCode::Contradiction:
        return QStringLiteral("contradiction");
    case ErrorCode::DuplicateGpuUuid:
        return QStringLiteral("duplicate_gpu_uuid");
    case ErrorCode::WrongProduct:
        return QStringLiteral("wrong_product");
    case ErrorCode::ReportContradiction:
        return QStringLiteral("report_contradiction");
    case ErrorCode::ReportRequired:
        return QStringLiteral("report_required");
    case ErrorCode::TestPlanUnmet:
        return QStringLiteral("test_plan_unmet");
    case ErrorCode::GpuUuidMismatch:
        return QStringLiteral("gpu_uuid_mismatch");
    case ErrorCode::BatchNotOpen:
        return QStringLiteral("batch_not_open");
    case ErrorCode::BatchFull:
        return QStringLiteral("batch_full");
    case ErrorCode::BatchModelMismatch:
        return QStringLiteral("batch_model_mismatch");
    case ErrorCode::BatchEmpty:
        return QStringLiteral("batch_empty");
    case ErrorCode::MslExpired:
        return QStringLiteral("msl_expired");
    case ErrorCode::ReflowLimit:
        return QStringLiteral("reflow_limit");
    case ErrorCode::VoidBlocked:
        return QStringLiteral("void_blocked");
    case ErrorCode::AlreadyVoided:
        return QStringLiteral("already_voided");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema_too_new");
    case ErrorCode::PrinterUnreachable:
        return QStringLiteral("printer_unreachable");
    case ErrorCode::ServerUnavailable:
        return QStringLiteral("server_unavailable");
    case ErrorCode::ServerLoginRefused:
        return QStringLiteral("server_login_refused");
    case ErrorCode::ServerRefused:
        return QStringLiteral("server_refused");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    }
    return QStringLiteral("unknown");
}

} // namespace rework
