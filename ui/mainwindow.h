#pragma once

#include <QHostAddress>
#include <QMainWindow>

#include <memory>

class ConnectionTableModel;
class ConnectionsView;
class EventLogModel;
class ListenerSet;
class ListenerViews;
class ListenerController;
class ProfileActions;
class QLabel;
class QSortFilterProxyModel;
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
    ProfileActions *profiles() const { return m_profiles; }

    ConnectionTableModel *connectionModel() const;
    EventLogModel *eventLogModel() const { return m_logModel; }
    // Writes every kept log line; false with a reason when the file cannot be written.
    bool exportLog(const QString &path, LogFormat format, QString *error = nullptr) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpConnections();
    void setUpInspector();
    void setUpEventLog();
    void setUpStatusBar();
    void setUpMenuBar();
    // The table's columns as they first were, and the panes' default sizes.
    void resetLayout();
    void restoreSettings();
    void saveSettings();

    // The one door for the listener's batches: each part goes to the view that shows it.
    void onUpdated(const UpdateBatch &batch);
    void onCurrentConnectionChanged(quint64 id);
    // The kernel's figures are read for the rows on screen and the inspected connection.
    void watchTcpInfo();
    void saveListeners();
    void applyTranscriptCapacity();
    // The strip, gauge, chart, code and hint show the current listener.
    void showCurrentListener();
    // The title and the status bar: the one listener's state, or how many of them stand where.
    void showSummary();
    void showHint(const ListenerStatus &status);
    // Keep closed's tooltip: how much the kept transcripts may take at most.
    void showEndedTranscriptBound();
    void showTotals(const ListenerTotals &totals);
    void updateSendTargets();
    void copyLogLines();
    void onExportLogClicked();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Settings> m_settings;
    ListenerController *m_controller = nullptr;
    ConnectionsView *m_connections = nullptr; // from the .ui
    ListenerViews *m_listenerViews = nullptr;
    ListenerSet *m_listeners = nullptr;
    ProfileActions *m_profiles = nullptr;
    EventLogModel *m_logModel = nullptr;
    QSortFilterProxyModel *m_logProxy = nullptr;
    QLabel *m_hintLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_openLabel = nullptr;
    QLabel *m_acceptedLabel = nullptr;
    QLabel *m_bytesInLabel = nullptr;
    QLabel *m_bytesOutLabel = nullptr;
    QAction *m_exportLogAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QList<quint64> m_watched; // the connections whose TCP_INFO is read
};
