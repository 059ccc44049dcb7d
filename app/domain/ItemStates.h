#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace rework {

/// The states of the derived item tables, one list for the code and the schema: the SQL binds
/// stateName() as a value (never a literal in a statement), and migration 0014's CHECK
/// constraints admit exactly these names per table. Stored as text so that a database reads on its own.
enum class ItemState
{
    Received,  // card
    Stripped,  // card (donor board salvaged); die awaiting reball
    Reballed,  // die
    Mounted,   // die, board, unit awaiting inspection
    Inspected, // unit awaiting test
    Tested,    // unit passed test, awaiting pack
    Repair,    // unit and die sent back to reball
    Packed,    // unit in a batch
    Shipped,   // unit, batch, die, board
    Scrapped,  // any item
    Open,      // batch
    Closed,    // batch
};

inline constexpr QLatin1StringView kItemStateNames[] = {
    QLatin1StringView("received"), QLatin1StringView("stripped"),  QLatin1StringView("reballed"),
    QLatin1StringView("mounted"),  QLatin1StringView("inspected"), QLatin1StringView("tested"),
    QLatin1StringView("repair"),   QLatin1StringView("packed"),    QLatin1StringView("shipped"),
    QLatin1StringView("scrapped"), QLatin1StringView("open"),      QLatin1StringView("closed"),
};

constexpr QLatin1StringView stateName(ItemState s)
{
    return kItemStateNames[static_cast<int>(s)];
}

/// The state's name as a value to bind into a statement.
inline QString stateValue(ItemState s)
{
    return QString(stateName(s));
}

inline std::optional<ItemState> stateFromName(QStringView name)
{
    for (int i = 0; i <= static_cast<int>(ItemState::Closed); ++i) {
        if (name == kItemStateNames[i])
            return static_cast<ItemState>(i);
    }
    return std::nullopt;
}

/// The names for comparisons with the text the snapshot reads (`unit.state == states::Mounted`).
namespace states {
inline constexpr QLatin1StringView Received = stateName(ItemState::Received);
inline constexpr QLatin1StringView Stripped = stateName(ItemState::Stripped);
inline constexpr QLatin1StringView Reballed = stateName(ItemState::Reballed);
inline constexpr QLatin1StringView Mounted = stateName(ItemState::Mounted);
inline constexpr QLatin1StringView Inspected = stateName(ItemState::Inspected);
inline constexpr QLatin1StringView Tested = stateName(ItemState::Tested);
inline constexpr QLatin1StringView Repair = stateName(ItemState::Repair);
inline constexpr QLatin1StringView Packed = stateName(ItemState::Packed);
inline constexpr QLatin1StringView Shipped = stateName(ItemState::Shipped);
inline constexpr QLatin1StringView Scrapped = stateName(ItemState::Scrapped);
inline constexpr QLatin1StringView Open = stateName(ItemState::Open);
inline constexpr QLatin1StringView Closed = stateName(ItemState::Closed);
} // namespace states

} // namespace rework
