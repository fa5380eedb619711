#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "bindaddresses.h"
#include "closebuttondelegate.h"
#include "connectiontablemodel.h"
#include "displayformat.h"
#include "endpoint.h"
#include "eventlogmodel.h"
#include "listenercontroller.h"
#include "settings.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>

namespace {

// Badge colours: grey when stopped, green when listening, red on error.
const QString BadgeStyle = QStringLiteral(
    "QLabel { color: white; background: %1; border-radius: 4px; padding: 4px 10px; font-weight: bold; }");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settings(std::make_unique<Settings>())
    , m_controller(new ListenerController(this))
    , m_connectionModel(new ConnectionTableModel(this))
    , m_connectionProxy(new QSortFilterProxyModel(this))
    , m_closeDelegate(new CloseButtonDelegate(this))
    , m_logModel(new EventLogModel(EventLog::DefaultCapacity, this))
    , m_logProxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));

    setUpListenerForm();
    setUpConnectionsTable();
    setUpEventLog();
    setUpStatusBar();
    restoreSettings();

    connect(m_controller, &ListenerController::updated, this, &MainWindow::onUpdated);
    showStatus(m_controller->status());
    showTotals(m_controller->totals());
    validateForm();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpListenerForm()
{
    for (const BindAddress &choice : bindAddressChoices())
        m_ui->addressCombo->addItem(choice.label, choice.address);
    // The items carry labels; completing typed text to a label would make it invalid.
    m_ui->addressCombo->setCompleter(nullptr);
    m_ui->addressCombo->setInsertPolicy(QComboBox::NoInsert);
    // Picking a labelled entry puts the bare address in the editor.
    connect(m_ui->addressCombo, &QComboBox::activated, this, [this](int index) {
        m_ui->addressCombo->setEditText(m_ui->addressCombo->itemData(index).toString());
    });
    connect(m_ui->addressCombo, &QComboBox::editTextChanged, this, &MainWindow::validateForm);
    connect(m_ui->portEdit, &QLineEdit::textChanged, this, &MainWindow::validateForm);
    connect(m_ui->portEdit, &QLineEdit::returnPressed, this, &MainWindow::onStartClicked);
    connect(m_ui->startButton, &QPushButton::clicked, this, &MainWindow::onStartClicked);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &MainWindow::onStopClicked);

    m_ui->startButton->setIcon(QIcon(QStringLiteral(":/icons/start.svg")));
    m_ui->stopButton->setIcon(QIcon(QStringLiteral(":/icons/stop.svg")));
    m_ui->formErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_ui->exposureWarning->setStyleSheet(
        QStringLiteral("QLabel { color: #5d4037; background: #ffe082; border-radius: 4px; padding: 2px 8px; }"));
}

