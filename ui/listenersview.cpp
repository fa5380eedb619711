#include "listenersview.h"

#include "flowlayout.h"
#include "listenertablemodel.h"
#include "rowbuttondelegate.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

ListenersView::ListenersView(ListenerTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_buttonDelegate(new RowButtonDelegate(ListenerTableModel::ListenerIdRole, ListenerTableModel::NoButtonRole, this))
    , m_addButton(new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("A&dd"), this))
    , m_duplicateButton(new QPushButton(tr("D&uplicate"), this))
    , m_removeButton(new QPushButton(tr("Re&move"), this))
    , m_startAllButton(new QPushButton(tr("Start a&ll"), this))
    , m_stopAllButton(new QPushButton(tr("Stop al&l"), this))
{
    m_view->setObjectName(QStringLiteral("listenersTable"));
    m_view->setAccessibleName(tr("Listeners"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setItemDelegateForColumn(ListenerTableModel::ActionColumn, m_buttonDelegate);

    m_addButton->setObjectName(QStringLiteral("addListenerButton"));
    m_addButton->setToolTip(tr("A new listener on the next free port, stopped"));
    m_duplicateButton->setObjectName(QStringLiteral("duplicateListenerButton"));
    m_duplicateButton->setToolTip(tr("A copy of the selected listener on the next free port"));
    m_removeButton->setObjectName(QStringLiteral("removeListenerButton"));
    m_removeButton->setToolTip(tr("Stop the selected listener, close its connections and remove it"));
    m_startAllButton->setObjectName(QStringLiteral("startAllButton"));
    m_stopAllButton->setObjectName(QStringLiteral("stopAllButton"));

    auto *buttons = new QWidget(this);
    auto *flow = new FlowLayout(buttons);
    for (QPushButton *button : {m_addButton, m_duplicateButton, m_removeButton, m_startAllButton, m_stopAllButton})
        flow->addWidget(button);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<b>Listeners</b>"), this);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_buttonDelegate, &RowButtonDelegate::clicked, this,
            [this](quint64 id) { emit startStopRequested(int(id)); });
    connect(m_addButton, &QPushButton::clicked, this, &ListenersView::addRequested);
    connect(m_duplicateButton, &QPushButton::clicked, this, [this] { emit duplicateRequested(m_currentId); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] { emit removeRequested(m_currentId); });
    connect(m_startAllButton, &QPushButton::clicked, this, &ListenersView::startAllRequested);
    connect(m_stopAllButton, &QPushButton::clicked, this, &ListenersView::stopAllRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const int id = current.isValid() ? m_model->idAt(current.row()) : 0;
                if (id == 0 || id == m_currentId)
                    return;
                m_currentId = id;
                updateButtons();
                emit currentChanged(id);
            });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ListenersView::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ListenersView::updateButtons);
    updateButtons();
}

ListenersView::~ListenersView() = default;

int ListenersView::currentId() const
{
    return m_currentId;
}

void ListenersView::setCurrentId(int id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ListenersView::updateButtons()
{
    // One listener is always there: the window's form edits one.
    m_removeButton->setEnabled(m_model->rowCount() > 1 && m_currentId != 0);
    m_duplicateButton->setEnabled(m_currentId != 0);
    bool anyListening = false;
    bool anyStopped = false;
    for (const ListenerStatus &status : m_model->statuses()) {
        if (status.state == ListenerState::Listening)
            anyListening = true;
        else
            anyStopped = true;
    }
    m_startAllButton->setEnabled(anyStopped);
    m_stopAllButton->setEnabled(anyListening);
}
