#include "listenerviews.h"

#include "acceptqueuegauge.h"
#include "alllisteners.h"
#include "codeview.h"
#include "lifecyclestrip.h"
#include "listenerpanel.h"
#include "listenertablemodel.h"
#include "trafficchart.h"

#include <QComboBox>
#include <QDateTime>
#include <QTimer>

#include <algorithm>

ListenerViews::ListenerViews(const Widgets &widgets, QObject *parent)
    : QObject(parent)
    , m_widgets(widgets)
    , m_gauge(widgets.listenerPanel->acceptQueueGauge())
    , m_tick(new QTimer(this))
{
    connect(m_widgets.listenerPanel, &ListenerPanel::formEdited, this, &ListenerViews::updateCode);
    connect(m_widgets.listenerPanel, &ListenerPanel::behaviourChanged, this, &ListenerViews::updateCode);
    connect(m_widgets.listenerPanel, &ListenerPanel::tlsEdited, this, &ListenerViews::updateCode);
    updateCode();

    QComboBox *scope = m_widgets.scopeCombo;
    scope->setToolTip(tr("What the lifecycle strip, the accept-queue gauge and the chart show: the listener "
                         "the form edits, or every listener as one"));
    scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // The strip beside it shrinks its text; the label here stays whole.
    scope->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    scope->addItem(QString(), false);
    scope->addItem(tr("All listeners"), true);
    connect(scope, &QComboBox::currentIndexChanged, this, &ListenerViews::showScope);
    const ListenerTableModel *model = m_widgets.listeners;
    connect(model, &QAbstractItemModel::rowsInserted, this, &ListenerViews::updateScopeCombo);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ListenerViews::updateScopeCombo);
    connect(model, &QAbstractItemModel::modelReset, this, &ListenerViews::updateScopeCombo);
    updateScopeCombo();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ListenerViews::sampleTraffic);
    m_tick->start();
    m_sampledAtMs = QDateTime::currentMSecsSinceEpoch();

    m_gauge->setListening(false);
    m_widgets.lifecycleStrip->setStage(LifecycleStrip::Stage::Stopped);
}

ListenerViews::~ListenerViews() = default;

void ListenerViews::follow(int listenerId)
{
    m_followedId = listenerId;
    m_followedStatus = m_widgets.listeners->status(listenerId);
    updateScopeCombo();
    showScope();
    updateCode();
}

bool ListenerViews::showsAll() const
{
    return m_widgets.scopeCombo->currentData().toBool();
}

void ListenerViews::setShowsAll(bool all)
{
    m_widgets.scopeCombo->setCurrentIndex(all ? 1 : 0);
}

void ListenerViews::applyBatch(const UpdateBatch &batch)
{
    const ListenerTableModel *model = m_widgets.listeners;
    if (batch.listenerId == m_followedId && batch.statusChanged) {
        m_followedStatus = batch.status;
        if (batch.status.state == ListenerState::Listening)
            updateCode();
    }
    if (batch.statusChanged || batch.listenerRemoved)
        updateScopeCombo(); // the label shows the address, which a start can change
    if (showsAll()) {
        if (batch.statusChanged || batch.listenerRemoved)
            showStatus(AllListeners::status(model->statuses()));
        if (batch.listenQueueChanged || batch.listenerRemoved)
            showListenQueue(AllListeners::listenQueue(model->listenQueues()));
        showTotals(AllListeners::totals(model->allTotals()));
    } else if (batch.listenerId == m_followedId) {
        if (batch.statusChanged)
            showStatus(batch.status);
        if (batch.listenQueueChanged)
            showListenQueue(batch.listenQueue);
        showTotals(batch.totals);
    }
}

void ListenerViews::showScope()
{
    const ListenerTableModel *model = m_widgets.listeners;
    if (showsAll()) {
        showStatus(AllListeners::status(model->statuses()));
        showListenQueue(AllListeners::listenQueue(model->listenQueues()));
        showTotals(AllListeners::totals(model->allTotals()));
    } else {
        showStatus(model->status(m_followedId));
        showListenQueue(model->listenQueue(m_followedId));
        showTotals(model->totals(m_followedId));
    }
    const auto series = m_series.constFind(showsAll() ? AllKey : m_followedId);
    m_widgets.trafficChart->setSamples(series == m_series.cend() ? TrafficSamples(0) : series->samples);
}

