#pragma once

#include "domain/Snapshot.h"

namespace rework {

/// Who is logged in at this PC and at which station. Every login makes a new session id, which
/// the log and the audit trail carry.
struct Session
{
    OperatorInfo operatorInfo;
    StationInfo station;
    QString id;

    bool isEmpty() const { return operatorInfo.id.isEmpty(); }
};

} // namespace rework
