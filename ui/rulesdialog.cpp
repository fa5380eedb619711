#include "rulesdialog.h"

#include "kernelcolours.h"
#include "responseruletablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

RulesDialog::RulesDialog(const QList<ResponseRule> &rules, QWidget *parent)
    : QDialog(parent)
    , m_model(new ResponseRuleTableModel(this))
{
    setWindowTitle(tr("Response Rules"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Tried in order on what each client sends; the first rule that matches answers. "
                                "Escapes as in the greeting (\\r, \\n, \\t, \\xHH); \\1…\\9 in a reply "
                                "stand for a regular expression's groups."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *listRow = new QHBoxLayout;
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ResponseRuleTableModel::PatternColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ResponseRuleTableModel::ReplyColumn, QHeaderView::Stretch);
    listRow->addWidget(m_view, 1);
    auto *buttonColumn = new QVBoxLayout;
    m_addButton = new QPushButton(tr("&Add"), this);
    m_removeButton = new QPushButton(tr("Re&move"), this);
    m_upButton = new QPushButton(tr("Move &Up"), this);
    m_downButton = new QPushButton(tr("Move Do&wn"), this);
    for (QPushButton *button : {m_addButton, m_removeButton, m_upButton, m_downButton}) {
        button->setAutoDefault(false);
        buttonColumn->addWidget(button);
    }
    buttonColumn->addStretch();
    listRow->addLayout(buttonColumn);
    layout->addLayout(listRow, 1);

    auto *editorBox = new QGroupBox(tr("Selected rule"), this);
    m_editor = editorBox;
    auto *form = new QFormLayout(editorBox);
    buildEditor(form);
    layout->addWidget(editorBox);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));
    layout->addWidget(m_problemLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RulesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RulesDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, &RulesDialog::addRule);
    connect(m_removeButton, &QPushButton::clicked, this, &RulesDialog::removeRule);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveRule(+1); });

    m_model->setRules(rules);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesDialog::loadEditor);
    connect(m_model, &ResponseRuleTableModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        // The check box in the list turns the rule on or off: the field follows.
        if (topLeft.row() == currentRow())
            loadEditor();
    });
    selectRow(rules.isEmpty() ? -1 : 0);
    loadEditor();
    for (auto [widget, name] : std::initializer_list<std::pair<QObject *, const char *>>{
             {m_view, "rulesView"},
             {m_addButton, "addRuleButton"},
             {m_removeButton, "removeRuleButton"},
             {m_upButton, "moveUpButton"},
             {m_downButton, "moveDownButton"},
             {m_enabledCheck, "enabledCheck"},
             {m_matchCombo, "matchCombo"},
             {m_patternEdit, "patternEdit"},
             {m_scopeCombo, "scopeCombo"},
             {m_delimiterCombo, "delimiterCombo"},
             {m_replyEdit, "replyEdit"},
             {m_replyHexCheck, "replyHexCheck"},
             {m_delaySpin, "delaySpin"},
             {m_thenCombo, "thenCombo"},
             {m_problemLabel, "problemLabel"},
             {m_buttons, "buttonBox"},
         })
        widget->setObjectName(QLatin1String(name));
    resize(760, 480);
}

RulesDialog::~RulesDialog() = default;

