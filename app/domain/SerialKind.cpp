#include "SerialKind.h"

#include <QCoreApplication>

namespace rework {

QString serialKindName(SerialKind kind)
{
    switch (kind) {
    case SerialKind::Card:
        return QStringLiteral("card");
    case SerialKind::Die:
        return QStringLiteral("die");
    case SerialKind::Board:
        return QStringLiteral("board");
    case SerialKind::Unit:
        return QStringLiteral("unit");
    case SerialKind::Batch:
        return QStringLiteral("batch");
    case SerialKind::Lot:
        return QStringLiteral("lot");
    case SerialKind::Marking:
        return QStringLiteral("marking");
    case SerialKind::DateCode:
        return QStringLiteral("date_code");
    case SerialKind::GpuUuid:
        return QStringLiteral("gpu_uuid");
    case SerialKind::Operator:
        return QStringLiteral("operator");
    case SerialKind::Station:
        return QStringLiteral("station");
    }
    return {};
}

QString serialKindTitle(SerialKind kind)
{
    switch (kind) {
    case SerialKind::Card:
        return QCoreApplication::translate("SerialKind", "donor card serial");
    case SerialKind::Die:
        return QCoreApplication::translate("SerialKind", "die id");
    case SerialKind::Board:
        return QCoreApplication::translate("SerialKind", "server board serial");
    case SerialKind::Unit:
        return QCoreApplication::translate("SerialKind", "unit serial");
    case SerialKind::Batch:
        return QCoreApplication::translate("SerialKind", "batch id");
    case SerialKind::Lot:
        return QCoreApplication::translate("SerialKind", "shipment lot");
    case SerialKind::Marking:
        return QCoreApplication::translate("SerialKind", "die marking");
    case SerialKind::DateCode:
        return QCoreApplication::translate("SerialKind", "date code");
    case SerialKind::GpuUuid:
        return QCoreApplication::translate("SerialKind", "GPU UUID");
    case SerialKind::Operator:
        return QCoreApplication::translate("SerialKind", "operator id");
    case SerialKind::Station:
        return QCoreApplication::translate("SerialKind", "station id");
    }
    return {};
}

} // namespace rework
