#pragma once

#include <QHostAddress>
#include <QMainWindow>

#include <memory>

class CloseButtonDelegate;
class ConnectionFilterProxyModel;
class ConnectionTableModel;
class EventLogModel;
class LabPanels;
class ListenerController;
class QLabel;
class QSortFilterProxyModel;
class QTimer;
class Settings;
struct CommandLineOptions;
struct ListenerStatus;
struct ListenerTotals;
struct UpdateBatch;
enum class CloseMode : quint8;
enum class ServerMode : quint8;

namespace Ui {
class MainWindow;
}

// The window: the listener panel, the live connections table, the inspector with the send box,
// the event log and the counts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class LogFormat { Csv, JsonLines };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Fills in the form and starts listening, as --listen asks.
    void startListening(const QHostAddress &address, quint16 port, int backlog);
    // The command line's choices, for this run only: the saved settings stay as they were.
    void applyCommandLine(const CommandLineOptions &options);

    ListenerController *controller() const { return m_controller; }

    ConnectionTableModel *connectionModel() const { return m_connectionModel; }
    EventLogModel *eventLogModel() const { return m_logModel; }
    // Writes every kept log line; false with a reason when the file cannot be written.
    bool exportLog(const QString &path, LogFormat format, QString *error = nullptr) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpConnectionsTable();
    void setUpConnectionFilter();
    void setUpColumnMenu();
    void syncColumnMenu();
    void setUpInspector();
    void setUpEventLog();
    void setUpStatusBar();
    void setUpMenuBar();
    // The table's columns as they first were, and the panes' default sizes.
    void resetLayout();
    void focusConnectionFilter();
    void restoreSettings();
    void saveSettings();

    void onUpdated(const UpdateBatch &batch);
    void onCurrentRowChanged();
    void onConnectionFilterEdited();
    void applyConnectionFilter();
    void scheduleFilterCount();
    void showFilterCount();
    void applyBehaviour();
    // Keep closed's tooltip: how much the kept transcripts may take at most.
    void showEndedTranscriptBound();
    void showStatus(const ListenerStatus &status);
    void showTotals(const ListenerTotals &totals);
    void updateActions();
    QList<quint64> selectedOpenIds() const;
    void closeSelected(CloseMode mode);
    void copyLogLines();
    void onExportLogClicked();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Settings> m_settings;
    LabPanels *m_labPanels = nullptr;
    ListenerController *m_controller = nullptr;
    ConnectionTableModel *m_connectionModel = nullptr;
    ConnectionFilterProxyModel *m_connectionProxy = nullptr;
    CloseButtonDelegate *m_closeDelegate = nullptr;
    QTimer *m_filterTimer = nullptr;
    QLabel *m_filterCountLabel = nullptr;
    bool m_filterCountPending = false;
    EventLogModel *m_logModel = nullptr;
    QSortFilterProxyModel *m_logProxy = nullptr;
    QLabel *m_openLabel = nullptr;
    QLabel *m_acceptedLabel = nullptr;
    QLabel *m_bytesInLabel = nullptr;
    QLabel *m_bytesOutLabel = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_halfCloseAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_closeAllAction = nullptr;
    QAction *m_clearClosedAction = nullptr;
    QAction *m_exportLogAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QByteArray m_defaultHeaderState; // taken before the saved one is restored
};