void RulesDialog::buildEditor(QFormLayout *form)
{
    m_enabledCheck = new QCheckBox(tr("&Enabled"), m_editor);
    form->addRow(QString(), m_enabledCheck);

    auto *matchRow = new QHBoxLayout;
    m_matchCombo = new QComboBox(m_editor);
    for (const ResponseRule::Match match : {ResponseRule::Match::Contains, ResponseRule::Match::StartsWith,
                                            ResponseRule::Match::Regex, ResponseRule::Match::Hex})
        m_matchCombo->addItem(responseRuleMatchName(match), int(match));
    m_patternEdit = new QLineEdit(m_editor);
    m_patternEdit->setPlaceholderText(tr("e.g. PING, ^GET (\\S+), or de ad be ef"));
    matchRow->addWidget(m_matchCombo);
    matchRow->addWidget(m_patternEdit, 1);
    auto *matchLabel = new QLabel(tr("M&atch"), m_editor);
    matchLabel->setBuddy(m_matchCombo);
    form->addRow(matchLabel, matchRow);

    auto *scopeRow = new QHBoxLayout;
    m_scopeCombo = new QComboBox(m_editor);
    m_scopeCombo->addItem(tr("each chunk as it arrives"), int(ResponseRule::Scope::Chunk));
    m_scopeCombo->addItem(tr("each line, ending with"), int(ResponseRule::Scope::Line));
    m_delimiterCombo = new QComboBox(m_editor);
    m_delimiterCombo->setEditable(true);
    m_delimiterCombo->addItems({QStringLiteral("\\n"), QStringLiteral("\\r\\n")});
    m_delimiterCombo->setToolTip(tr("The line delimiter, with escapes: \\n, \\r\\n or your own"));
    scopeRow->addWidget(m_scopeCombo);
    scopeRow->addWidget(m_delimiterCombo);
    scopeRow->addStretch();
    auto *scopeLabel = new QLabel(tr("&Looks at"), m_editor);
    scopeLabel->setBuddy(m_scopeCombo);
    form->addRow(scopeLabel, scopeRow);

    auto *replyRow = new QHBoxLayout;
    m_replyEdit = new QLineEdit(m_editor);
    m_replyEdit->setPlaceholderText(tr("e.g. PONG\\r\\n, or path=\\1"));
    m_replyHexCheck = new QCheckBox(tr("&Hex"), m_editor);
    replyRow->addWidget(m_replyEdit, 1);
    replyRow->addWidget(m_replyHexCheck);
    auto *replyLabel = new QLabel(tr("Re&ply"), m_editor);
    replyLabel->setBuddy(m_replyEdit);
    form->addRow(replyLabel, replyRow);

    auto *thenRow = new QHBoxLayout;
    m_delaySpin = new QSpinBox(m_editor);
    m_delaySpin->setRange(0, ResponseRule::MaxDelayMs);
    m_delaySpin->setSuffix(tr(" ms"));
    m_delaySpin->setSpecialValueText(tr("no delay"));
    m_thenCombo = new QComboBox(m_editor);
    for (const ResponseRule::Then then :
         {ResponseRule::Then::KeepOpen, ResponseRule::Then::Close, ResponseRule::Then::Reset})
        m_thenCombo->addItem(responseRuleThenName(then), int(then));
    auto *thenLabel = new QLabel(tr("then"), m_editor);
    thenLabel->setBuddy(m_thenCombo);
    thenRow->addWidget(m_delaySpin);
    thenRow->addWidget(thenLabel);
    thenRow->addWidget(m_thenCombo);
    thenRow->addStretch();
    auto *delayLabel = new QLabel(tr("&Delay"), m_editor);
    delayLabel->setBuddy(m_delaySpin);
    form->addRow(delayLabel, thenRow);

    connect(m_enabledCheck, &QCheckBox::toggled, this, &RulesDialog::storeEditor);
    connect(m_matchCombo, &QComboBox::currentIndexChanged, this, &RulesDialog::storeEditor);
    connect(m_patternEdit, &QLineEdit::textEdited, this, &RulesDialog::storeEditor);
    connect(m_scopeCombo, &QComboBox::currentIndexChanged, this, &RulesDialog::storeEditor);
    connect(m_delimiterCombo, &QComboBox::currentTextChanged, this, &RulesDialog::storeEditor);
    connect(m_replyEdit, &QLineEdit::textEdited, this, &RulesDialog::storeEditor);
    connect(m_replyHexCheck, &QCheckBox::toggled, this, &RulesDialog::storeEditor);
    connect(m_delaySpin, &QSpinBox::valueChanged, this, &RulesDialog::storeEditor);
    connect(m_thenCombo, &QComboBox::currentIndexChanged, this, &RulesDialog::storeEditor);
}