void MainWindow::setUpConnectionsTable()
{
    m_connectionProxy->setSourceModel(m_connectionModel);
    m_connectionProxy->setSortRole(ConnectionTableModel::RawValueRole);
    m_connectionProxy->setDynamicSortFilter(true);

    QTableView *view = m_ui->connectionsView;
    view->setModel(m_connectionProxy);
    view->setItemDelegateForColumn(ConnectionTableModel::CloseColumn, m_closeDelegate);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setHighlightSections(false);
    view->sortByColumn(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    view->setColumnWidth(ConnectionTableModel::IdColumn, 50);
    view->setColumnWidth(ConnectionTableModel::PeerColumn, 170);
    view->setColumnWidth(ConnectionTableModel::LocalColumn, 150);
    view->setColumnWidth(ConnectionTableModel::StateColumn, 100);
    view->setColumnWidth(ConnectionTableModel::CloseColumn, 80);
    view->horizontalHeader()->setSectionResizeMode(ConnectionTableModel::PeerColumn, QHeaderView::Stretch);

    connect(m_closeDelegate, &CloseButtonDelegate::closeRequested, this,
            [this](quint64 id) { m_controller->closeConnections({id}); });

    m_closeAction = new QAction(QIcon(QStringLiteral(":/icons/close.svg")), tr("&Close (FIN)"), this);
    m_closeAction->setShortcut(QKeySequence::Delete);
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_closeAction->setToolTip(tr("Close the selected connections gracefully"));
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeSelectedConnections);

    m_closeAllAction = new QAction(QIcon(QStringLiteral(":/icons/close-all.svg")), tr("Close &all"), this);
    m_closeAllAction->setToolTip(tr("Close every open connection gracefully"));
    connect(m_closeAllAction, &QAction::triggered, m_controller, &ListenerController::closeAllConnections);

    m_clearClosedAction = new QAction(QIcon(QStringLiteral(":/icons/clear.svg")), tr("C&lear closed"), this);
    m_clearClosedAction->setToolTip(tr("Remove finished connections from the table"));
    connect(m_clearClosedAction, &QAction::triggered, m_connectionModel, &ConnectionTableModel::clearFinished);

    view->addActions({m_closeAction, m_closeAllAction, m_clearClosedAction});
    m_ui->closeSelectedButton->setIcon(m_closeAction->icon());
    m_ui->closeAllButton->setIcon(m_closeAllAction->icon());
    m_ui->clearClosedButton->setIcon(m_clearClosedAction->icon());
    connect(m_ui->closeSelectedButton, &QPushButton::clicked, m_closeAction, &QAction::trigger);
    connect(m_ui->closeAllButton, &QPushButton::clicked, m_closeAllAction, &QAction::trigger);
    connect(m_ui->clearClosedButton, &QPushButton::clicked, m_clearClosedAction, &QAction::trigger);

    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_connectionModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_connectionModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_connectionModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_ui->historySpin, &QSpinBox::valueChanged, this, [this](int limit) {
        m_connectionModel->setHistoryLimit(limit);
        m_settings->setHistoryLimit(limit);
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
    connect(m_ui->copyLogButton, &QPushButton::clicked, copyAction, &QAction::trigger);
    connect(m_ui->clearLogButton, &QPushButton::clicked, clearAction, &QAction::trigger);

    // Keep the newest line in view unless the user scrolled up to read.
    connect(m_logProxy, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_ui->logView->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2 * m_ui->logView->sizeHintForRow(0))
            m_ui->logView->scrollToBottom();
    });
}

void MainWindow::setUpStatusBar()
{
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

void MainWindow::restoreSettings()
{
    m_ui->addressCombo->setEditText(m_settings->bindAddress());
    m_ui->portEdit->setText(QString::number(m_settings->port()));
    m_ui->backlogSpin->setValue(m_settings->backlog());
    m_ui->closeOnStopCheck->setChecked(m_settings->closeConnectionsOnStop());
    m_ui->historySpin->setMaximum(Settings::MaxHistoryLimit);
    m_ui->historySpin->setValue(m_settings->historyLimit());
    m_connectionModel->setHistoryLimit(m_settings->historyLimit());
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1100, 720);
    if (!m_ui->splitter->restoreState(m_settings->splitterState()))
        m_ui->splitter->setSizes({460, 200});
    m_ui->connectionsView->horizontalHeader()->restoreState(m_settings->headerState());
}

void MainWindow::saveSettings()
{
    m_settings->setBindAddress(m_ui->addressCombo->currentText().trimmed());
    const Endpoint::PortResult port = Endpoint::parsePort(m_ui->portEdit->text());
    if (port.error.isEmpty())
        m_settings->setPort(port.port);
    m_settings->setBacklog(m_ui->backlogSpin->value());
    m_settings->setCloseConnectionsOnStop(m_ui->closeOnStopCheck->isChecked());
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
    m_ui->addressCombo->setEditText(Endpoint::formatAddress(address));
    m_ui->portEdit->setText(QString::number(port));
    m_ui->backlogSpin->setValue(backlog);
    onStartClicked();
}

void MainWindow::setBacklog(int backlog)
{
    m_ui->backlogSpin->setValue(backlog);
}

void MainWindow::validateForm()
{
    const Endpoint::AddressResult address = Endpoint::parseAddress(m_ui->addressCombo->currentText());
    const Endpoint::PortResult port = Endpoint::parsePort(m_ui->portEdit->text());
    const QString error = !address.error.isEmpty() ? address.error : port.error;
    m_formValid = error.isEmpty();
    m_ui->formErrorLabel->setText(error);
    m_ui->formErrorLabel->setVisible(!m_formValid);
    m_ui->exposureWarning->setVisible(address.error.isEmpty() && Endpoint::isAllInterfaces(address.address));
    m_ui->startButton->setEnabled(m_formValid && !m_listening);
}

