#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "clientspanel.h"
#include "commandline.h"
#include "connectiontablemodel.h"
#include "connectionsview.h"
#include "displayformat.h"
#include "endpoint.h"
#include "eventlogmodel.h"
#include "listenercontroller.h"
#include "listenerset.h"
#include "listenersview.h"
#include "listenersummary.h"
#include "listenertablemodel.h"
#include "listenerviews.h"
#include "logexport.h"
#include "mainmenubar.h"
#include "profileactions.h"
#include "settings.h"

#include <QClipboard>
#include <QDateTime>
#include <QCloseEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace {

// The panes' sizes when no saved ones apply, and after View > Reset layout.
const QList<int> DefaultSplitterSizes{400, 170, 150};
const QList<int> DefaultMainSplitterSizes{900, 340};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settings(std::make_unique<Settings>())
    , m_controller(new ListenerController(this))
    , m_logModel(new EventLogModel(EventLog::DefaultCapacity, this))
    , m_logProxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_connections = m_ui->connections;
    setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));

    // The form edits the current listener; the Listeners tab lists them all.
    m_listeners = new ListenerSet(m_controller, m_ui->listenerPanel, this);
    m_listenerViews = new ListenerViews({m_ui->listenerPanel, m_ui->lifecycleStrip, m_ui->trafficChart,
                                         m_ui->codeView, m_ui->viewScopeCombo, m_listeners->model()},
                                        this);
    auto *listenersView = new ListenersView(m_listeners->model(), this);
    listenersView->setObjectName(QStringLiteral("listenersView"));
    m_ui->sideTabs->insertTab(1, listenersView, tr("Listeners"));
    m_listeners->setView(listenersView);
    connect(m_listeners, &ListenerSet::configsChanged, this, &MainWindow::saveListeners);
    connect(m_listeners, &ListenerSet::currentChanged, this, &MainWindow::showCurrentListener);
    connect(m_listeners->model(), &QAbstractItemModel::rowsInserted, this, &MainWindow::showSummary);
    connect(m_listeners->model(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::showSummary);
    connect(m_listeners, &ListenerSet::refused, this, [this](const QString &reason) {
        m_logModel->append({LogEntry{QDateTime::currentMSecsSinceEpoch(), LogLevel::Warning, reason}});
    });
    // The connections' listener filter offers the listeners there are, by their labels.
    const auto offerListeners = [this] {
        const ListenerTableModel *model = m_listeners->model();
        QList<QPair<int, QString>> listeners;
        for (const int id : model->ids())
            listeners.append({id, model->label(id)});
        m_connections->setListeners(listeners);
    };
    connect(m_listeners->model(), &QAbstractItemModel::rowsInserted, this, offerListeners);
    connect(m_listeners->model(), &QAbstractItemModel::rowsRemoved, this, offerListeners);
    connect(m_listeners->model(), &QAbstractItemModel::dataChanged, this, offerListeners);
    connect(m_listeners->model(), &QAbstractItemModel::modelReset, this, offerListeners);
    connect(m_listeners, &ListenerSet::warned, m_listeners, &ListenerSet::refused);

    // A wider or narrower window changes the table's width; the side pane keeps its own.
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 0);
    setUpConnections();
    setUpInspector();
    setUpEventLog();
    setUpStatusBar();
    setUpMenuBar();
    restoreSettings();

    connect(m_controller, &ListenerController::updated, this, &MainWindow::onUpdated);
    applyTranscriptCapacity();
    showCurrentListener();
    showSummary();
    showTotals(m_controller->totals());
    updateSendTargets();
}

MainWindow::~MainWindow() = default;

ConnectionTableModel *MainWindow::connectionModel() const
{
    return m_connections->model();
}

