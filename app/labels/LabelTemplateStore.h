#pragma once

#include "LabelTemplate.h"

#include <QStringList>

namespace rework {

/// Where templates come from: the user's copies in `<data folder>/labels/NAME.json` first, so a
/// factory can edit its labels, then the defaults shipped in the program (`:/labels`).
class LabelTemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(LabelTemplateStore)

public:
    explicit LabelTemplateStore(const QString& dataFolder)
        : m_userFolder(dataFolder + QStringLiteral("/labels"))
    {
    }

    QStringList names() const;
    Result<LabelTemplate> load(const QString& name) const;
    /// The shipped default for this kind of item: die-traveler, unit-label or batch-label.
    static QString defaultFor(LabelTemplate::Kind kind);
    QString userFolder() const { return m_userFolder; }

private:
    QString m_userFolder;
};

} // namespace rework
