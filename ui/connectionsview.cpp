#include "connectionsview.h"
#include "faultsdialog.h"
#include "ui_connectionsview.h"

#include "rowbuttondelegate.h"
#include "connectioncolumns.h"
#include "connectionfilterproxymodel.h"
#include "connectiontablemodel.h"
#include "connectionsviewbehaviour.h"
#include "flowlayout.h"

#include <QAction>
#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

namespace {

// A filter pass costs about a millisecond per thousand rows (socketlab-bench-table): up to this
// many rows each keystroke filters at once; past it, the filter waits for a pause in typing.
constexpr int ImmediateFilterRows = 5000;
constexpr int FilterDelayMs = 150;

} // namespace

ConnectionsView::ConnectionsView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionsView>())
    , m_model(new ConnectionTableModel(this))
    , m_proxy(new ConnectionFilterProxyModel(this))
    , m_closeDelegate(new RowButtonDelegate(ConnectionTableModel::ConnectionIdRole, ConnectionTableModel::IsFinishedRole, this))
    , m_filterTimer(new QTimer(this))
    , m_visibleTick(new QTimer(this))
    , m_filterCountLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    setUpTable();
    setUpActions();
    setUpFilter();
    updateActions();
}

ConnectionsView::~ConnectionsView() = default;

QTableView *ConnectionsView::tableView() const
{
    return m_ui->connectionsView;
}

void ConnectionsView::setUpTable()
{
    m_proxy->setSourceModel(m_model);
    QTableView *view = m_ui->connectionsView;
    view->setModel(m_proxy);
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

    connect(m_closeDelegate, &RowButtonDelegate::clicked, this,
            [this](quint64 id) { emit closeRequested({id}, CloseMode::Graceful); });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectionsView::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectionsView::onCurrentRowChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConnectionsView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConnectionsView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConnectionsView::onCurrentRowChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConnectionsView::updateActions);
    connect(m_ui->historySpin, &QSpinBox::valueChanged, this, [this](int limit) {
        m_model->setHistoryLimit(limit);
        emit historyLimitChanged(limit);
    });

    // Scrolling, resizing or showing a kernel column changes which rows need the kernel's figures;
    // so do rows that arrive or leave, looked at once a second.
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ConnectionsView::checkVisibleIds);
    connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, &ConnectionsView::checkVisibleIds);
    m_visibleTick->setInterval(1000);
    connect(m_visibleTick, &QTimer::timeout, this, &ConnectionsView::checkVisibleIds);
    m_visibleTick->start();
}

void ConnectionsView::setUpActions()
{
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
    m_faultsAction = new QAction(tr("Fa&ults…"), this);
    m_faultsAction->setObjectName(QStringLiteral("faultsAction"));
    m_faultsAction->setToolTip(tr("Switch faults on or off for the selected connections, now"));
    connect(m_faultsAction, &QAction::triggered, this, &ConnectionsView::editSelectedFaults);

    m_closeAllAction = new QAction(QIcon(QStringLiteral(":/icons/close-all.svg")), tr("Close &all"), this);
    m_closeAllAction->setObjectName(QStringLiteral("closeAllAction"));
    m_closeAllAction->setToolTip(tr("Close every open connection gracefully"));
    connect(m_closeAllAction, &QAction::triggered, this, &ConnectionsView::closeAllRequested);
    m_clearClosedAction = new QAction(QIcon(QStringLiteral(":/icons/clear.svg")), tr("C&lear closed"), this);
    m_clearClosedAction->setObjectName(QStringLiteral("clearClosedAction"));
    m_clearClosedAction->setToolTip(tr("Remove finished connections from the table"));
    connect(m_clearClosedAction, &QAction::triggered, this, [this] {
        m_model->clearFinished();
        emit closedCleared();
    });

    auto *separator = new QAction(this);
    separator->setSeparator(true);
    auto *faultsSeparator = new QAction(this);
    faultsSeparator->setSeparator(true);
    m_ui->connectionsView->addActions({m_closeAction, m_halfCloseAction, m_resetAction, faultsSeparator, m_faultsAction,
                                       separator, m_closeAllAction, m_clearClosedAction});
    m_ui->closeSelectedButton->setIcon(m_closeAction->icon());
    m_ui->closeAllButton->setIcon(m_closeAllAction->icon());
    m_ui->clearClosedButton->setIcon(m_clearClosedAction->icon());
    connect(m_ui->closeSelectedButton, &QPushButton::clicked, m_closeAction, &QAction::trigger);
    connect(m_ui->closeAllButton, &QPushButton::clicked, m_closeAllAction, &QAction::trigger);
    connect(m_ui->clearClosedButton, &QPushButton::clicked, m_clearClosedAction, &QAction::trigger);
}