void MainWindow::setUpConnections()
{
    ConnectionsView *connections = m_connections;
    connect(connections, &ConnectionsView::closeRequested, m_controller,
            [this](const QList<quint64> &ids, CloseMode mode) { m_controller->closeConnections(ids, mode); });
    connect(connections, &ConnectionsView::closeAllRequested, m_controller, &ListenerController::closeAllConnections);
    connect(connections, &ConnectionsView::faultsRequested, m_controller,
            [this](const QList<quint64> &ids, const Faults &faults) { m_controller->setFaults(ids, faults); });
    connect(connections, &ConnectionsView::closedCleared, m_controller, &ListenerController::forgetEndedTranscripts);
    connect(connections, &ConnectionsView::currentChanged, this, &MainWindow::onCurrentConnectionChanged);
    connect(connections, &ConnectionsView::selectionChanged, this, &MainWindow::updateSendTargets);
    connect(connections, &ConnectionsView::visibleIdsChanged, this, &MainWindow::watchTcpInfo);
    // Closed rows and their transcripts are kept alike: as many as Keep closed says, each at
    // most Keep KiB, so their memory is what the user chose.
    connect(connections, &ConnectionsView::historyLimitChanged, this, [this](int limit) {
        m_controller->keepEndedTranscripts(limit);
        m_settings->setHistoryLimit(limit);
        showEndedTranscriptBound();
    });

    ClientsPanel *clients = m_ui->clientsPanel;
    connect(clients, &ClientsPanel::startRequested, m_controller, &ListenerController::startClients);
    connect(clients, &ClientsPanel::closeAllRequested, m_controller, &ListenerController::closeAllClients);
    connect(m_controller, &ListenerController::clientsUpdated, clients, &ClientsPanel::showTotals);
    clients->setDefaultTarget(m_ui->listenerPanel->codeSettings().address, m_ui->listenerPanel->codeSettings().port);
}

void MainWindow::setUpInspector()
{
    connect(m_ui->inspector, &ConnectionInspector::closeRequested, this,
            [this](quint64 id, CloseMode mode) { m_controller->closeConnections({id}, mode); });
    connect(m_ui->inspector, &ConnectionInspector::capacityChanged, this, &MainWindow::applyTranscriptCapacity);
    connect(m_ui->sendPanel, &SendPanel::sendRequested, this, [this](const QByteArray &payload, bool toAll) {
        m_controller->send(toAll ? QList<quint64>() : m_connections->selection().openIds, payload);
        m_settings->setSendHistory(m_ui->sendPanel->history());
    });
}

void MainWindow::setUpEventLog()
{
    m_logProxy->setSourceModel(m_logModel);
    m_logProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_logProxy->setFilterRole(Qt::DisplayRole);
    m_ui->logView->setModel(m_logProxy);
    connect(m_ui->logFilterEdit, &QLineEdit::textChanged, m_logProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    auto *copyAction = new QAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("&Copy"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &MainWindow::copyLogLines);
    auto *clearAction = new QAction(QIcon(QStringLiteral(":/icons/clear.svg")), tr("C&lear log"), this);
    connect(clearAction, &QAction::triggered, m_logModel, &EventLogModel::clear);
    m_ui->logView->addActions({copyAction, clearAction});
    m_ui->copyLogButton->setIcon(copyAction->icon());
    m_ui->clearLogButton->setIcon(clearAction->icon());
    m_exportLogAction = new QAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("Export &log…"), this);
    m_exportLogAction->setObjectName(QStringLiteral("exportLogAction"));
    connect(m_exportLogAction, &QAction::triggered, this, &MainWindow::onExportLogClicked);
    m_ui->exportLogButton->setIcon(m_exportLogAction->icon());
    m_ui->logView->setAccessibleName(tr("Event log"));
    connect(m_ui->copyLogButton, &QPushButton::clicked, copyAction, &QAction::trigger);
    connect(m_ui->clearLogButton, &QPushButton::clicked, clearAction, &QAction::trigger);
    connect(m_ui->exportLogButton, &QPushButton::clicked, m_exportLogAction, &QAction::trigger);

    // Keep the newest line in view unless the user scrolled up to read.
    connect(m_logProxy, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_ui->logView->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2 * m_ui->logView->sizeHintForRow(0))
            m_ui->logView->scrollToBottom();
    });
}

