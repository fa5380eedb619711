#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "closebuttondelegate.h"
#include "connectioncolumns.h"
#include "commandline.h"
#include "connectionfilterproxymodel.h"
#include "connectiontablemodel.h"
#include "connectionsviewbehaviour.h"
#include "displayformat.h"
#include "endpoint.h"
#include "eventlogmodel.h"
#include "flowlayout.h"
#include "labpanels.h"
#include "listenercontroller.h"
#include "logexport.h"
#include "mainmenubar.h"
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

// A filter pass costs about a millisecond per thousand rows (socketlab-bench-table): up to this
// many rows each keystroke filters at once; past it, the filter waits for a pause in typing.
constexpr int ImmediateFilterRows = 5000;
constexpr int FilterDelayMs = 150;
// The panes' sizes when no saved ones apply, and after View > Reset layout.
const QList<int> DefaultSplitterSizes{400, 170, 150};
const QList<int> DefaultMainSplitterSizes{900, 340};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settings(std::make_unique<Settings>())
    , m_controller(new ListenerController(this))
    , m_connectionModel(new ConnectionTableModel(this))
    , m_connectionProxy(new ConnectionFilterProxyModel(this))
    , m_closeDelegate(new CloseButtonDelegate(this))
    , m_logModel(new EventLogModel(EventLog::DefaultCapacity, this))
    , m_logProxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));

    ListenerPanel *panel = m_ui->listenerPanel;
    connect(panel, &ListenerPanel::startRequested, this,
            [this](const QHostAddress &address, quint16 port, int backlog) {
                saveSettings();
                m_controller->start(address, port, backlog);
            });
    connect(panel, &ListenerPanel::stopRequested, m_controller, qOverload<bool>(&ListenerController::stop));
    connect(panel, &ListenerPanel::pauseRequested, m_controller, qOverload<bool>(&ListenerController::setPaused));
    connect(panel, &ListenerPanel::behaviourChanged, this, &MainWindow::applyBehaviour);

    // A wider or narrower window changes the table's width; the side pane keeps its own.
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 0);
    setUpConnectionsTable();
    setUpInspector();
    setUpEventLog();
    setUpStatusBar();
    setUpConnectionFilter();
    m_labPanels = new LabPanels(m_controller,
                                {m_ui->listenerPanel, m_ui->lifecycleStrip, m_ui->trafficChart, m_ui->connectionsView,
                                 m_connectionModel, m_ui->inspector, m_ui->clientsPanel, m_ui->codeView},
                                this);
    setUpMenuBar();
    restoreSettings();

    connect(m_controller, &ListenerController::updated, this, &MainWindow::onUpdated);
    applyBehaviour();
    showStatus(m_controller->status());
    showTotals(m_controller->totals());
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpConnectionsTable()
{
    m_connectionProxy->setSourceModel(m_connectionModel);

    QTableView *view = m_ui->connectionsView;
    view->setModel(m_connectionProxy);
    view->setItemDelegateForColumn(ConnectionTableModel::CloseColumn, m_closeDelegate);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->horizontalHeader()->setHighlightSections(false);
    view->sortByColumn(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    // The toolbar wraps onto a second row in a narrow pane or a longer language.
    FlowLayout::replaceLayout(m_ui->connectionsToolbar);
    // Columns sized to their content; a narrow window scrolls the table sideways.
    ConnectionColumns::applyDefaults(view->horizontalHeader());
    setUpColumnMenu();
    m_defaultHeaderState = view->horizontalHeader()->saveState();
    view->setAccessibleName(tr("Connections table"));
    new ConnectionsViewBehaviour(view);

    connect(m_closeDelegate, &CloseButtonDelegate::closeRequested, this,
            [this](quint64 id) { m_controller->closeConnections({id}); });

    m_closeAction = new QAction(QIcon(QStringLiteral(":/icons/close.svg")), tr("&Close (FIN)"), this);
    m_closeAction->setShortcut(QKeySequence::Delete);
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_closeAction->setToolTip(tr("Close the selected connections gracefully: the peer reads EOF"));
    connect(m_closeAction, &QAction::triggered, this, [this] { closeSelected(CloseMode::Graceful); });
    m_halfCloseAction = new QAction(QIcon(QStringLiteral(":/icons/half-close.svg")), tr("&Half-close"), this);
    m_halfCloseAction->setToolTip(tr("Shut the sending side only: the peer reads EOF and can still send"));
    connect(m_halfCloseAction, &QAction::triggered, this, [this] { closeSelected(CloseMode::HalfClose); });
    m_resetAction = new QAction(QIcon(QStringLiteral(":/icons/reset.svg")), tr("&Reset (RST)"), this);
    m_resetAction->setToolTip(tr("Abortive close: the peer gets \"connection reset\""));
    connect(m_resetAction, &QAction::triggered, this, [this] { closeSelected(CloseMode::Reset); });

    m_closeAllAction = new QAction(QIcon(QStringLiteral(":/icons/close-all.svg")), tr("Close &all"), this);
    m_closeAllAction->setObjectName(QStringLiteral("closeAllAction"));
    m_closeAllAction->setToolTip(tr("Close every open connection gracefully"));
    connect(m_closeAllAction, &QAction::triggered, m_controller, &ListenerController::closeAllConnections);
    m_clearClosedAction = new QAction(QIcon(QStringLiteral(":/icons/clear.svg")), tr("C&lear closed"), this);
    m_clearClosedAction->setObjectName(QStringLiteral("clearClosedAction"));
    m_clearClosedAction->setToolTip(tr("Remove finished connections from the table"));
    connect(m_clearClosedAction, &QAction::triggered, this, [this] {
        m_connectionModel->clearFinished();
        m_controller->forgetEndedTranscripts();
    });

    auto *separator = new QAction(this);
    separator->setSeparator(true);
    view->addActions({m_closeAction, m_halfCloseAction, m_resetAction, separator, m_closeAllAction,
                      m_clearClosedAction});
    m_ui->closeSelectedButton->setIcon(m_closeAction->icon());
    m_ui->closeAllButton->setIcon(m_closeAllAction->icon());
    m_ui->clearClosedButton->setIcon(m_clearClosedAction->icon());
    connect(m_ui->closeSelectedButton, &QPushButton::clicked, m_closeAction, &QAction::trigger);
    connect(m_ui->closeAllButton, &QPushButton::clicked, m_closeAllAction, &QAction::trigger);
    connect(m_ui->clearClosedButton, &QPushButton::clicked, m_clearClosedAction, &QAction::trigger);

    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    connect(m_connectionModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_connectionModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_connectionModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onCurrentRowChanged);
    connect(m_connectionModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    // Closed rows and their transcripts are kept alike: as many as Keep closed says, each at
    // most Keep KiB, so their memory is what the user chose.
    connect(m_ui->historySpin, &QSpinBox::valueChanged, this, [this](int limit) {
        m_connectionModel->setHistoryLimit(limit);
        m_controller->keepEndedTranscripts(limit);
        m_settings->setHistoryLimit(limit);
        showEndedTranscriptBound();
    });
}

void MainWindow::setUpConnectionFilter()
{
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &MainWindow::applyConnectionFilter);
    QLineEdit *edit = m_ui->connectionFilterEdit;
    connect(edit, &QLineEdit::textChanged, this, &MainWindow::onConnectionFilterEdited);
    connect(edit, &QLineEdit::returnPressed, this, &MainWindow::applyConnectionFilter);
    m_findAction = new QAction(tr("&Filter connections"), this);
    m_findAction->setObjectName(QStringLiteral("findConnectionsAction"));
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusConnectionFilter);

    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_connectionModel),
                                      static_cast<QAbstractItemModel *>(m_connectionProxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::scheduleFilterCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::scheduleFilterCount);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::scheduleFilterCount);
    }
}

