#include "LabelTemplateStore.h"

#include "storage/AuditLog.h"
#include "storage/Authority.h"
#include "storage/InputFile.h"
#include "storage/ReferenceLog.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

const QString kShipped = QStringLiteral(":/labels");
// A template is a page of JSON; more is not a template.
constexpr qint64 kMaxTemplateBytes = 512LL * 1024;

} // namespace

Result<QString> LabelTemplateStore::publish(const QSqlDatabase& db, const QString& file,
                                            const OperatorInfo& actor, const QString& stationId,
                                            const Clock& clock) const
{
    Result<QByteArray> body = InputFile::read(file, kMaxTemplateBytes, QStringLiteral("template"));
    if (!body)
        return body.error();
    Result<LabelTemplate> parsed = LabelTemplate::parse(body.value(), QFileInfo(file).absolutePath());
    if (!parsed)
        return parsed.error();
    static const QRegularExpression safeName(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9-]{0,39}")));
    const QString name = parsed->name;
    if (!safeName.match(name).hasMatch())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("name"),
                         Message(tr,
                                 QT_TR_NOOP("a shared template's name is 1-40 lower-case letters, digits and "
                                            "dashes (e.g. unit-label-50x25); \"%1\" is not"),
                                 {name.left(60)}));
    Transaction tx(db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st = Authority::require(db, actor, QStringLiteral("templates.edit")); !st)
        return st.error();
    if (Status st = ReferenceLog(db, actor.id, stationId, clock)
                        .record({QStringLiteral("label_templates"),
                                 {{QStringLiteral("name"), name}},
                                 {{QStringLiteral("body"), QString::fromUtf8(body.value())}}});
        !st)
        return st.error();
    if (Status st = AuditLog(db, clock).append(QStringLiteral("template_published"), actor.id,
                                               stationId.isEmpty() ? QStringLiteral("-") : stationId, name);
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    QDir().mkpath(m_userFolder);
    QSaveFile copy(QDir(m_userFolder).filePath(name + QStringLiteral(".json")));
    if (!copy.open(QIODevice::WriteOnly) || copy.write(body.value()) != body->size() || !copy.commit())
        spdlog::warn("template {} shared but not copied into {}", name.toStdString(),
                     m_userFolder.toStdString());
    spdlog::info("template {} shared by {}", name.toStdString(), actor.id.toStdString());
    return name;
}

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

Result<LabelTemplate> LabelTemplateStore::load(const QString& name, int dpi) const
{
    static const QRegularExpression safe(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9-]{0,39}")));
    if (!safe.match(name).hasMatch())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("template"),
                         Message(tr, QT_TR_NOOP("\"%1\" is not a template name; known: %2"),
                                 {name.left(40), names().join(QStringLiteral(", "))}));
    for (const QString& folder : {m_userFolder, kShipped}) {
        const QString path = QDir(folder).filePath(name + QStringLiteral(".json"));
        const QString variantFolder = QDir(folder).filePath(QStringLiteral("%1dpi").arg(dpi));
        const QString variant = QDir(variantFolder).filePath(name + QStringLiteral(".json"));
        const bool ownDpi = dpi != 0 && QFileInfo::exists(variant);
        if (!ownDpi && !QFileInfo::exists(path))
            continue;
        const QString file = ownDpi ? variant : path;
        Result<QByteArray> json = InputFile::read(file, kMaxTemplateBytes, QStringLiteral("template"));
        if (!json)
            return json.error();
        Result<LabelTemplate> t = LabelTemplate::parse(json.value(), ownDpi ? variantFolder : folder);
        if (!t)
            return makeError(t.error().code, QStringLiteral("template"),
                             Message(tr, QT_TR_NOOP("%1: %2"), {file, t.error().asArg()}));
        // A variant is found by its folder and name: one that says otherwise is a misplaced file.
        if (ownDpi && (t->dpi != dpi || t->name != name))
            return makeError(ErrorCode::InvalidValue, QStringLiteral("template"),
                             Message(tr,
                                     QT_TR_NOOP("%1 is the %2 dpi variant of %3, but it says dpi %4 and "
                                                "name %5; correct the file"),
                                     {file, dpi, name, t->dpi, t->name}));
        return t;
    }
    return makeError(ErrorCode::UnknownField, QStringLiteral("template"),
                     Message(tr, QT_TR_NOOP("no label template \"%1\"; known: %2"),
                             {name, names().join(QStringLiteral(", "))}));
}

QList<int> LabelTemplateStore::variants(const QString& name) const
{
    QList<int> out;
    for (int dpi : {203, 300, 600}) {
        for (const QString& folder : {m_userFolder, kShipped}) {
            if (QFileInfo::exists(QStringLiteral("%1/%2dpi/%3.json").arg(folder).arg(dpi).arg(name))) {
                out << dpi;
                break;
            }
        }
    }
    return out;
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
