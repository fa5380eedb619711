#pragma once

#include <QWidget>

class ListenerTableModel;
class QPushButton;
class QTableView;
class RowButtonDelegate;

// The Listeners list: one row per listener with its state and counts, Start or Stop in each row,
// and the buttons that add, duplicate and remove listeners or start and stop them all. The
// selected row is the listener the form edits and the strip, gauge, chart and code follow.
class ListenersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenersView)

public:
    explicit ListenersView(ListenerTableModel *model, QWidget *parent = nullptr);
    ~ListenersView() override;

    int currentId() const;
    void setCurrentId(int id);
    QTableView *tableView() const { return m_view; }

signals:
    void currentChanged(int id);
    void addRequested();
    void duplicateRequested(int id);
    void removeRequested(int id);
    void startStopRequested(int id);
    void startAllRequested();
    void stopAllRequested();

private:
    void updateButtons();

    ListenerTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    RowButtonDelegate *m_buttonDelegate = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_startAllButton = nullptr;
    QPushButton *m_stopAllButton = nullptr;
    int m_currentId = 0;
};
