#include "panescrollarea.h"

#include <QEvent>
#include <QScrollBar>

namespace {

// Tall enough for a few rows of the page; below that the page scrolls.
constexpr int MinimumRows = 6;

} // namespace

PaneScrollArea::PaneScrollArea(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QSize PaneScrollArea::minimumSizeHint() const
{
    const int rows = fontMetrics().height() * MinimumRows;
    if (!widget())
        return {0, rows};
    // The page's own width is held back from the splitter; the scroll bar may appear beside it.
    const int width = widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    return {width, rows};
}

bool PaneScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    // The page's layout changed what it needs: let the splitter know.
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}
