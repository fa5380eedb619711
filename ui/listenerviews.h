#pragma once

#include "listenerstatus.h"
#include "trafficsamples.h"
#include "updatebatch.h"

#include <QHash>
#include <QObject>

class AcceptQueueGauge;
class CodeView;
class LifecycleStrip;
class ListenerPanel;
class ListenerTableModel;
class QComboBox;
class QTimer;
class TrafficChart;

// The pictures of the listener the window follows, or of every listener as one: the lifecycle
// strip, the accept-queue gauge and the traffic chart, with a box to choose between the two.
// The Code tab always shows the followed listener's program. It reads the listeners' state
// from the listener model after each batch; it holds no socket and no controller.
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
        QComboBox *scopeCombo = nullptr;
        const ListenerTableModel *listeners = nullptr;
    };

    explicit ListenerViews(const Widgets &widgets, QObject *parent = nullptr);
    ~ListenerViews() override;

    // The listener the form edits; the views show it unless "All listeners" is chosen.
    void follow(int listenerId);
    int followedId() const { return m_followedId; }
    bool showsAll() const;
    void setShowsAll(bool all);
    // After the listener model took a batch: what changed for the scope shown.
    void applyBatch(const UpdateBatch &batch);

private:
    // The chart's history per listener, and for all of them under AllKey.
    struct Series
    {
        TrafficSamples samples{0};
        ListenerTotals sampled;
    };
    static constexpr int AllKey = 0;

    void showScope();
    void showStatus(const ListenerStatus &status);
    void showListenQueue(const ListenQueueStats &queue);
    void showTotals(const ListenerTotals &totals);
    void updateScopeCombo();
    void sampleTraffic();
    void updateCode();

    Widgets m_widgets;
    AcceptQueueGauge *m_gauge = nullptr;
    QTimer *m_tick = nullptr; // once a second: a chart sample
    int m_followedId = 0;
    ListenerStatus m_followedStatus; // for the Code tab's port
    QHash<int, Series> m_series;
    qint64 m_sampledAtMs = 0;
};
