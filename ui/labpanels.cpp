#include "labpanels.h"

#include "acceptqueuegauge.h"
#include "clientspanel.h"
#include "codeview.h"
#include "connectioninspector.h"
#include "connectiontablemodel.h"
#include "lifecyclestrip.h"
#include "listenercontroller.h"
#include "listenerpanel.h"
#include "trafficchart.h"

#include <QDateTime>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>

LabPanels::LabPanels(ListenerController *controller, const Widgets &widgets, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_widgets(widgets)
    , m_gauge(widgets.listenerPanel->acceptQueueGauge())
    , m_tick(new QTimer(this))
{
    connect(m_widgets.clientsPanel, &ClientsPanel::startRequested, m_controller, &ListenerController::startClients);
    connect(m_widgets.clientsPanel, &ClientsPanel::closeAllRequested, m_controller,
            &ListenerController::closeAllClients);
    connect(m_controller, &ListenerController::clientsUpdated, m_widgets.clientsPanel, &ClientsPanel::showTotals);
    m_widgets.clientsPanel->setDefaultTarget(m_widgets.listenerPanel->codeSettings().address,
                                             m_widgets.listenerPanel->codeSettings().port);

    connect(m_widgets.listenerPanel, &ListenerPanel::formEdited, this, &LabPanels::updateCode);
    connect(m_widgets.listenerPanel, &ListenerPanel::behaviourChanged, this, &LabPanels::updateCode);
    updateCode();

    // Scrolling or showing a kernel column changes which rows need the kernel's figures.
    QTableView *view = m_widgets.connectionsView;
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LabPanels::watchVisibleConnections);
    connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, &LabPanels::watchVisibleConnections);

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &LabPanels::sampleTraffic);
    connect(m_tick, &QTimer::timeout, this, &LabPanels::watchVisibleConnections);
    m_tick->start();
    m_sampledAtMs = QDateTime::currentMSecsSinceEpoch();

    m_gauge->setListening(false);
    m_widgets.lifecycleStrip->setStage(LifecycleStrip::Stage::Stopped);
}

LabPanels::~LabPanels() = default;

void LabPanels::onUpdated(const UpdateBatch &batch)
{
    if (batch.statusChanged)
        showStatus(batch.status);
    if (batch.listenQueueChanged) {
        const ListenQueueStats &queue = batch.listenQueue;
        m_gauge->setAvailable(queue.available, queue.countersAvailable);
        m_gauge->setQueue(queue.length, queue.backlog);
        m_gauge->setCounters(queue.overflows, queue.drops);
    }
    m_totals = batch.totals;
    m_widgets.lifecycleStrip->setCounts(m_totals.accepted,
                                        m_totals.accepted - quint64(std::max(0, m_totals.open)));
    if (!batch.tcpInfo.isEmpty()) {
        m_widgets.connectionModel->applyTcpInfo(batch.tcpInfo);
        m_widgets.inspector->applyTcpInfo(batch.tcpInfo);
    }
}

void LabPanels::showStatus(const ListenerStatus &status)
{
    LifecycleStrip *strip = m_widgets.lifecycleStrip;
    const bool listening = status.state == ListenerState::Listening;
    m_gauge->setListening(listening);
    strip->setBacklog(status.backlog);
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
    if (listening) {
        m_widgets.clientsPanel->setDefaultTarget(status.address, status.port);
        updateCode();
    }
}

void LabPanels::sampleTraffic()
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

void LabPanels::updateCode()
{
    CodeSettings settings = m_widgets.listenerPanel->codeSettings();
    // While listening on port 0 the program is shown with the port the system chose.
    const ListenerStatus &status = m_controller->status();
    if (status.state == ListenerState::Listening && settings.port == 0)
        settings.port = status.port;
    m_widgets.codeView->setSettings(settings);
}

bool LabPanels::kernelColumnsShown() const
{
    const QHeaderView *header = m_widgets.connectionsView->horizontalHeader();
    for (int column = ConnectionTableModel::TcpStateColumn; column <= ConnectionTableModel::SinceLastReceiveColumn;
         ++column) {
        if (!header->isSectionHidden(column))
            return true;
    }
    return false;
}

void LabPanels::watchVisibleConnections()
{
    QList<quint64> ids;
    if (m_widgets.inspector->connectionId() != 0)
        ids.append(m_widgets.inspector->connectionId());
    QTableView *view = m_widgets.connectionsView;
    if (kernelColumnsShown() && view->model()) {
        const int first = std::max(0, view->rowAt(0));
        int last = view->rowAt(view->viewport()->height() - 1);
        if (last < 0)
            last = view->model()->rowCount() - 1;
        for (int row = first; row <= last && row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, ConnectionTableModel::IdColumn);
            ids.append(index.data(ConnectionTableModel::ConnectionIdRole).toULongLong());
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids != m_watched) {
        m_watched = ids;
        m_controller->watchTcpInfo(ids);
    }
}
