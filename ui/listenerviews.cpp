#include "listenerviews.h"

#include "acceptqueuegauge.h"
#include "codeview.h"
#include "lifecyclestrip.h"
#include "listenerpanel.h"
#include "trafficchart.h"

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
    updateCode();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ListenerViews::sampleTraffic);
    m_tick->start();
    m_sampledAtMs = QDateTime::currentMSecsSinceEpoch();

    m_gauge->setListening(false);
    m_widgets.lifecycleStrip->setStage(LifecycleStrip::Stage::Stopped);
}

ListenerViews::~ListenerViews() = default;

void ListenerViews::showListenQueue(const ListenQueueStats &queue)
{
    m_gauge->setAvailable(queue.available, queue.countersAvailable);
    m_gauge->setQueue(queue.length, queue.backlog);
    m_gauge->setCounters(queue.overflows, queue.drops);
}

void ListenerViews::showTotals(const ListenerTotals &totals)
{
    m_totals = totals;
    m_widgets.lifecycleStrip->setCounts(m_totals.accepted, m_totals.accepted - quint64(std::max(0, m_totals.open)));
    m_widgets.lifecycleStrip->setHandshakeCounts(m_totals.handshakesDone, m_totals.handshakesFailed);
}

void ListenerViews::showStatus(const ListenerStatus &status)
{
    m_status = status;
    LifecycleStrip *strip = m_widgets.lifecycleStrip;
    const bool listening = status.state == ListenerState::Listening;
    m_gauge->setListening(listening);
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
    if (listening)
        updateCode();
}

void ListenerViews::sampleTraffic()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double seconds = std::max<qint64>(1, now - m_sampledAtMs) / 1000.0;
    const auto rate = [seconds](quint64 later, quint64 earlier) {
        return later >= earlier ? double(later - earlier) / seconds : 0.0;
    };
    m_widgets.trafficChart->addSample(now, m_totals.open, rate(m_totals.bytesReceived, m_sampledTotals.bytesReceived),
                                      rate(m_totals.bytesSent, m_sampledTotals.bytesSent));
    m_sampledTotals = m_totals;
    m_sampledAtMs = now;
}

void ListenerViews::updateCode()
{
    CodeSettings settings = m_widgets.listenerPanel->codeSettings();
    // While listening on port 0 the program is shown with the port the system chose.
    if (m_status.state == ListenerState::Listening && settings.port == 0)
        settings.port = m_status.port;
    m_widgets.codeView->setSettings(settings);
}
