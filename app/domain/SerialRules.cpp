#include "SerialRules.h"

#include <array>

namespace rework {
namespace {

QString overrideKey(SerialKind kind, const QString& model)
{
    return serialKindName(kind) + QLatin1Char('|') + model;
}

} // namespace

SerialRules::SerialRules() = default;

bool SerialRules::hasControlCharacters(const QString& text, bool includingFormat)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || (includingFormat && c.category() == QChar::Other_Format))
            return true;
    }
    return false;
}

bool SerialRules::isAbsentValue(const QString& text)
{
    const QString u = text.trimmed().toUpper();
    if (u.isEmpty() || u == QLatin1StringView("N/A") || u == QLatin1StringView("[N/A]") ||
        u == QLatin1StringView("NONE") || u == QLatin1StringView("REDACTED") ||
        u.startsWith(QLatin1StringView("NOT ")) || u.startsWith(QLatin1StringView("UNKNOWN")) ||
        u.startsWith(QLatin1StringView("[")))
        return true;
    // "GPU-00000000-0000-0000-0000-000000000000", "0000", "00.00.00.00.00": all zero.
    QString body = u.startsWith(QLatin1StringView("GPU-")) ? u.mid(4) : u;
    body.remove(QLatin1Char('-'));
    body.remove(QLatin1Char('.'));
    return !body.isEmpty() && body.count(QLatin1Char('0')) == body.size();
}

QString SerialRules::defaultPattern(SerialKind kind)
{
    switch (kind) {
    case SerialKind::Card:
        return QStringLiteral("^[A-Z0-9][A-Z0-9-]{6,22}[A-Z0-9]$");
    case SerialKind::Die:
        return QStringLiteral("^D[0-9A-HJKMNP-TV-Z]{12}$");
    case SerialKind::Unit:
        return QStringLiteral("^U[0-9A-HJKMNP-TV-Z]{12}$");
    case SerialKind::Board:
        return QStringLiteral("^[A-Z0-9][A-Z0-9-]{5,31}$");
    case SerialKind::Batch:
        return QStringLiteral("^B[A-Z0-9-]{3,31}$");
    case SerialKind::Lot:
        return QStringLiteral("^[A-Z0-9][A-Z0-9._/-]{1,31}$");
    case SerialKind::Marking:
        return QStringLiteral("^[A-Z]{2}[0-9]{3}[A-Z]?-[0-9A-Z]{3}-[A-Z][0-9]$");
    case SerialKind::DateCode:
        return QStringLiteral("^[0-9]{2}(0[1-9]|[1-4][0-9]|5[0-3])$");
    case SerialKind::GpuUuid:
        return QStringLiteral("^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    case SerialKind::Operator: // badges and station names share one shape
    case SerialKind::Station:
        return QStringLiteral("^[A-Z0-9][A-Z0-9_.-]{1,31}$");
    }
    return {};
}

Status SerialRules::setPattern(SerialKind kind, const QString& model, const QString& pattern)
{
    QRegularExpression re(pattern);
    if (!re.isValid()) {
        return makeError(ErrorCode::InvalidValue, serialKindName(kind),
                         Message(tr, QT_TR_NOOP("the serial format \"%1\" is not a valid pattern: %2"),
                                 {pattern, re.errorString()}));
    }
    re.optimize();
    m_overrides.insert(overrideKey(kind, model), re);
    return {};
}

const QRegularExpression& SerialRules::expression(SerialKind kind, const QString& model) const
{
    if (!model.isEmpty()) {
        auto it = m_overrides.constFind(overrideKey(kind, model));
        if (it != m_overrides.constEnd())
            return *it;
    }
    auto it = m_overrides.constFind(overrideKey(kind, {}));
    if (it != m_overrides.constEnd())
        return *it;
    static const auto defaults = [] {
        std::array<QRegularExpression, static_cast<int>(SerialKind::Station) + 1> compiled;
        for (int k = 0; k < static_cast<int>(compiled.size()); ++k) {
            compiled[k].setPattern(defaultPattern(static_cast<SerialKind>(k)));
            compiled[k].optimize();
        }
        return compiled;
    }();
    return defaults.at(static_cast<int>(kind));
}

QString SerialRules::pattern(SerialKind kind, const QString& model) const
{
    if (!model.isEmpty()) {
        auto it = m_overrides.constFind(overrideKey(kind, model));
        if (it != m_overrides.constEnd())
            return it->pattern();
    }
    auto it = m_overrides.constFind(overrideKey(kind, {}));
    return it != m_overrides.constEnd() ? it->pattern() : defaultPattern(kind);
}

QString SerialRules::normalise(SerialKind kind, const QString& raw)
{
    if (kind == SerialKind::Lot)
        return foldName(raw);
    QString s = raw.trimmed();
    const bool gpu = kind == SerialKind::GpuUuid;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (!gpu && c >= u'a' && c <= u'z')
            s[i] = QChar(c - u'a' + u'A');
        else if (gpu && c >= u'A' && c <= u'Z')
            s[i] = QChar(c - u'A' + u'a');
    }
    if (gpu && s.size() > 4 && s.left(4).compare(QLatin1StringView("GPU-"), Qt::CaseInsensitive) == 0)
        s.replace(0, 4, QStringLiteral("GPU-"));
    return s;
}

QString SerialRules::foldName(const QString& raw)
{
    QString s = raw.normalized(QString::NormalizationForm_KC);
    // Zero-width characters only: a direction override stays and fails the format.
    s.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF;
    });
    return s.simplified().toUpper();
}

Result<QString> SerialRules::validate(SerialKind kind, const QString& raw, const QString& model) const
{
    const QString field = serialKindName(kind);
    if (raw.trimmed().isEmpty())
        return makeError(ErrorCode::MissingField, field,
                         Message(tr, QT_TR_NOOP("%1 is empty; scan it again"), {serialKindTitle(kind)}));
    if (raw.size() > kMaxLength || hasControlCharacters(raw.trimmed())) {
        return makeError(
            ErrorCode::MalformedSerial, field,
            Message(
                tr,
                QT_TR_NOOP(
                    "this is not a valid %1 (too long or contains control characters); scan the right label"),
                {serialKindTitle(kind)}));
    }
    const QString value = normalise(kind, raw);
    const QRegularExpression& re = expression(kind, model);
    if (!re.match(value).hasMatch()) {
        return makeError(ErrorCode::MalformedSerial, field,
                         Message(tr, QT_TR_NOOP("\"%1\" is not a valid %2; scan the right label"),
                                 {value.left(kMaxLength), serialKindTitle(kind)}));
    }
    return value;
}

bool SerialRules::isValid(SerialKind kind, const QString& raw, const QString& model) const
{
    return validate(kind, raw, model).ok();
}

} // namespace rework
