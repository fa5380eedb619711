#include "sendpanel.h"
#include "ui_sendpanel.h"

#include "hexparser.h"
#include "kernelcolours.h"
#include "settings.h"

#include <QLineEdit>

SendPanel::SendPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SendPanel>())
{
    m_ui->setupUi(this);
    m_ui->messageCombo->setCompleter(nullptr);
    m_ui->messageCombo->lineEdit()->setPlaceholderText(tr("Type what to send, then press Enter"));
    m_ui->sendSelectedButton->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_selectedToolTip = m_ui->sendSelectedButton->toolTip();
    m_ui->sendAllButton->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_ui->errorLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));
    m_ui->lineEndingCombo->setCurrentIndex(int(LineEnding::LF));

    connect(m_ui->messageCombo, &QComboBox::editTextChanged, this, &SendPanel::validate);
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        // A line ending is text; in hex every byte is written out.
        m_ui->lineEndingCombo->setEnabled(Format(index) == Format::Text);
        validate();
    });
    connect(m_ui->sendSelectedButton, &QPushButton::clicked, this, [this] { requestSend(false); });
    connect(m_ui->sendAllButton, &QPushButton::clicked, this, [this] { requestSend(true); });
    connect(m_ui->messageCombo->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { requestSend(!m_anySelected); });
    validate();
}

SendPanel::~SendPanel() = default;

SendPanel::Format SendPanel::format() const
{
    return Format(m_ui->formatCombo->currentIndex());
}

void SendPanel::setFormat(Format format)
{
    m_ui->formatCombo->setCurrentIndex(int(format));
}

SendPanel::LineEnding SendPanel::lineEnding() const
{
    return LineEnding(m_ui->lineEndingCombo->currentIndex());
}

void SendPanel::setLineEnding(LineEnding ending)
{
    m_ui->lineEndingCombo->setCurrentIndex(int(ending));
}

QStringList SendPanel::history() const
{
    QStringList items;
    for (int i = 0; i < m_ui->messageCombo->count(); ++i)
        items.append(m_ui->messageCombo->itemText(i));
    return items;
}

void SendPanel::setHistory(const QStringList &history)
{
    const QString current = m_ui->messageCombo->currentText();
    m_ui->messageCombo->clear();
    m_ui->messageCombo->addItems(history);
    m_ui->messageCombo->setEditText(current);
}

void SendPanel::setTargets(bool anySelected, bool anyOpen, const QString &whyNotSelected)
{
    m_anySelected = anySelected;
    m_anyOpen = anyOpen;
    m_whyNotSelected = whyNotSelected;
    updateButtons();
}

QString SendPanel::errorText() const
{
    return m_ui->errorLabel->text();
}

bool SendPanel::buildPayload(QByteArray *payload)
{
    const QString text = m_ui->messageCombo->currentText();
    if (format() == Format::Hex) {
        const HexParser::Result parsed = HexParser::parse(text);
        if (!parsed.ok())
            return false;
        *payload = parsed.bytes;
    } else {
        *payload = text.toUtf8();
        if (lineEnding() == LineEnding::LF)
            payload->append('\n');
        else if (lineEnding() == LineEnding::CRLF)
            payload->append("\r\n");
    }
    return !payload->isEmpty();
}

void SendPanel::validate()
{
    QString error;
    // The line edit silently cuts a paste at its maximum; sending the cut-off part would
    // send something the user never chose.
    const int maxLength = m_ui->messageCombo->lineEdit()->maxLength();
    if (m_ui->messageCombo->currentText().size() >= maxLength) {
        error = tr("Too long: the box holds %1 characters at most and cut the rest of the paste; "
                   "nothing is sent").arg(maxLength);
    } else if (format() == Format::Hex) {
        const HexParser::Result parsed = HexParser::parse(m_ui->messageCombo->currentText());
        error = parsed.error;
    }
    m_valid = error.isEmpty();
    m_ui->errorLabel->setText(error);
    updateButtons();
}

void SendPanel::updateButtons()
{
    m_ui->sendSelectedButton->setEnabled(m_valid && m_anySelected);
    m_ui->sendSelectedButton->setToolTip(m_whyNotSelected.isEmpty() ? m_selectedToolTip : m_whyNotSelected);
    m_ui->sendAllButton->setEnabled(m_valid && m_anyOpen);
}

void SendPanel::requestSend(bool toAll)
{
    validate();
    if (!m_valid || (toAll ? !m_anyOpen : !m_anySelected))
        return;
    QByteArray payload;
    if (!buildPayload(&payload))
        return;
    remember(m_ui->messageCombo->currentText());
    emit sendRequested(payload, toAll);
}

void SendPanel::remember(const QString &text)
{
    if (text.isEmpty() || text.size() > Settings::MaxSendHistoryEntry)
        return;
    QStringList items = history();
    items.removeAll(text);
    items.prepend(text);
    setHistory(items.mid(0, Settings::MaxSendHistory));
    m_ui->messageCombo->setEditText(text);
}
