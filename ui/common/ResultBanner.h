#pragma once

#include <QLabel>

namespace rework {

/// The unmistakable outcome of a save: a large green confirmation or a large red error that
/// says what is wrong and what to do. Sounds a cue so that eyes can stay on the bench.
class ResultBanner : public QLabel
{
    Q_OBJECT

public:
    enum class Kind
    {
        None,
        Success,
        Failure
    };

    explicit ResultBanner(QWidget* parent = nullptr);

    void showSuccess(const QString& text);
    void showFailure(const QString& text);
    void clearResult();
    Kind kind() const { return m_kind; }
    /// Hidden while there is nothing to say (for banners that should not hold space).
    void setCollapsible(bool collapsible);

private:
    void apply(Kind kind, const QString& text);

    static constexpr qsizetype kLongText = 160;
    qreal m_basePointSize = 0;
    Kind m_kind = Kind::None;
    bool m_collapsible = false;
};

} // namespace rework
