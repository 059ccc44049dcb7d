#pragma once

#include <QString>

namespace rework {

/// Fault injection for the sync's crash tests, driven by REWORK_SYNC_FAULT:
///   kill-mid-batch     the process kills itself (SIGKILL) inside a server transaction
///   kill-after-commit  ... after the server committed, before the station noted it
///   pause-mid-batch    waits inside the server transaction until the file named by
///                      REWORK_SYNC_PAUSE_FILE is removed (the test cuts the connection meanwhile)
/// Unset, every call is a no-op. Compiled only into test builds (REWORK_FAULT_INJECTION); shipped
/// binaries have no injection points at all.
namespace SyncFaults {
#ifdef REWORK_FAULT_INJECTION
void hit(const char* point);
#else
inline void hit(const char*) {}
#endif
} // namespace SyncFaults

} // namespace rework
