#pragma once

#include "listenerstatus.h"
#include "updatebatch.h"

#include <QObject>

class AcceptQueueGauge;
class CodeView;
class LifecycleStrip;
class ListenerPanel;
class QTimer;
class TrafficChart;

// The pictures of the listener the window follows: the lifecycle strip, the accept-queue gauge,
// the traffic chart sampled once a second and the program in the Code tab. The window hands it
// the listener's status, queue and totals from each batch; it holds no socket and no controller.
class ListenerViews final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerViews)

public:
    struct Widgets
    {
        ListenerPanel *listenerPanel = nullptr;
        LifecycleStrip *lifecycleStrip = nullptr;
        TrafficChart *trafficChart = nullptr;
        CodeView *codeView = nullptr;
    };

    explicit ListenerViews(const Widgets &widgets, QObject *parent = nullptr);
    ~ListenerViews() override;

    void showStatus(const ListenerStatus &status);
    void showListenQueue(const ListenQueueStats &queue);
    void showTotals(const ListenerTotals &totals);

private:
    void sampleTraffic();
    void updateCode();

    Widgets m_widgets;
    AcceptQueueGauge *m_gauge = nullptr;
    QTimer *m_tick = nullptr; // once a second: a chart sample
    ListenerStatus m_status;
    ListenerTotals m_totals;
    ListenerTotals m_sampledTotals;
    qint64 m_sampledAtMs = 0;
};