void ListenerViews::showListenQueue(const ListenQueueStats &queue)
{
    m_gauge->setAvailable(queue.available, queue.countersAvailable);
    m_gauge->setQueue(queue.length, queue.backlog);
    m_gauge->setCounters(queue.overflows, queue.drops);
}

void ListenerViews::showTotals(const ListenerTotals &totals)
{
    m_widgets.lifecycleStrip->setCounts(totals.accepted, totals.accepted - quint64(std::max(0, totals.open)));
    m_widgets.lifecycleStrip->setHandshakeCounts(totals.handshakesDone, totals.handshakesFailed);
}

void ListenerViews::showStatus(const ListenerStatus &status)
{
    LifecycleStrip *strip = m_widgets.lifecycleStrip;
    m_gauge->setListening(status.state == ListenerState::Listening);
    strip->setBacklog(status.backlog);
    strip->setTls(status.tls);
    switch (status.state) {
    case ListenerState::Listening:
        strip->setStage(status.paused ? LifecycleStrip::Stage::Paused : LifecycleStrip::Stage::Listening);
        break;
    case ListenerState::Error:
        strip->setFailure(int(status.failedStep), status.errnoName, status.errorString);
        strip->setStage(LifecycleStrip::Stage::Failed);
        break;
    case ListenerState::Stopped:
        strip->setStage(LifecycleStrip::Stage::Stopped);
        break;
    }
}

void ListenerViews::updateScopeCombo()
{
    QComboBox *scope = m_widgets.scopeCombo;
    const int listeners = m_widgets.listeners->rowCount();
    const QString label = m_widgets.listeners->label(m_followedId);
    if (scope->itemText(0) != label)
        scope->setItemText(0, label);
    // With one listener there is nothing to choose; going back to one shows that one.
    if (listeners < 2 && showsAll())
        setShowsAll(false);
    scope->setVisible(listeners > 1);
}

void ListenerViews::sampleTraffic()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double seconds = std::max<qint64>(1, now - m_sampledAtMs) / 1000.0;
    m_sampledAtMs = now;
    const int windowSeconds = m_widgets.trafficChart->windowSeconds();
    const auto sample = [&](int key, const ListenerTotals &totals) {
        const auto rate = [seconds](quint64 later, quint64 earlier) {
            return later >= earlier ? double(later - earlier) / seconds : 0.0;
        };
        auto found = m_series.find(key);
        if (found == m_series.end()) {
            // A listener's first sample starts from its totals: no burst from zero.
            found = m_series.insert(key, Series{TrafficSamples(windowSeconds), totals});
        }
        Series &series = *found;
        series.samples.setWindowSeconds(windowSeconds);
        series.samples.add({now, std::max(0, totals.open), rate(totals.bytesReceived, series.sampled.bytesReceived),
                            rate(totals.bytesSent, series.sampled.bytesSent)});
        series.sampled = totals;
    };
    const ListenerTableModel *model = m_widgets.listeners;
    const QList<int> ids = model->ids();
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (it.key() != AllKey && !ids.contains(it.key()))
            it = m_series.erase(it);
        else
            ++it;
    }
    for (const int id : ids)
        sample(id, model->totals(id));
    sample(AllKey, AllListeners::totals(model->allTotals()));
    m_widgets.trafficChart->setSamples(m_series.value(showsAll() ? AllKey : m_followedId).samples);
}

void ListenerViews::updateCode()
{
    CodeSettings settings = m_widgets.listenerPanel->codeSettings();
    // While listening on port 0 the program is shown with the port the system chose.
    if (m_followedStatus.state == ListenerState::Listening && settings.port == 0)
        settings.port = m_followedStatus.port;
    m_widgets.codeView->setSettings(settings);
}
