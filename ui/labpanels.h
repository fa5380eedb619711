#pragma once

#include "updatebatch.h"

#include <QList>
#include <QObject>

class AcceptQueueGauge;
class ClientsPanel;
class CodeView;
class ConnectionInspector;
class ConnectionTableModel;
class LifecycleStrip;
class ListenerController;
class ListenerPanel;
class QTableView;
class QTimer;
class TrafficChart;

// The lab's teaching panels kept live from the batches: the accept-queue gauge, the lifecycle
// strip, the traffic chart, the kernel's TCP figures of the rows on screen, the built-in test
// clients and the Code view. Apart from MainWindow so each stays small.
class LabPanels final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabPanels)

public:
    struct Widgets
    {
        ListenerPanel *listenerPanel = nullptr;
        LifecycleStrip *lifecycleStrip = nullptr;
        TrafficChart *trafficChart = nullptr;
        QTableView *connectionsView = nullptr;
        ConnectionTableModel *connectionModel = nullptr;
        ConnectionInspector *inspector = nullptr;
        ClientsPanel *clientsPanel = nullptr;
        CodeView *codeView = nullptr;
    };

    LabPanels(ListenerController *controller, const Widgets &widgets, QObject *parent = nullptr);
    ~LabPanels() override;

    void onUpdated(const UpdateBatch &batch);
    // Asks the kernel for the figures of the rows on screen and the inspected connection.
    void watchVisibleConnections();

private:
    void showStatus(const ListenerStatus &status);
    void sampleTraffic();
    void updateCode();
    bool kernelColumnsShown() const;

    ListenerController *m_controller = nullptr;
    Widgets m_widgets;
    AcceptQueueGauge *m_gauge = nullptr;
    QTimer *m_tick = nullptr; // once a second: a chart sample and the watched rows
    ListenerTotals m_totals;
    ListenerTotals m_sampledTotals;
    qint64 m_sampledAtMs = 0;
    QList<quint64> m_watched;
};