void MainWindow::setUpStatusBar()
{
    // The "Try it: nc ..." hint lives at the left of the status bar, where it has room.
    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_hintLabel, 1);
    // "2 listening, 1 stopped" while there are several listeners.
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("listenerSummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setContentsMargins(8, 0, 8, 0);
    m_summaryLabel->hide();
    statusBar()->addPermanentWidget(m_summaryLabel);
    // "Showing X of Y" comes first of the counts, shown only while a filter is typed.
    statusBar()->addPermanentWidget(m_connections->filterCountLabel());
    m_openLabel = new QLabel(this);
    m_acceptedLabel = new QLabel(this);
    m_bytesInLabel = new QLabel(this);
    m_bytesOutLabel = new QLabel(this);
    for (QLabel *label : {m_openLabel, m_acceptedLabel, m_bytesInLabel, m_bytesOutLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }
}

void MainWindow::setUpMenuBar()
{
    m_resetLayoutAction = new QAction(tr("&Reset layout"), this);
    m_resetLayoutAction->setObjectName(QStringLiteral("resetLayoutAction"));
    m_resetLayoutAction->setToolTip(tr("The table's columns and the panes' sizes as they first were"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    m_profiles = new ProfileActions(m_listeners, m_controller, this);
    MainMenuBar::Actions actions;
    actions.openProfile = m_profiles->openAction();
    actions.saveProfile = m_profiles->saveAction();
    actions.exportLog = m_exportLogAction;
    actions.exportTranscript = m_ui->inspector->exportAction();
    actions.startStop = m_ui->listenerPanel->startStopAction();
    actions.pause = m_ui->listenerPanel->pauseAction();
    actions.closeAll = m_connections->closeAllAction();
    actions.clearClosed = m_connections->clearClosedAction();
    actions.findConnections = m_connections->findAction();
    actions.columns = m_connections->columnActions();
    actions.resetLayout = m_resetLayoutAction;
    setMenuBar(new MainMenuBar(this, actions));
}

void MainWindow::resetLayout()
{
    m_connections->resetColumns();
    m_ui->splitter->setSizes(DefaultSplitterSizes);
    m_ui->mainSplitter->setSizes(DefaultMainSplitterSizes);
}

void MainWindow::restoreSettings()
{
    m_ui->listenerPanel->setAllInterfacesConfirmed(m_settings->allInterfacesConfirmed());
    m_listeners->restore(m_settings->listeners());
    m_connections->setHistoryMaximum(Settings::MaxHistoryLimit);
    m_connections->setHistoryLimit(m_settings->historyLimit());
    m_controller->keepEndedTranscripts(m_settings->historyLimit());
    {
        const QSignalBlocker blocker(m_ui->inspector);
        m_ui->inspector->setCapacityKiB(int(m_settings->behaviour().transcriptCapacity / 1024));
    }
    m_ui->sendPanel->setHistory(m_settings->sendHistory());
    m_ui->sendPanel->setFormat(SendPanel::Format(m_settings->sendFormat()));
    m_ui->sendPanel->setLineEnding(SendPanel::LineEnding(m_settings->lineEnding()));
    if (!restoreGeometry(m_settings->windowGeometry())) {
        // The first run: roomy, but never larger than the screen (a 1024x768 screen, a laptop at 150 %).
        QSize size(1240, 780);
        if (const QScreen *shown = screen())
            size = size.boundedTo(shown->availableSize());
        resize(size.expandedTo(minimumSizeHint()));
    }
    if (!m_ui->splitter->restoreState(m_settings->splitterState()))
        m_ui->splitter->setSizes(DefaultSplitterSizes);
    m_ui->mainSplitter->setSizes(DefaultMainSplitterSizes);
    m_connections->restoreHeaderState(m_settings->headerState());
    // What was wrong in the settings file, and that defaults were used instead.
    QList<LogEntry> warnings;
    for (const QString &warning : m_settings->warnings())
        warnings.append(LogEntry{QDateTime::currentMSecsSinceEpoch(), LogLevel::Warning, warning});
    m_logModel->append(warnings);
}

void MainWindow::saveSettings()
{
    saveListeners();
    m_settings->setSendHistory(m_ui->sendPanel->history());
    m_settings->setSendFormat(int(m_ui->sendPanel->format()));
    m_settings->setLineEnding(int(m_ui->sendPanel->lineEnding()));
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setSplitterState(m_ui->splitter->saveState());
    m_settings->setHeaderState(m_connections->saveHeaderState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::startListening(const QHostAddress &address, quint16 port, int backlog)
{
    m_ui->listenerPanel->startListening(address, port, backlog);
}

void MainWindow::applyCommandLine(const CommandLineOptions &options)
{
    // What the command line gives is for this run: it fills in the form without being saved,
    // and the settings change only when the user changes the form.
    m_settings->setRecordOnly(true);
    // A profile's listeners come first, stopped as File > Open profile leaves them; the other
    // flags then fill in the form of the first.
    if (options.profile)
        m_listeners->replaceAll(*options.profile);
    m_ui->listenerPanel->applyOptions(options);
    if (options.transcriptKiB)
        m_ui->inspector->setCapacityKiB(*options.transcriptKiB);
    // As headless: the TLS flags serve the tls:// listeners, or every listener when none has
    // the prefix; a tls:// listener without them uses its form's TLS settings.
    bool anyTlsPrefix = false;
    for (const ListenSpec &spec : std::as_const(options.listens))
        anyTlsPrefix = anyTlsPrefix || spec.protocol == ListenerProtocol::Tls;
    const auto protocolOf = [&](const ListenSpec &spec) {
        return options.tls && !anyTlsPrefix ? ListenerProtocol::Tls : spec.protocol;
    };
    const ListenerProtocol firstProtocol = protocolOf(options.listens.value(0));
    if (options.listen || options.tls)
        m_ui->listenerPanel->setProtocol(firstProtocol);
    if (options.tls && firstProtocol == ListenerProtocol::Tls)
        m_ui->listenerPanel->setTlsSettings(*options.tls);
    if (options.listen)
        m_ui->listenerPanel->startListening(options.address, options.port, options.backlog);
    // Each further --listen is a listener of its own, with the same behaviour, for this run.
    for (qsizetype i = 1; i < options.listens.size(); ++i) {
        const ListenSpec &spec = options.listens.at(i);
        ListenerConfig config = m_listeners->configs().value(0);
        config.protocol = protocolOf(spec);
        if (options.tls && config.protocol == ListenerProtocol::Tls)
            config.tls = *options.tls;
        config.address = spec.address.toString();
        config.port = spec.port;
        config.backlog = options.backlog;
        m_listeners->addAndStart(config);
    }
    // The form goes back to the first, as the command line lists it first.
    if (options.listens.size() > 1)
        m_listeners->follow(m_listeners->model()->idAt(0));
    saveSettings();
    m_settings->setRecordOnly(false);
}

void MainWindow::saveListeners()
{
    QList<ListenerConfig> configs = m_listeners->configs();
    const qsizetype capacity = qsizetype(m_ui->inspector->capacityKiB()) * 1024;
    for (ListenerConfig &config : configs)
        config.behaviour.transcriptCapacity = capacity;
    m_settings->setListeners(configs);
    m_settings->setAllInterfacesConfirmed(m_ui->listenerPanel->allInterfacesConfirmed());
}

void MainWindow::applyTranscriptCapacity()
{
    m_listeners->setTranscriptCapacity(qsizetype(m_ui->inspector->capacityKiB()) * 1024);
    saveListeners();
    showEndedTranscriptBound();
}

void MainWindow::showCurrentListener()
{
    const int id = m_listeners->currentId();
    m_listenerViews->follow(id);
    showHint(m_listeners->model()->status(id));
}

void MainWindow::showSummary()
{
    // One listener: its own words, as before there were several; more: how many stand where.
    const QList<ListenerStatus> statuses = m_listeners->model()->statuses();
    setWindowTitle(tr("Socket Lab — %1")
                       .arg(statuses.size() == 1 ? statuses.constFirst().text() : listenerSummary(statuses)));
    m_summaryLabel->setText(statuses.size() == 1 ? QString() : listenerSummary(statuses));
    m_summaryLabel->setVisible(statuses.size() > 1);
    m_logModel->setNamingListeners(statuses.size() > 1);
}

void MainWindow::showEndedTranscriptBound()
{
    const qint64 bound = qint64(m_connections->historyLimit()) * m_ui->inspector->capacityKiB() * 1024;
    m_connections->setHistoryToolTip(
        tr("How many closed connections the table keeps; their transcripts are kept as long as their rows, "
           "each up to Keep KiB: at most %1 now. Clear closed frees them.")
            .arg(DisplayFormat::bytes(quint64(bound))));
}

void MainWindow::onUpdated(const UpdateBatch &batch)
{
    m_connections->applyUpdates(batch.connections);
    const quint64 inspected = m_ui->inspector->connectionId();
    if (inspected != 0) {
        for (const ConnectionInfo &info : batch.connections) {
            if (info.id == inspected)
                m_ui->inspector->updateConnection(info);
        }
    }
    if (batch.transcript)
        m_ui->inspector->applyTranscript(*batch.transcript);
    if (!batch.tcpInfo.isEmpty()) {
        m_connections->applyTcpInfo(batch.tcpInfo);
        m_ui->inspector->applyTcpInfo(batch.tcpInfo);
    }
    m_logModel->append(batch.log);
    m_listeners->applyBatch(batch);
    m_listenerViews->applyBatch(batch);
    if (batch.listenerId == m_listeners->currentId() && batch.statusChanged)
        showHint(batch.status);
    if (batch.statusChanged || batch.listenerRemoved)
        showSummary();
    showTotals(m_controller->totals());
}

void MainWindow::onCurrentConnectionChanged(quint64 id)
{
    ConnectionTableModel *model = m_connections->model();
    const QModelIndex source = model->indexForId(id);
    m_ui->inspector->showConnection(source.isValid() ? &model->connectionAt(source.row()) : nullptr);
    m_controller->inspect(source.isValid() ? id : 0);
    // The strip, gauge, chart and code follow the listener of the selected connection.
    if (source.isValid())
        m_listeners->follow(model->connectionAt(source.row()).listenerId);
    watchTcpInfo();
}

void MainWindow::watchTcpInfo()
{
    QList<quint64> ids = m_connections->visibleIds();
    if (const quint64 inspected = m_ui->inspector->connectionId(); inspected != 0) {
        const auto at = std::lower_bound(ids.begin(), ids.end(), inspected);
        if (at == ids.end() || *at != inspected)
            ids.insert(at, inspected);
    }
    if (ids != m_watched) {
        m_watched = ids;
        m_controller->watchTcpInfo(ids);
    }
}

void MainWindow::showHint(const ListenerStatus &status)
{
    if (status.state == ListenerState::Listening)
        m_ui->clientsPanel->setDefaultTarget(status.address, status.port);
    if (status.state == ListenerState::Listening) {
        // A client on this machine reaches a wildcard bind through loopback.
        const QHostAddress target =
            Endpoint::isAllInterfaces(status.address) ? QHostAddress(QHostAddress::LocalHost) : status.address;
        m_hintLabel->setText(tr("Try it: nc %1 %2").arg(Endpoint::formatAddress(target)).arg(status.port));
    } else {
        m_hintLabel->setText(tr("Start listening, then connect a client."));
    }
    // The filter leaves the hint little room in a narrow window; the tooltip still has it all.
    m_hintLabel->setToolTip(m_hintLabel->text());
}

void MainWindow::showTotals(const ListenerTotals &totals)
{
    m_openLabel->setText(tr("Open: %1").arg(totals.open));
    m_acceptedLabel->setText(totals.refused > 0 ? tr("Accepted: %1 (refused %2)").arg(totals.accepted).arg(totals.refused)
                                                : tr("Accepted: %1").arg(totals.accepted));
    m_bytesInLabel->setText(tr("In: %1").arg(DisplayFormat::bytes(totals.bytesReceived)));
    m_bytesOutLabel->setText(tr("Out: %1").arg(DisplayFormat::bytes(totals.bytesSent)));
}

void MainWindow::updateSendTargets()
{
    // A half-closed connection can still be read, not written, so Send to selected says so
    // rather than send nothing.
    const ConnectionsView::Selection selection = m_connections->selection();
    const QString why = selection.sendable == 0 && selection.halfClosed > 0
        ? tr("The selected connection(s) have been half-closed: the server shut its sending side, so it can only read",
             nullptr, selection.halfClosed)
        : QString();
    m_ui->sendPanel->setTargets(selection.sendable > 0, m_connections->model()->openCount() > 0, why);
}

void MainWindow::copyLogLines()
{
    QModelIndexList rows = m_ui->logView->selectionModel()->selectedIndexes();
    if (rows.isEmpty()) {
        for (int row = 0; row < m_logProxy->rowCount(); ++row)
            rows.append(m_logProxy->index(row, 0));
    }
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        lines.append(index.data().toString());
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

bool MainWindow::exportLog(const QString &path, LogFormat format, QString *error) const
{
    QList<LogEntry> entries;
    const EventLog &log = m_logModel->log();
    entries.reserve(log.size());
    for (int i = 0; i < log.size(); ++i)
        entries.append(log.at(i));
    const QByteArray bytes = format == LogFormat::Csv ? LogExport::toCsv(entries) : LogExport::toJsonLines(entries);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void MainWindow::onExportLogClicked()
{
    const QString csv = tr("CSV (*.csv)");
    const QString jsonLines = tr("JSON Lines (*.jsonl)");
    QString filter = csv;
    QString path = QFileDialog::getSaveFileName(this, tr("Export event log"), QStringLiteral("socketlab-log.csv"),
                                                csv + QStringLiteral(";;") + jsonLines, &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportLog(path, filter == jsonLines ? LogFormat::JsonLines : LogFormat::Csv, &error))
        QMessageBox::warning(this, tr("Export event log"), tr("Could not write %1: %2").arg(path, error));
}