void ConnectionsView::setUpFilter()
{
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &ConnectionsView::applyFilter);
    QLineEdit *edit = m_ui->connectionFilterEdit;
    connect(edit, &QLineEdit::textChanged, this, &ConnectionsView::onFilterEdited);
    connect(edit, &QLineEdit::returnPressed, this, &ConnectionsView::applyFilter);
    QComboBox *listeners = m_ui->listenerFilterCombo;
    listeners->setItemData(0, 0);
    listeners->view()->setTextElideMode(Qt::ElideNone);
    listeners->hide(); // with one listener there is nothing to choose
    connect(listeners, &QComboBox::currentIndexChanged, this, &ConnectionsView::onListenerFilterChosen);
    m_findAction = new QAction(tr("&Filter connections"), this);
    m_findAction->setObjectName(QStringLiteral("findConnectionsAction"));
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_findAction, &QAction::triggered, this, &ConnectionsView::focusFilter);

    m_filterCountLabel->setObjectName(QStringLiteral("filterCountLabel"));
    m_filterCountLabel->setTextFormat(Qt::PlainText);
    m_filterCountLabel->setContentsMargins(8, 0, 8, 0);
    m_filterCountLabel->hide();
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_model),
                                      static_cast<QAbstractItemModel *>(m_proxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &ConnectionsView::scheduleFilterCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ConnectionsView::scheduleFilterCount);
        connect(model, &QAbstractItemModel::modelReset, this, &ConnectionsView::scheduleFilterCount);
    }
}

void ConnectionsView::setUpColumnMenu()
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
    // So are the TLS details: most connections are plain, and the columns would stand empty.
    for (int column = ConnectionTableModel::TlsVersionColumn;
         column <= ConnectionTableModel::TlsClientCertificateColumn; ++column)
        header->setSectionHidden(column, true);
    for (int column = ConnectionTableModel::PeerColumn; column < ConnectionTableModel::ColumnCount; ++column) {
        const QString name = m_model->headerData(column, Qt::Horizontal).toString();
        auto *action = new QAction(name, header);
        action->setObjectName(QStringLiteral("showColumn%1").arg(column));
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            checkVisibleIds();
        });
        header->addAction(action);
    }
    syncColumnMenu();
}

void ConnectionsView::syncColumnMenu()
{
    QHeaderView *header = m_ui->connectionsView->horizontalHeader();
    const QList<QAction *> actions = header->actions();
    for (int i = 0; i < actions.size(); ++i) {
        const QSignalBlocker blocker(actions.at(i));
        actions.at(i)->setChecked(!header->isSectionHidden(ConnectionTableModel::PeerColumn + i));
    }
}

QList<QAction *> ConnectionsView::columnActions() const
{
    return m_ui->connectionsView->horizontalHeader()->actions();
}

void ConnectionsView::applyUpdates(const QList<ConnectionInfo> &connections)
{
    m_model->applyUpdates(connections);
}

void ConnectionsView::applyTcpInfo(const QHash<quint64, TcpInfo> &tcpInfo)
{
    m_model->applyTcpInfo(tcpInfo);
}

void ConnectionsView::setHistoryLimit(int limit)
{
    m_ui->historySpin->setValue(limit);
    // setValue is silent when the box already shows it; the model follows either way.
    m_model->setHistoryLimit(limit);
}

