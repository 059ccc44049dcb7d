#include "CommandCode.h"

namespace rework {
namespace {

struct Name
{
    CommandCode::Kind kind;
    const char* text;
};

constexpr Name kNames[] = {
    {CommandCode::Kind::Save, "#SAVE"},        {CommandCode::Kind::Clear, "#CLEAR"},
    {CommandCode::Kind::Pass, "#PASS"},        {CommandCode::Kind::Fail, "#FAIL"},
    {CommandCode::Kind::PrintLabel, "#PRINT"}, {CommandCode::Kind::CloseBatch, "#CLOSE"},
};

constexpr const char* kDefectPrefix = "#DEFECT:";

} // namespace

QString CommandCode::text() const
{
    if (kind == Kind::Defect)
        return QString::fromLatin1(kDefectPrefix) + argument;
    for (const Name& n : kNames) {
        if (n.kind == kind)
            return QString::fromLatin1(n.text);
    }
    return {};
}

std::optional<CommandCode> CommandCode::parse(const QString& scanned)
{
    const QString s = scanned.trimmed().toUpper();
    if (!s.startsWith(QLatin1Char('#')))
        return std::nullopt;
    if (s.startsWith(QLatin1StringView(kDefectPrefix)) && s.size() > 8)
        return CommandCode{Kind::Defect, s.mid(8)};
    for (const Name& n : kNames) {
        if (s == QLatin1StringView(n.text))
            return CommandCode{n.kind, {}};
    }
    return std::nullopt;
}

QList<CommandCode> CommandCode::fixedCommands()
{
    QList<CommandCode> list;
    for (const Name& n : kNames)
        list.append(CommandCode{n.kind, {}});
    return list;
}

} // namespace rework