void MainWindow::onStartClicked()
{
    validateForm();
    if (!m_formValid || m_listening)
        return;
    const Endpoint::AddressResult address = Endpoint::parseAddress(m_ui->addressCombo->currentText());
    const Endpoint::PortResult port = Endpoint::parsePort(m_ui->portEdit->text());
    m_settings->setBindAddress(m_ui->addressCombo->currentText().trimmed());
    m_settings->setPort(port.port);
    m_settings->setBacklog(m_ui->backlogSpin->value());
    m_ui->startButton->setEnabled(false);
    m_controller->start(address.address, port.port, m_ui->backlogSpin->value());
}

void MainWindow::onStopClicked()
{
    m_settings->setCloseConnectionsOnStop(m_ui->closeOnStopCheck->isChecked());
    m_controller->stop(m_ui->closeOnStopCheck->isChecked());
}

void MainWindow::onUpdated(const UpdateBatch &batch)
{
    m_connectionModel->applyUpdates(batch.connections);
    m_logModel->append(batch.log);
    if (batch.statusChanged)
        showStatus(batch.status);
    showTotals(batch.totals);
}

void MainWindow::showStatus(const ListenerStatus &status)
{
    m_listening = status.state == ListenerState::Listening;
    QString colour = QStringLiteral("#607d8b");
    if (status.state == ListenerState::Listening)
        colour = QStringLiteral("#2e7d32");
    else if (status.state == ListenerState::Error)
        colour = QStringLiteral("#c62828");
    m_ui->stateBadge->setStyleSheet(BadgeStyle.arg(colour));
    m_ui->stateBadge->setText(status.text());
    setWindowTitle(tr("Socket Lab — %1").arg(status.text()));

    for (QWidget *field : {static_cast<QWidget *>(m_ui->addressCombo), static_cast<QWidget *>(m_ui->portEdit),
                           static_cast<QWidget *>(m_ui->backlogSpin)})
        field->setEnabled(!m_listening);
    m_ui->stopButton->setEnabled(m_listening);
    validateForm();
    if (m_listening && Endpoint::isAllInterfaces(status.address))
        m_ui->exposureWarning->setVisible(true);

    if (m_listening) {
        // A client on this machine reaches a wildcard bind through loopback.
        QHostAddress target = status.address;
        if (target == QHostAddress(QHostAddress::AnyIPv4))
            target = QHostAddress(QHostAddress::LocalHost);
        else if (Endpoint::isAllInterfaces(target))
            target = QHostAddress(QHostAddress::LocalHost);
        m_ui->hintLabel->setText(
            tr("Try it: nc %1 %2").arg(Endpoint::formatAddress(target)).arg(status.port));
    } else {
        m_ui->hintLabel->setText(tr("Start listening, then connect a client."));
    }
}

void MainWindow::showTotals(const ListenerTotals &totals)
{
    m_openLabel->setText(tr("Open: %1").arg(totals.open));
    m_acceptedLabel->setText(tr("Accepted: %1").arg(totals.accepted));
    m_bytesInLabel->setText(tr("In: %1").arg(DisplayFormat::bytes(totals.bytesReceived)));
    m_bytesOutLabel->setText(tr("Out: %1").arg(DisplayFormat::bytes(totals.bytesSent)));
}

void MainWindow::updateActions()
{
    bool anySelectedOpen = false;
    const QModelIndexList selected = m_ui->connectionsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        if (!index.data(ConnectionTableModel::IsFinishedRole).toBool()) {
            anySelectedOpen = true;
            break;
        }
    }
    m_closeAction->setEnabled(anySelectedOpen);
    m_closeAllAction->setEnabled(m_connectionModel->openCount() > 0);
    m_clearClosedAction->setEnabled(m_connectionModel->finishedCount() > 0);
    m_ui->closeSelectedButton->setEnabled(anySelectedOpen);
    m_ui->closeAllButton->setEnabled(m_closeAllAction->isEnabled());
    m_ui->clearClosedButton->setEnabled(m_clearClosedAction->isEnabled());
}

void MainWindow::closeSelectedConnections()
{
    QList<quint64> ids;
    const QModelIndexList selected = m_ui->connectionsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        if (!index.data(ConnectionTableModel::IsFinishedRole).toBool())
            ids.append(index.data(ConnectionTableModel::ConnectionIdRole).toULongLong());
    }
    if (!ids.isEmpty())
        m_controller->closeConnections(ids);
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
