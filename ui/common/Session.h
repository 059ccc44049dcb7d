#pragma once

#include "workflow/Snapshot.h"

namespace rework {

/// Who is logged in at this PC and at which station.
struct Session
{
    OperatorInfo operatorInfo;
    StationInfo station;
    bool isSupervisor() const
    {
        return operatorInfo.role == QLatin1StringView("supervisor") ||
               operatorInfo.role == QLatin1StringView("admin");
    }
};

} // namespace rework
