#pragma once

#include "FilledLabel.h"

class QPainter;
class QPagedPaintDevice;

namespace rework {

/// Draws filled labels with QPainter: into a PDF file, or any printer the GUI opens.
class LabelPainter
{
    Q_DECLARE_TR_FUNCTIONS(LabelPainter)

public:
    /// Draws one label with its top left at the painter's origin, one device unit per printer
    /// dot (the device's resolution must be the template's dpi).
    static void paint(QPainter& painter, const FilledLabel& label);
    /// Sets a paged device (PDF writer, printer) to the label's size and resolution.
    static void setUp(QPagedPaintDevice& device, const FilledLabel& label);
    /// The font size in dots for a text element: its size_pt, or smaller where a one-line box
    /// would otherwise cut the text (a serial must never lose characters).
    static int textPixelSize(const LabelTemplate& layout, const LabelTemplate::Element& element,
                             const QString& text);
    /// One page per label.
    static Status writePdf(const QString& path, const QList<FilledLabel>& labels);
};

} // namespace rework