QList<ResponseRule> RulesDialog::rules() const
{
    return m_model->rules();
}

void RulesDialog::setMatchCounts(const QList<quint64> &counts)
{
    m_model->setMatchCounts(counts);
}

void RulesDialog::accept()
{
    const int row = m_model->firstProblemRow();
    if (row >= 0) {
        selectRow(row);
        m_problemLabel->setText(tr("Rule %1: %2").arg(row + 1).arg(m_model->rule(row).check()));
        return;
    }
    QDialog::accept();
}

int RulesDialog::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RulesDialog::selectRow(int row)
{
    if (row < 0) {
        m_view->selectionModel()->clearCurrentIndex();
        m_view->clearSelection();
        return;
    }
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect
                                                                         | QItemSelectionModel::Rows);
}

void RulesDialog::loadEditor()
{
    const int row = currentRow();
    m_editor->setEnabled(row >= 0);
    const ResponseRule rule = row >= 0 ? m_model->rule(row) : ResponseRule();
    m_loading = true;
    m_enabledCheck->setChecked(rule.enabled);
    m_matchCombo->setCurrentIndex(m_matchCombo->findData(int(rule.match)));
    m_patternEdit->setText(rule.pattern);
    m_scopeCombo->setCurrentIndex(m_scopeCombo->findData(int(rule.scope)));
    m_delimiterCombo->setCurrentText(rule.delimiter);
    m_delimiterCombo->setEnabled(rule.scope == ResponseRule::Scope::Line);
    m_replyEdit->setText(rule.reply);
    m_replyHexCheck->setChecked(rule.replyHex);
    m_delaySpin->setValue(rule.delayMs);
    m_thenCombo->setCurrentIndex(m_thenCombo->findData(int(rule.then)));
    m_loading = false;
    m_problemLabel->setText(row >= 0 && !rule.check().isEmpty() ? tr("Rule %1: %2").arg(row + 1).arg(rule.check())
                                                                : QString());
    updateButtons();
}

void RulesDialog::storeEditor()
{
    const int row = currentRow();
    if (m_loading || row < 0)
        return;
    ResponseRule rule = m_model->rule(row);
    rule.enabled = m_enabledCheck->isChecked();
    rule.match = ResponseRule::Match(m_matchCombo->currentData().toInt());
    rule.pattern = m_patternEdit->text();
    rule.scope = ResponseRule::Scope(m_scopeCombo->currentData().toInt());
    rule.delimiter = m_delimiterCombo->currentText();
    rule.reply = m_replyEdit->text();
    rule.replyHex = m_replyHexCheck->isChecked();
    rule.delayMs = m_delaySpin->value();
    rule.then = ResponseRule::Then(m_thenCombo->currentData().toInt());
    m_delimiterCombo->setEnabled(rule.scope == ResponseRule::Scope::Line);
    m_model->setRule(row, rule);
    m_problemLabel->setText(rule.check().isEmpty() ? QString() : tr("Rule %1: %2").arg(row + 1).arg(rule.check()));
}

void RulesDialog::updateButtons()
{
    const int row = currentRow();
    m_removeButton->setEnabled(row >= 0);
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
}

void RulesDialog::addRule()
{
    ResponseRule rule;
    rule.pattern = QStringLiteral("PING");
    rule.reply = QStringLiteral("PONG\\r\\n");
    const int row = m_model->insertRule(currentRow() + 1, rule);
    selectRow(row);
    m_patternEdit->setFocus();
    m_patternEdit->selectAll();
}

void RulesDialog::removeRule()
{
    const int row = currentRow();
    m_model->removeRule(row);
    selectRow(std::min(row, m_model->rowCount() - 1));
    loadEditor();
}

void RulesDialog::moveRule(int by)
{
    selectRow(m_model->moveRule(currentRow(), by));
    updateButtons();
}
