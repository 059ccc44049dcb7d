#include "EventLog.h"

#include "PartialReplay.h"
#include "StateProjector.h"

namespace rework {

Status EventLog::apply(EventRecord& event, const QList<Subject>& subjects, EventStore::Origin origin)
{
    if (Status st = EventStore(m_db).append(event, subjects, origin); !st)
        return st;
    if (Status st = StateProjector(m_db).apply(event); !st)
        return st;
    // A void changes what earlier events mean: the items it touches are replayed without it.
    if (event.step == QLatin1StringView("void")) {
        if (Result<qint64> replayed = PartialReplay(m_db).afterVoid(event); !replayed)
            return replayed.error();
    }
    return {};
}

} // namespace rework