int ConnectionsView::historyLimit() const
{
    return m_ui->historySpin->value();
}

void ConnectionsView::setHistoryMaximum(int maximum)
{
    m_ui->historySpin->setMaximum(maximum);
}

void ConnectionsView::setHistoryToolTip(const QString &text)
{
    m_ui->historySpin->setToolTip(text);
}

QByteArray ConnectionsView::saveHeaderState() const
{
    return m_ui->connectionsView->horizontalHeader()->saveState();
}

void ConnectionsView::restoreHeaderState(const QByteArray &state)
{
    QHeaderView *header = m_ui->connectionsView->horizontalHeader();
    // A layout saved before columns were added would put its widths and hidden flags on the
    // wrong columns: the defaults are better.
    if (ConnectionColumns::savedColumnCount(state) != ConnectionTableModel::ColumnCount) {
        resetColumns();
        return;
    }
    header->restoreState(state);
    ConnectionColumns::repair(header);
    syncColumnMenu();
    checkVisibleIds();
}

void ConnectionsView::resetColumns()
{
    m_ui->connectionsView->horizontalHeader()->restoreState(m_defaultHeaderState);
    syncColumnMenu();
    checkVisibleIds();
}

void ConnectionsView::focusFilter()
{
    m_ui->connectionFilterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->connectionFilterEdit->selectAll();
}

quint64 ConnectionsView::currentId() const
{
    return m_currentId;
}

void ConnectionsView::onCurrentRowChanged()
{
    const QModelIndex current = m_ui->connectionsView->selectionModel()->currentIndex();
    const quint64 id = current.isValid() ? current.data(ConnectionTableModel::ConnectionIdRole).toULongLong() : 0;
    if (id == m_currentId)
        return;
    m_currentId = id;
    emit currentChanged(id);
}

void ConnectionsView::onFilterEdited()
{
    if (m_model->rowCount() <= ImmediateFilterRows)
        applyFilter();
    else
        m_filterTimer->start();
}

void ConnectionsView::applyFilter()
{
    m_filterTimer->stop();
    const QString text = m_ui->connectionFilterEdit->text().trimmed();
    if (text == m_proxy->filterText())
        return;
    m_proxy->setFilterText(text);
    filterApplied();
}

void ConnectionsView::setListeners(const QList<QPair<int, QString>> &idsAndLabels)
{
    // The listeners' table changes with every batch; their labels seldom do.
    if (idsAndLabels == m_listeners)
        return;
    m_listeners = idsAndLabels;
    QHash<int, QString> labels;
    for (const auto &[id, label] : idsAndLabels)
        labels.insert(id, label);
    m_model->setListenerLabels(labels);

    QComboBox *combo = m_ui->listenerFilterCombo;
    const int chosen = m_proxy->listenerId();
    {
        const QSignalBlocker blocker(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const auto &[id, label] : idsAndLabels)
            combo->addItem(label, id);
        // The box stays narrow in the toolbar; its list is as wide as the labels.
        combo->view()->setMinimumWidth(combo->view()->sizeHintForColumn(0) + 24);
        const int index = combo->findData(chosen);
        combo->setCurrentIndex(index < 0 ? 0 : index);
    }
    // The chosen listener is gone: every listener's rows show again.
    if (combo->currentData().toInt() != chosen)
        onListenerFilterChosen();
    combo->setVisible(combo->count() > 2);
}

int ConnectionsView::listenerFilter() const
{
    return m_proxy->listenerId();
}

void ConnectionsView::onListenerFilterChosen()
{
    const int id = m_ui->listenerFilterCombo->currentData().toInt();
    if (id == m_proxy->listenerId())
        return;
    m_proxy->setListenerId(id);
    filterApplied();
}

void ConnectionsView::filterApplied()
{
    // Hidden rows leave the selection, the current row too, in one layout change that tells
    // neither the inspector nor the actions: the inspector lets go of a connection the filter
    // hid rather than jump to another, and a connection still shown stays in view.
    onCurrentRowChanged();
    const QModelIndex current = m_ui->connectionsView->currentIndex();
    if (current.isValid())
        m_ui->connectionsView->scrollTo(current);
    updateActions();
    showFilterCount();
    checkVisibleIds();
}

