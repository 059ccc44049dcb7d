#pragma once

#include "Result.h"
#include "SerialKind.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace rework {

/// The one place identifier formats are defined and checked. Defaults follow domain.md; a
/// factory overrides them per product model (table `serial_formats`) without a new build.
class SerialRules
{
    Q_DECLARE_TR_FUNCTIONS(SerialRules)

public:
    SerialRules();

    /// Longest input accepted for any identifier, checked before any pattern runs.
    static constexpr int kMaxLength = 64;

    static QString defaultPattern(SerialKind kind);
    /// Overrides the pattern for `kind` (for one product `model`, or for all when empty).
    Status setPattern(SerialKind kind, const QString& model, const QString& pattern);
    QString pattern(SerialKind kind, const QString& model = {}) const;

    /// What a scanner or keyboard sent, cleaned: surrounding blanks dropped, ASCII letters in upper
    /// case (GPU UUIDs keep NVIDIA's form: `GPU-` and lower-case hex). Nothing else is rewritten:
    /// a character outside the printable ASCII of the formats stays and fails the format, so `ß`
    /// never becomes `SS`. Lots are names people type, and are folded (foldName) instead.
    static QString normalise(SerialKind kind, const QString& raw);
    /// A name typed by people (lot, stencil, flux lot, profile) in one spelling, so that recall
    /// groups it: compatibility-normalised (NFKC: full-width `ＦＸ` is `FX`), zero-width
    /// characters removed, blanks collapsed and trimmed, upper case.
    static QString foldName(const QString& raw);
    /// Normalises and checks `raw` against the rule for `kind` (and `model`, if given).
    Result<QString> validate(SerialKind kind, const QString& raw, const QString& model = {}) const;
    bool isValid(SerialKind kind, const QString& raw, const QString& model = {}) const;

    /// True for text that stands for "no value" (domain.md): blank, N/A, [N/A], NONE, REDACTED,
    /// "Not Supported", "Unknown Error", all zeros. Such text is never an identity.
    static bool isAbsentValue(const QString& text);
    /// Control characters (NUL, escape...) and, with `includingFormat`, invisible format characters
    /// such as a right-to-left override, which can make a serial read differently than it scans.
    static bool hasControlCharacters(const QString& text, bool includingFormat = true);

private:
    /// The compiled rule: compiling a pattern costs more than matching it, and every scan matches.
    const QRegularExpression& expression(SerialKind kind, const QString& model) const;

    QHash<QString, QRegularExpression> m_overrides; // key: "kind|model"
};

} // namespace rework
