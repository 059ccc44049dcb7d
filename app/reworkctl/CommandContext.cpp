#include "CommandContext.h"

#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/PrivateFiles.h"

#include <QFileInfo>

namespace rework {

CommandContext::CommandContext(Output& output, const Clock& now, QString dbPath, bool verbose, QString usage)
    : out(output), clock(now), help(std::move(usage)), m_dbPath(std::move(dbPath)), m_verbose(verbose)
{
}

CommandContext::~CommandContext() = default;

Database* CommandContext::database()
{
    if (m_db)
        return m_db.get();
    const QString path = Database::resolvePath(m_dbPath);
    Logging::init(QFileInfo(path).absolutePath(), m_verbose);
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        out.fail(db.error());
        return nullptr;
    }
    m_db = std::move(db.value());
    PrivateFiles::warnIfShared(m_db->path());
    return m_db.get();
}

QString CommandContext::dataFolder() const
{
    return QFileInfo(m_db->path()).absolutePath();
}

} // namespace rework