void ConnectionsView::scheduleFilterCount()
{
    // Batches and Clear closed add and remove rows in many runs: count once they are done.
    if (m_filterCountPending || !m_proxy->isFiltering())
        return;
    m_filterCountPending = true;
    QMetaObject::invokeMethod(this, &ConnectionsView::showFilterCount, Qt::QueuedConnection);
}

void ConnectionsView::showFilterCount()
{
    m_filterCountPending = false;
    const bool filtering = m_proxy->isFiltering();
    if (filtering)
        m_filterCountLabel->setText(tr("Showing %L1 of %L2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    m_filterCountLabel->setVisible(filtering);
}

ConnectionsView::Selection ConnectionsView::selection() const
{
    // Of the open rows selected, a half-closed one can still be read, not written.
    Selection selection;
    const QModelIndexList selected = m_ui->connectionsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        if (index.data(ConnectionTableModel::IsFinishedRole).toBool())
            continue;
        selection.openIds.append(index.data(ConnectionTableModel::ConnectionIdRole).toULongLong());
        if (ConnectionState(index.data(ConnectionTableModel::StateRole).toInt()) == ConnectionState::HalfClosed)
            ++selection.halfClosed;
        else
            ++selection.sendable;
    }
    return selection;
}

void ConnectionsView::updateActions()
{
    const bool anySelectedOpen = !selection().openIds.isEmpty();
    for (QAction *action : {m_closeAction, m_halfCloseAction, m_resetAction, m_faultsAction})
        action->setEnabled(anySelectedOpen);
    m_closeAllAction->setEnabled(m_model->openCount() > 0);
    m_clearClosedAction->setEnabled(m_model->finishedCount() > 0);
    m_ui->closeSelectedButton->setEnabled(anySelectedOpen);
    m_ui->closeAllButton->setEnabled(m_closeAllAction->isEnabled());
    m_ui->clearClosedButton->setEnabled(m_clearClosedAction->isEnabled());
    emit selectionChanged();
}

void ConnectionsView::closeSelected(CloseMode mode)
{
    const QList<quint64> ids = selection().openIds;
    if (!ids.isEmpty())
        emit closeRequested(ids, mode);
}

void ConnectionsView::editSelectedFaults()
{
    const QList<quint64> ids = selection().openIds;
    if (ids.isEmpty())
        return;
    const QModelIndex first = m_model->indexForId(ids.constFirst());
    const Faults current = first.isValid() ? m_model->connectionAt(first.row()).faults : Faults{};
    auto *dialog = new FaultsDialog(FaultsDialog::Scope::OpenConnections, current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] { emit faultsRequested(ids, dialog->faults()); });
    dialog->open();
}

bool ConnectionsView::kernelColumnsShown() const
{
    const QHeaderView *header = m_ui->connectionsView->horizontalHeader();
    for (int column = ConnectionTableModel::TcpStateColumn; column <= ConnectionTableModel::SinceLastReceiveColumn;
         ++column) {
        if (!header->isSectionHidden(column))
            return true;
    }
    return false;
}

QList<quint64> ConnectionsView::visibleIds() const
{
    QList<quint64> ids;
    const QTableView *view = m_ui->connectionsView;
    if (!kernelColumnsShown())
        return ids;
    const int rows = m_proxy->rowCount();
    const int first = std::max(0, view->rowAt(0));
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0)
        last = rows - 1;
    for (int row = first; row <= last && row < rows; ++row)
        ids.append(m_proxy->index(row, ConnectionTableModel::IdColumn).data(ConnectionTableModel::ConnectionIdRole).toULongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void ConnectionsView::checkVisibleIds()
{
    QList<quint64> ids = visibleIds();
    if (ids == m_visibleIds)
        return;
    m_visibleIds = std::move(ids);
    emit visibleIdsChanged(m_visibleIds);
}
