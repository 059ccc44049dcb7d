#include "Logging.h"

#include <QDir>
#include <QFile>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace rework {
namespace {

void qtMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    const std::string text = message.toStdString();
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("qt: {}", text);
        break;
    case QtInfoMsg:
        spdlog::info("qt: {}", text);
        break;
    case QtWarningMsg:
        spdlog::warn("qt: {}", text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        spdlog::error("qt: {}", text);
        break;
    }
}

} // namespace

QString Logging::logFilePath(const QString& folder)
{
    return QDir(folder).filePath(QStringLiteral("reworktrack.log"));
}

void Logging::init(const QString& folder, bool verbose)
{
    std::vector<spdlog::sink_ptr> sinks;
    QDir().mkpath(folder);
    try {
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            logFilePath(folder).toStdString(), 5 * 1024 * 1024, 5));
        // Owner-only whatever the umask (the programs also set 077 for the files rotation makes).
        QFile::setPermissions(logFilePath(folder), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    } catch (const spdlog::spdlog_ex&) {
        // An unwritable folder must not stop the floor: keep going without a file.
    }
    if (verbose) {
        auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        err->set_level(spdlog::level::debug);
        sinks.push_back(err);
    }
    auto logger = std::make_shared<spdlog::logger>("reworktrack", sinks.begin(), sinks.end());
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ [%P] %v");
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(qtMessageHandler);
}

void Logging::silence()
{
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("null", std::make_shared<spdlog::sinks::null_sink_mt>()));
}

} // namespace rework
