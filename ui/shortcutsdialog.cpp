#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// The menus' entries in the menus' order, then every other action the window holds.
QList<QAction *> windowActions(QWidget *window)
{
    QList<QAction *> actions;
    if (auto *mainWindow = qobject_cast<QMainWindow *>(window)) {
        const QList<QAction *> menus = mainWindow->menuBar()->actions();
        for (const QAction *menuAction : menus) {
            if (const QMenu *menu = menuAction->menu())
                actions.append(menu->actions());
        }
    }
    const QList<QAction *> children = window->findChildren<QAction *>();
    for (QAction *action : children) {
        if (!actions.contains(action))
            actions.append(action);
    }
    return actions;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Action"), tr("Where")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    const QList<QAction *> actions = windowActions(window);
    for (const QAction *action : actions) {
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty() || action->isSeparator())
            continue;
        QStringList keyTexts;
        for (const QKeySequence &key : keys)
            keyTexts.append(key.toString(QKeySequence::NativeText));
        // A shortcut bound to a widget works only while that widget (or a child) has the focus.
        QString where = tr("Anywhere in the window");
        if (action->shortcutContext() == Qt::WidgetShortcut
            || action->shortcutContext() == Qt::WidgetWithChildrenShortcut) {
            const QList<QObject *> objects = action->associatedObjects();
            for (const QObject *object : objects) {
                const auto *widget = qobject_cast<const QWidget *>(object);
                if (widget && !qobject_cast<const QMenu *>(widget)) {
                    where = widget->accessibleName().isEmpty() ? widget->objectName() : widget->accessibleName();
                    break;
                }
            }
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(keyTexts.join(QStringLiteral(", "))));
        // The icon text is the label without its mnemonic, or a name that holds for every state
        // of an action whose label changes.
        m_table->setItem(row, 1, new QTableWidgetItem(action->iconText()));
        m_table->setItem(row, 2, new QTableWidgetItem(where));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(520, 420);
}
