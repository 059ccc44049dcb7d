#pragma once

#include <QString>

namespace rework {

/// Fault injection for the sync's crash tests, driven by REWORK_SYNC_FAULT:
///   kill-mid-batch     the process kills itself (SIGKILL) inside a server transaction
///   kill-after-commit  ... after the server committed, before the station noted it
///   pause-mid-batch    waits inside the server transaction until the file named by
///                      REWORK_SYNC_PAUSE_FILE is removed (the test cuts the connection meanwhile)
/// Unset, every call is a no-op.
namespace SyncFaults {
void hit(const char* point);
}

} // namespace rework
