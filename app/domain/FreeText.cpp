#include "FreeText.h"

#include "SerialRules.h"

namespace rework {

Status FreeText::check(const QString& field, const QString& text, int maxLength)
{
    const QString v = text.trimmed();
    if (v.size() > maxLength)
        return makeError(
            ErrorCode::OutOfRange, field,
            Message(tr, QT_TR_NOOP("%1 is too long (at most %2 characters)"), {field, maxLength}));
    const bool lineSeparator = v.contains(QChar(0x2028)) || v.contains(QChar(0x2029));
    if (SerialRules::hasControlCharacters(v, false) || lineSeparator)
        return makeError(
            ErrorCode::InvalidValue, field,
            Message(tr, QT_TR_NOOP("%1 is one line with no control characters; type it again"), {field}));
    return {};
}

} // namespace rework
