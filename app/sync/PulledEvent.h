#pragma once

#include "domain/Action.h"
#include "storage/EventRecord.h"

#include <QList>

namespace rework {

/// An event of another station as the server sent it, with the serials it concerns.
struct PulledEvent
{
    qint64 serverSeq = 0;
    EventRecord event;
    QList<Subject> subjects;
};

} // namespace rework