void MainWindow::setUpColumnMenu()
{
    // The header's context menu shows and hides columns. Local is the listener's own address
    // on every row, so it starts hidden to leave the room to the peer.
    QHeaderView *header = m_ui->connectionsView->horizontalHeader();
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    header->setSectionHidden(ConnectionTableModel::LocalColumn, true);
    // The kernel's figures (TCP_INFO) are there for who asks; read only for the rows on screen.
    for (int column = ConnectionTableModel::TcpStateColumn; column <= ConnectionTableModel::SinceLastReceiveColumn;
         ++column)
        header->setSectionHidden(column, true);
    for (int column = ConnectionTableModel::PeerColumn; column < ConnectionTableModel::ColumnCount; ++column) {
        const QString name = m_connectionModel->headerData(column, Qt::Horizontal).toString();
        auto *action = new QAction(name, header);
        action->setObjectName(QStringLiteral("showColumn%1").arg(column));
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            if (m_labPanels)
                m_labPanels->watchVisibleConnections();
        });
        header->addAction(action);
    }
    syncColumnMenu();
}

void MainWindow::syncColumnMenu()
{
    QHeaderView *header = m_ui->connectionsView->horizontalHeader();
    const QList<QAction *> actions = header->actions();
    for (int i = 0; i < actions.size(); ++i) {
        const QSignalBlocker blocker(actions.at(i));
        actions.at(i)->setChecked(!header->isSectionHidden(ConnectionTableModel::PeerColumn + i));
    }
}

