#pragma once

#include <QHostAddress>
#include <QMainWindow>

#include <memory>

class CloseButtonDelegate;
class ConnectionTableModel;
class EventLogModel;
class ListenerController;
class QLabel;
class QSortFilterProxyModel;
class Settings;
struct ListenerStatus;
struct ListenerTotals;
struct UpdateBatch;

namespace Ui {
class MainWindow;
}

// The window: the listener form, the live connections table, the event log and the counts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Fills in the form and starts listening, as --listen asks.
    void startListening(const QHostAddress &address, quint16 port, int backlog);
    void setBacklog(int backlog);

    ConnectionTableModel *connectionModel() const { return m_connectionModel; }
    EventLogModel *eventLogModel() const { return m_logModel; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpListenerForm();
    void setUpConnectionsTable();
    void setUpEventLog();
    void setUpStatusBar();
    void restoreSettings();
    void saveSettings();

    void onStartClicked();
    void onStopClicked();
    void onUpdated(const UpdateBatch &batch);
    void validateForm();
    void showStatus(const ListenerStatus &status);
    void showTotals(const ListenerTotals &totals);
    void updateActions();
    void closeSelectedConnections();
    void copyLogLines();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Settings> m_settings;
    ListenerController *m_controller = nullptr;
    ConnectionTableModel *m_connectionModel = nullptr;
    QSortFilterProxyModel *m_connectionProxy = nullptr;
    CloseButtonDelegate *m_closeDelegate = nullptr;
    EventLogModel *m_logModel = nullptr;
    QSortFilterProxyModel *m_logProxy = nullptr;
    QLabel *m_openLabel = nullptr;
    QLabel *m_acceptedLabel = nullptr;
    QLabel *m_bytesInLabel = nullptr;
    QLabel *m_bytesOutLabel = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_closeAllAction = nullptr;
    QAction *m_clearClosedAction = nullptr;
    bool m_listening = false;
    bool m_formValid = false;
};
