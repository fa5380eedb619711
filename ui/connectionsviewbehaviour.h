#pragma once

#include <QObject>

class QTableView;

// What the connections table does beyond a plain QTableView, added from outside since the view
// comes from the window's form: a keyboard move of the current row selects that row (Ctrl+End,
// Ctrl+Home and the like otherwise only move the current row, so Delete would act on nothing),
// and the table's frame is drawn in the highlight colour while it has the focus.
class ConnectionsViewBehaviour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsViewBehaviour)

public:
    // Attaches to the view, which owns it.
    explicit ConnectionsViewBehaviour(QTableView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void handleKeyPress(QEvent *event);
    void paintFocusFrame(QEvent *event);

    QTableView *m_view = nullptr;
};
