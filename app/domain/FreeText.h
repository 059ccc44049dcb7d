#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace rework {

/// The check of every free-text field outside a step's form (names and reasons of reference
/// changes, voids, restores and chain repairs): one line, no control characters, a length cap.
/// A step's own fields are checked by workflow/StepSchema.
class FreeText
{
    Q_DECLARE_TR_FUNCTIONS(FreeText)

public:
    static constexpr int kMaxName = 100;
    static constexpr int kMaxReason = 500;

    /// `text` (trimmed) is at most `maxLength` characters with no line break or control
    /// character; empty passes (whether it may be empty is the caller's rule).
    static Status check(const QString& field, const QString& text, int maxLength);
};

} // namespace rework
