#include "clientspanel.h"
#include "ui_clientspanel.h"

#include "endpoint.h"
#include "kernelcolours.h"
#include "textescapes.h"

namespace {

struct Target
{
    QHostAddress address;
    quint16 port = 0;
    QString error;
};

// Connecting to 0.0.0.0 or :: reaches this machine; say so with the loopback address.
QHostAddress connectableAddress(const QHostAddress &address)
{
    if (!Endpoint::isAllInterfaces(address))
        return address;
    return QHostAddress(address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::LocalHostIPv6
                                                                           : QHostAddress::LocalHost);
}

// The typed HOST:PORT, or the default when the field is left empty.
Target parseTarget(const QString &typed, const QHostAddress &defaultAddress, quint16 defaultPort)
{
    Target target;
    const QString text = typed.trimmed();
    if (text.isEmpty()) {
        target.address = defaultAddress;
        target.port = defaultPort;
    } else {
        const Endpoint::HostPortResult parsed = Endpoint::parseHostPort(text);
        target.address = parsed.address;
        target.port = parsed.port;
        target.error = parsed.error;
    }
    if (target.error.isEmpty() && target.port == 0)
        target.error = ClientsPanel::tr("Port 0 cannot be connected to; enter the port the server listens on");
    return target;
}

} // namespace

ClientsPanel::ClientsPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ClientsPanel>())
{
    m_ui->setupUi(this);
    m_ui->clientTargetErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));
    m_ui->clientLastErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));
    m_ui->clientLastErrorLabel->hide();
    m_ui->closeClientsButton->setEnabled(false);
    connect(m_ui->clientTargetEdit, &QLineEdit::textChanged, this, &ClientsPanel::validate);
    connect(m_ui->clientTargetEdit, &QLineEdit::returnPressed, this, &ClientsPanel::onStartClicked);
    connect(m_ui->startClientsButton, &QPushButton::clicked, this, &ClientsPanel::onStartClicked);
    connect(m_ui->closeClientsButton, &QPushButton::clicked, this, &ClientsPanel::closeAllRequested);
    setDefaultTarget(m_defaultAddress, m_defaultPort);
    showTotals(ClientTotals());
}

ClientsPanel::~ClientsPanel() = default;

void ClientsPanel::setDefaultTarget(const QHostAddress &address, quint16 port)
{
    m_defaultAddress = connectableAddress(address);
    m_defaultPort = port;
    m_ui->clientTargetEdit->setPlaceholderText(Endpoint::format(m_defaultAddress, m_defaultPort));
    validate();
}

bool ClientsPanel::buildPlan(ClientPlan *plan) const
{
    const Target target = parseTarget(m_ui->clientTargetEdit->text(), m_defaultAddress, m_defaultPort);
    if (!target.error.isEmpty())
        return false;
    plan->address = target.address;
    plan->port = target.port;
    plan->count = m_ui->clientCountSpin->value();
    plan->ratePerSecond = m_ui->clientRateSpin->value();
    plan->text = TextEscapes::unescape(m_ui->clientTextEdit->text());
    plan->closeAfterMs = m_ui->clientCloseAfterSpin->value() * 1000;
    plan->connectTimeoutMs = m_ui->clientTimeoutSpin->value() * 1000;
    return true;
}

QString ClientsPanel::errorText() const
{
    return parseTarget(m_ui->clientTargetEdit->text(), m_defaultAddress, m_defaultPort).error;
}

void ClientsPanel::validate()
{
    const QString error = errorText();
    m_valid = error.isEmpty();
    m_ui->clientTargetErrorLabel->setText(error);
    m_ui->clientTargetErrorLabel->setVisible(!m_valid);
    m_ui->startClientsButton->setEnabled(m_valid);
}

void ClientsPanel::onStartClicked()
{
    validate();
    ClientPlan plan;
    if (!m_valid || !buildPlan(&plan))
        return;
    emit startRequested(plan);
}

void ClientsPanel::showTotals(const ClientTotals &totals)
{
    const int waiting = totals.waiting();
    m_ui->clientTotalsLabel->setText(
        waiting > 0 ? tr("Connected %1 · connecting %2 · failed %3 · closed %4 · waiting %5")
                          .arg(totals.connected)
                          .arg(totals.connecting)
                          .arg(totals.failed)
                          .arg(totals.closed)
                          .arg(waiting)
                    : tr("Connected %1 · connecting %2 · failed %3 · closed %4")
                          .arg(totals.connected)
                          .arg(totals.connecting)
                          .arg(totals.failed)
                          .arg(totals.closed));
    m_ui->clientLastErrorLabel->setText(totals.lastError);
    m_ui->clientLastErrorLabel->setVisible(!totals.lastError.isEmpty());
    m_ui->closeClientsButton->setEnabled(totals.running);
}
