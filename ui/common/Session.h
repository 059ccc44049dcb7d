#pragma once

#include "workflow/Snapshot.h"

namespace rework {

/// Who is logged in at this PC and at which station.
struct Session
{
    OperatorInfo operatorInfo;
    StationInfo station;
};

} // namespace rework
