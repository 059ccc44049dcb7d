#pragma once

#include <QLatin1StringView>

namespace rework::states {

// The states of the derived tables. Stored as text so that a database reads on its own.
inline constexpr QLatin1StringView Received{"received"};   // card
inline constexpr QLatin1StringView Stripped{"stripped"};   // card (donor board salvaged); die awaiting reball
inline constexpr QLatin1StringView Reballed{"reballed"};   // die
inline constexpr QLatin1StringView Mounted{"mounted"};     // die, board, unit awaiting inspection
inline constexpr QLatin1StringView Inspected{"inspected"}; // unit awaiting test
inline constexpr QLatin1StringView Tested{"tested"};       // unit passed test, awaiting pack
inline constexpr QLatin1StringView Repair{"repair"};       // unit and die sent back to reball
inline constexpr QLatin1StringView Packed{"packed"};       // unit in a batch
inline constexpr QLatin1StringView Shipped{"shipped"};     // unit, batch
inline constexpr QLatin1StringView Scrapped{"scrapped"};   // any item
inline constexpr QLatin1StringView Open{"open"};           // batch
inline constexpr QLatin1StringView Closed{"closed"};       // batch

} // namespace rework::states
