#pragma once

#include "responserule.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class ResponseRuleTableModel;

// Edits one listener's response rules: the list in the order they are tried, and the selected
// rule's fields below it. OK stays open on a rule that cannot be used and says why.
class RulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesDialog)

public:
    explicit RulesDialog(const QList<ResponseRule> &rules, QWidget *parent = nullptr);
    ~RulesDialog() override;

    QList<ResponseRule> rules() const;
    // How often each rule in force answered, shown while the list is as it was opened.
    void setMatchCounts(const QList<quint64> &counts);
    ResponseRuleTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void accept() override;

private:
    void buildEditor(QFormLayout *form);
    int currentRow() const;
    void selectRow(int row);
    // The selected rule into the fields, and the fields back into it.
    void loadEditor();
    void storeEditor();
    void updateButtons();
    void addRule();
    void removeRule();
    void moveRule(int by);

    ResponseRuleTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_downButton = nullptr;
    QWidget *m_editor = nullptr;
    QCheckBox *m_enabledCheck = nullptr;
    QComboBox *m_matchCombo = nullptr;
    QLineEdit *m_patternEdit = nullptr;
    QComboBox *m_scopeCombo = nullptr;
    QComboBox *m_delimiterCombo = nullptr;
    QLineEdit *m_replyEdit = nullptr;
    QCheckBox *m_replyHexCheck = nullptr;
    QSpinBox *m_delaySpin = nullptr;
    QComboBox *m_thenCombo = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_loading = false; // the fields are being filled from the model, not edited
};
