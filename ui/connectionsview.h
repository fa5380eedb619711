#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QWidget>

#include <memory>

class RowButtonDelegate;
class ConnectionFilterProxyModel;
class ConnectionTableModel;
class QAction;
class QLabel;
class QTableView;
class QTimer;
struct ConnectionInfo;
struct Faults;
struct TcpInfo;
enum class CloseMode : quint8;

namespace Ui {
class ConnectionsView;
}

// The live connections table with all that belongs to it: the filter box, the model, its proxy,
// the close buttons' delegate, the close actions, the column menu and the header's state. It
// says what the user asked for through its signals and never reaches the listener itself.
class ConnectionsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsView)

public:
    // What the selection holds, for the actions that act on it.
    struct Selection
    {
        QList<quint64> openIds; // every open connection selected
        int sendable = 0;       // of those, the ones that can still be written to
        int halfClosed = 0;     // of those, the ones the server half-closed: read-only
    };

    explicit ConnectionsView(QWidget *parent = nullptr);
    ~ConnectionsView() override;

    ConnectionTableModel *model() const { return m_model; }
    QTableView *tableView() const;
    // "Showing X of Y" while a filter is typed; the window puts it in its status bar.
    QLabel *filterCountLabel() const { return m_filterCountLabel; }

    void applyUpdates(const QList<ConnectionInfo> &connections);
    void applyTcpInfo(const QHash<quint64, TcpInfo> &tcpInfo);
    // The listeners the filter combo offers, by id with their labels ("#1 TCP 127.0.0.1:9000"),
    // also the Listener column's tooltips. The choice stays while its listener does.
    void setListeners(const QList<QPair<int, QString>> &idsAndLabels);
    // The listener the table is narrowed to; 0 for all.
    int listenerFilter() const;
    // How many closed rows the table keeps (the Keep closed box).
    void setHistoryLimit(int limit);
    int historyLimit() const;
    void setHistoryMaximum(int maximum);
    // The Keep closed box's tooltip: how much the kept transcripts may take at most.
    void setHistoryToolTip(const QString &text);

    Selection selection() const;
    // The connection of the current row; 0 for none.
    quint64 currentId() const;
    // The rows on screen while a kernel column is shown: the connections whose TCP_INFO is worth reading.
    QList<quint64> visibleIds() const;

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);
    // The columns as they first were.
    void resetColumns();
    void focusFilter();

    QAction *closeAllAction() const { return m_closeAllAction; }
    QAction *clearClosedAction() const { return m_clearClosedAction; }
    QAction *findAction() const { return m_findAction; }
    QList<QAction *> columnActions() const;

signals:
    void closeRequested(const QList<quint64> &ids, CloseMode mode);
    // The user chose faults for these open connections, to switch on now.
    void faultsRequested(const QList<quint64> &ids, const Faults &faults);
    void closeAllRequested();
    // The closed rows were removed (Clear closed): their transcripts can go too.
    void closedCleared();
    void historyLimitChanged(int limit);
    void currentChanged(quint64 id);
    void selectionChanged();
    void visibleIdsChanged(const QList<quint64> &ids);

private:
    void setUpTable();
    void setUpActions();
    void setUpFilter();
    void setUpColumnMenu();
    void syncColumnMenu();
    void onCurrentRowChanged();
    void onFilterEdited();
    void applyFilter();
    void onListenerFilterChosen();
    // After the rows were narrowed: what the inspector, the actions and the count follow.
    void filterApplied();
    void scheduleFilterCount();
    void showFilterCount();
    void updateActions();
    void closeSelected(CloseMode mode);
    // Asks for the faults of the selected open connections, starting from the first one's.
    void editSelectedFaults();
    void checkVisibleIds();
    bool kernelColumnsShown() const;

    std::unique_ptr<Ui::ConnectionsView> m_ui;
    ConnectionTableModel *m_model = nullptr;
    ConnectionFilterProxyModel *m_proxy = nullptr;
    RowButtonDelegate *m_closeDelegate = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTimer *m_visibleTick = nullptr; // rows come and go without scrolling: look again once a second
    QLabel *m_filterCountLabel = nullptr;
    bool m_filterCountPending = false;
    quint64 m_currentId = 0;
    QList<quint64> m_visibleIds;
    QAction *m_closeAction = nullptr;
    QAction *m_halfCloseAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_faultsAction = nullptr;
    QAction *m_closeAllAction = nullptr;
    QAction *m_clearClosedAction = nullptr;
    QAction *m_findAction = nullptr;
    QList<QPair<int, QString>> m_listeners; // as the filter combo offers them
    QByteArray m_defaultHeaderState; // taken before the saved one is restored
};
