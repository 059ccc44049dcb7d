#include "LabelTemplateStore.h"

#include "storage/InputFile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace rework {
namespace {

const QString kShipped = QStringLiteral(":/labels");
// A template is a page of JSON; more is not a template.
constexpr qint64 kMaxTemplateBytes = 512LL * 1024;

} // namespace

QStringList LabelTemplateStore::names() const
{
    QSet<QString> names;
    for (const QString& folder : {m_userFolder, kShipped}) {
        for (const QString& file : QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files))
            names.insert(file.chopped(5));
    }
    QStringList out(names.begin(), names.end());
    out.sort();
    return out;
}

Result<LabelTemplate> LabelTemplateStore::load(const QString& name) const
{
    static const QRegularExpression safe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    if (!safe.match(name).hasMatch())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("template"),
                         Message(tr, QT_TR_NOOP("\"%1\" is not a template name; known: %2"),
                                 {name.left(40), names().join(QStringLiteral(", "))}));
    for (const QString& folder : {m_userFolder, kShipped}) {
        const QString path = QDir(folder).filePath(name + QStringLiteral(".json"));
        if (!QFileInfo::exists(path))
            continue;
        Result<QByteArray> json = InputFile::read(path, kMaxTemplateBytes, QStringLiteral("template"));
        if (!json)
            return json.error();
        Result<LabelTemplate> t = LabelTemplate::parse(json.value(), folder);
        if (!t)
            return makeError(t.error().code, QStringLiteral("template"),
                             Message(tr, QT_TR_NOOP("%1: %2"), {path, t.error().asArg()}));
        return t;
    }
    return makeError(ErrorCode::UnknownField, QStringLiteral("template"),
                     Message(tr, QT_TR_NOOP("no label template \"%1\"; known: %2"),
                             {name, names().join(QStringLiteral(", "))}));
}

QString LabelTemplateStore::defaultFor(LabelTemplate::Kind kind)
{
    switch (kind) {
    case LabelTemplate::Kind::Die:
        return QStringLiteral("die-traveler");
    case LabelTemplate::Kind::Unit:
        return QStringLiteral("unit-label");
    case LabelTemplate::Kind::Batch:
        return QStringLiteral("batch-label");
    }
    return {};
}

} // namespace rework
