#pragma once

#include <QDialog>

class QTableWidget;

// Every keyboard shortcut of a window, read from its actions when the dialog opens, so the list
// cannot drift from what the keys do.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget *window);

private:
    QTableWidget *m_table = nullptr;
};
