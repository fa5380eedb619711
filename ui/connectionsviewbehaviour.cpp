#include "connectionsviewbehaviour.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPersistentModelIndex>
#include <QTableView>

ConnectionsViewBehaviour::ConnectionsViewBehaviour(QTableView *view)
    : QObject(view)
    , m_view(view)
{
    view->installEventFilter(this);
}

bool ConnectionsViewBehaviour::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view)
        return false;
    switch (event->type()) {
    case QEvent::KeyPress:
        handleKeyPress(event);
        return true;
    case QEvent::Paint:
        paintFocusFrame(event);
        return true;
    default:
        return false;
    }
}

void ConnectionsViewBehaviour::handleKeyPress(QEvent *event)
{
    // The view handles the key itself, called directly so that this filter sees what it did;
    // whether the event is accepted is left as the view set it, so an unused key still goes on
    // to the parents.
    const QPersistentModelIndex before = m_view->currentIndex();
    static_cast<QObject *>(m_view)->event(event);
    // Under extended selection, the view moves the current row without selecting it when Ctrl
    // is held (so that Ctrl+Space may pick rows one by one).
    const QModelIndex current = m_view->currentIndex();
    QItemSelectionModel *selection = m_view->selectionModel();
    if (!current.isValid() || !selection || current.row() == before.row())
        return;
    if (!selection->isRowSelected(current.row(), current.parent()))
        selection->select(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ConnectionsViewBehaviour::paintFocusFrame(QEvent *event)
{
    // Fusion draws no focus indication on an item view's frame; the frame in the highlight
    // colour shows which of the window's tables the keys go to. The frame is the view's own
    // paint event (its rows are the viewport's), so drawing after it covers the frame only.
    static_cast<QObject *>(m_view)->event(event);
    if (!m_view->hasFocus() || m_view->frameWidth() <= 0)
        return;
    QPainter painter(m_view);
    QPen pen(m_view->palette().color(QPalette::Active, QPalette::Highlight));
    pen.setWidth(m_view->frameWidth());
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const qreal inset = m_view->frameWidth() / 2.0;
    painter.drawRect(QRectF(m_view->rect()).adjusted(inset, inset, -inset, -inset));
}
