#pragma once

class QPagedPaintDevice;
class QTextDocument;

namespace rework {

/// Prints `document` on `device`, page by page, with "page / pages" at the foot of each, and
/// never a heading as the last thing on a page: a heading that would end one starts the next,
/// with what follows it (for a table, its first rows, not only its column headers). The device's
/// page and margins are used as they are.
void printPages(QTextDocument& document, QPagedPaintDevice& device);

} // namespace rework
