#pragma once

#include "LabelTemplate.h"
#include "domain/Clock.h"
#include "domain/Snapshot.h"

#include <QSqlDatabase>

#include <QStringList>

namespace rework {

/// Where templates come from: the user's copies in `<data folder>/labels/NAME.json` first, so a
/// factory can edit its labels, then the defaults shipped in the program (`:/labels`). Beside a
/// NAME.json, `<dpi>dpi/NAME.json` is the same label drawn for a printer of that resolution (the
/// shipped ones for 203 dpi stock), its bars and boxes on that printer's whole dots.
class LabelTemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(LabelTemplateStore)

public:
    explicit LabelTemplateStore(const QString& dataFolder)
        : m_userFolder(dataFolder + QStringLiteral("/labels"))
    {
    }

    QStringList names() const;
    /// The template NAME; for a printer of `dpi` (203, 300, 600) its variant drawn for that
    /// resolution where the same folder has one, else NAME.json as it is (the caller lays it out
    /// again). 0: NAME.json. A user's NAME.json wins over every shipped variant: it is theirs.
    Result<LabelTemplate> load(const QString& name, int dpi = 0) const;
    /// The resolutions NAME has a variant drawn for (`<dpi>dpi/NAME.json`, the user's or shipped).
    QList<int> variants(const QString& name) const;
    /// The shipped default for this kind of item: die-traveler, unit-label or batch-label.
    static QString defaultFor(LabelTemplate::Kind kind);
    QString userFolder() const { return m_userFolder; }

    /// Shares the template in `file` with every station: checked like any template, recorded as a
    /// reference change by `actor` (who needs `templates.edit`), audited, and copied into this
    /// station's folder at once; the others write their copy at their next sync. Returns its name.
    Result<QString> publish(const QSqlDatabase& db, const QString& file, const OperatorInfo& actor,
                            const QString& stationId, const Clock& clock) const;

private:
    QString m_userFolder;
};

} // namespace rework