void MainWindow::setUpInspector()
{
    connect(m_ui->inspector, &ConnectionInspector::closeRequested, this,
            [this](quint64 id, CloseMode mode) { m_controller->closeConnections({id}, mode); });
    connect(m_ui->inspector, &ConnectionInspector::capacityChanged, this, &MainWindow::applyBehaviour);
    connect(m_ui->sendPanel, &SendPanel::sendRequested, this, [this](const QByteArray &payload, bool toAll) {
        m_controller->send(toAll ? QList<quint64>() : selectedOpenIds(), payload);
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
    m_ui->hintLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    statusBar()->addWidget(m_ui->hintLabel, 1);
    // "Showing X of Y" comes first of the counts, shown only while a filter is typed.
    m_filterCountLabel = new QLabel(this);
    m_filterCountLabel->setObjectName(QStringLiteral("filterCountLabel"));
    m_filterCountLabel->setTextFormat(Qt::PlainText);
    m_filterCountLabel->setContentsMargins(8, 0, 8, 0);
    m_filterCountLabel->hide();
    statusBar()->addPermanentWidget(m_filterCountLabel);
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

    MainMenuBar::Actions actions;
    actions.exportLog = m_exportLogAction;
    actions.exportTranscript = m_ui->inspector->exportAction();
    actions.startStop = m_ui->listenerPanel->startStopAction();
    actions.pause = m_ui->listenerPanel->pauseAction();
    actions.closeAll = m_closeAllAction;
    actions.clearClosed = m_clearClosedAction;
    actions.findConnections = m_findAction;
    actions.columns = m_ui->connectionsView->horizontalHeader()->actions();
    actions.resetLayout = m_resetLayoutAction;
    setMenuBar(new MainMenuBar(this, actions));
}

void MainWindow::resetLayout()
{
    QHeaderView *header = m_ui->connectionsView->horizontalHeader();
    header->restoreState(m_defaultHeaderState);
    syncColumnMenu();
    m_ui->splitter->setSizes(DefaultSplitterSizes);
    m_ui->mainSplitter->setSizes(DefaultMainSplitterSizes);
    m_labPanels->watchVisibleConnections();
}

void MainWindow::focusConnectionFilter()
{
    m_ui->connectionFilterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->connectionFilterEdit->selectAll();
}

void MainWindow::restoreSettings()
{
    m_ui->listenerPanel->restore(*m_settings);
    m_ui->historySpin->setMaximum(Settings::MaxHistoryLimit);
    m_ui->historySpin->setValue(m_settings->historyLimit());
    m_connectionModel->setHistoryLimit(m_settings->historyLimit());
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
    m_ui->connectionsView->horizontalHeader()->restoreState(m_settings->headerState());
    ConnectionColumns::repair(m_ui->connectionsView->horizontalHeader());
    syncColumnMenu();
    // What was wrong in the settings file, and that defaults were used instead.
    QList<LogEntry> warnings;
    for (const QString &warning : m_settings->warnings())
        warnings.append(LogEntry{QDateTime::currentMSecsSinceEpoch(), LogLevel::Warning, warning});
    m_logModel->append(warnings);
}

void MainWindow::saveSettings()
{
    m_ui->listenerPanel->save(*m_settings);
    m_settings->setSendHistory(m_ui->sendPanel->history());
    m_settings->setSendFormat(int(m_ui->sendPanel->format()));
    m_settings->setLineEnding(int(m_ui->sendPanel->lineEnding()));
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setSplitterState(m_ui->splitter->saveState());
    m_settings->setHeaderState(m_ui->connectionsView->horizontalHeader()->saveState());
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
    m_ui->listenerPanel->applyOptions(options);
    if (options.transcriptKiB)
        m_ui->inspector->setCapacityKiB(*options.transcriptKiB);
    if (options.listen)
        m_ui->listenerPanel->startListening(options.address, options.port, options.backlog);
    saveSettings();
    m_settings->setRecordOnly(false);
}

void MainWindow::applyBehaviour()
{
    ServerBehaviour behaviour = m_ui->listenerPanel->behaviour();
    behaviour.transcriptCapacity = qsizetype(m_ui->inspector->capacityKiB()) * 1024;
    m_controller->setBehaviour(behaviour);
    m_settings->setBehaviour(behaviour);
    showEndedTranscriptBound();
}

void MainWindow::showEndedTranscriptBound()
{
    const qint64 bound = qint64(m_ui->historySpin->value()) * m_ui->inspector->capacityKiB() * 1024;
    m_ui->historySpin->setToolTip(
        tr("How many closed connections the table keeps; their transcripts are kept as long as their rows, "
           "each up to Keep KiB: at most %1 now. Clear closed frees them.")
            .arg(DisplayFormat::bytes(quint64(bound))));
}

void MainWindow::onUpdated(const UpdateBatch &batch)
{
    m_connectionModel->applyUpdates(batch.connections);
    const quint64 inspected = m_ui->inspector->connectionId();
    if (inspected != 0) {
        for (const ConnectionInfo &info : batch.connections) {
            if (info.id == inspected)
                m_ui->inspector->updateConnection(info);
        }
    }
    if (batch.transcript)
        m_ui->inspector->applyTranscript(*batch.transcript);
    m_logModel->append(batch.log);
    if (batch.statusChanged)
        showStatus(batch.status);
    showTotals(batch.totals);
    m_labPanels->onUpdated(batch);
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_ui->connectionsView->selectionModel()->currentIndex();
    const quint64 id = current.isValid() ? current.data(ConnectionTableModel::ConnectionIdRole).toULongLong() : 0;
    if (id == m_ui->inspector->connectionId())
        return;
    const QModelIndex source = m_connectionModel->indexForId(id);
    if (source.isValid())
        m_ui->inspector->showConnection(&m_connectionModel->connectionAt(source.row()));
    else
        m_ui->inspector->showConnection(nullptr);
    m_controller->inspect(source.isValid() ? id : 0);
    if (m_labPanels)
        m_labPanels->watchVisibleConnections();
}

void MainWindow::onConnectionFilterEdited()
{
    if (m_connectionModel->rowCount() <= ImmediateFilterRows)
        applyConnectionFilter();
    else
        m_filterTimer->start();
}

void MainWindow::applyConnectionFilter()
{
    m_filterTimer->stop();
    const QString text = m_ui->connectionFilterEdit->text().trimmed();
    if (text == m_connectionProxy->filterText())
        return;
    m_connectionProxy->setFilterText(text);

    // Hidden rows leave the selection, the current row too, in one layout change that tells
    // neither the inspector nor the actions: the inspector lets go of a connection the filter
    // hid rather than jump to another, and a connection still shown stays in view.
    onCurrentRowChanged();
    const QModelIndex current = m_ui->connectionsView->currentIndex();
    if (current.isValid())
        m_ui->connectionsView->scrollTo(current);
    updateActions();
    showFilterCount();
}

void MainWindow::scheduleFilterCount()
{
    // Batches and Clear closed add and remove rows in many runs: count once they are done.
    if (m_filterCountPending || m_connectionProxy->filterText().isEmpty())
        return;
    m_filterCountPending = true;
    QMetaObject::invokeMethod(this, &MainWindow::showFilterCount, Qt::QueuedConnection);
}

void MainWindow::showFilterCount()
{
    m_filterCountPending = false;
    const bool filtering = !m_connectionProxy->filterText().isEmpty();
    if (filtering) {
        m_filterCountLabel->setText(
            tr("Showing %L1 of %L2").arg(m_connectionProxy->rowCount()).arg(m_connectionModel->rowCount()));
    }
    m_filterCountLabel->setVisible(filtering);
}

void MainWindow::showStatus(const ListenerStatus &status)
{
    m_ui->listenerPanel->showStatus(status);
    setWindowTitle(tr("Socket Lab — %1").arg(status.text()));
    if (status.state == ListenerState::Listening) {
        // A client on this machine reaches a wildcard bind through loopback.
        const QHostAddress target =
            Endpoint::isAllInterfaces(status.address) ? QHostAddress(QHostAddress::LocalHost) : status.address;
        m_ui->hintLabel->setText(tr("Try it: nc %1 %2").arg(Endpoint::formatAddress(target)).arg(status.port));
    } else {
        m_ui->hintLabel->setText(tr("Start listening, then connect a client."));
    }
    // The filter leaves the hint little room in a narrow window; the tooltip still has it all.
    m_ui->hintLabel->setToolTip(m_ui->hintLabel->text());
}

void MainWindow::showTotals(const ListenerTotals &totals)
{
    m_openLabel->setText(tr("Open: %1").arg(totals.open));
    m_acceptedLabel->setText(totals.refused > 0 ? tr("Accepted: %1 (refused %2)").arg(totals.accepted).arg(totals.refused)
                                                : tr("Accepted: %1").arg(totals.accepted));
    m_bytesInLabel->setText(tr("In: %1").arg(DisplayFormat::bytes(totals.bytesReceived)));
    m_bytesOutLabel->setText(tr("Out: %1").arg(DisplayFormat::bytes(totals.bytesSent)));
}

QList<quint64> MainWindow::selectedOpenIds() const
{
    QList<quint64> ids;
    const QModelIndexList selected = m_ui->connectionsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        if (!index.data(ConnectionTableModel::IsFinishedRole).toBool())
            ids.append(index.data(ConnectionTableModel::ConnectionIdRole).toULongLong());
    }
    return ids;
}

void MainWindow::updateActions()
{
    // One pass over the selection: the open rows can be closed; of those, a half-closed one can
    // still be read, not written, so Send to selected says so rather than send nothing.
    int sendable = 0;
    int halfClosed = 0;
    const QModelIndexList selected = m_ui->connectionsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        if (index.data(ConnectionTableModel::IsFinishedRole).toBool())
            continue;
        if (ConnectionState(index.data(ConnectionTableModel::StateRole).toInt()) == ConnectionState::HalfClosed)
            ++halfClosed;
        else
            ++sendable;
    }
    const bool anySelectedOpen = sendable + halfClosed > 0;
    for (QAction *action : {m_closeAction, m_halfCloseAction, m_resetAction})
        action->setEnabled(anySelectedOpen);
    m_closeAllAction->setEnabled(m_connectionModel->openCount() > 0);
    m_clearClosedAction->setEnabled(m_connectionModel->finishedCount() > 0);
    m_ui->closeSelectedButton->setEnabled(anySelectedOpen);
    m_ui->closeAllButton->setEnabled(m_closeAllAction->isEnabled());
    m_ui->clearClosedButton->setEnabled(m_clearClosedAction->isEnabled());
    const QString why = sendable == 0 && halfClosed > 0
        ? tr("The selected connection(s) have been half-closed: the server shut its sending side, so it can only read",
             nullptr, halfClosed)
        : QString();
    m_ui->sendPanel->setTargets(sendable > 0, m_connectionModel->openCount() > 0, why);
}

void MainWindow::closeSelected(CloseMode mode)
{
    const QList<quint64> ids = selectedOpenIds();
    if (!ids.isEmpty())
        m_controller->closeConnections(ids, mode);
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
