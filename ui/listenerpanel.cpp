#include "listenerpanel.h"
#include "ui_listenerpanel.h"

#include "bindaddresses.h"
#include "commandline.h"
#include "descriptorlimit.h"
#include "endpoint.h"
#include "faultsdialog.h"
#include "kernelcolours.h"
#include "listenerstatus.h"
#include "selfsignedstore.h"
#include "settings.h"
#include "textescapes.h"
#include "rulesdialog.h"
#include "tlssettingsdialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>

namespace {

// Badge colours: grey when stopped, green when listening, amber when paused, red on error.
const QString BadgeStyle = QStringLiteral(
    "QLabel { color: white; background: %1; border-radius: 4px; padding: 4px 10px; font-weight: bold; }");

} // namespace

ListenerPanel::ListenerPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::ListenerPanel>())
{
    m_ui->setupUi(this);
    // Made before anything validates the form, which updates them. One action for Start and
    // Stop: only one of the two can be used at a time.
    m_startStopAction = new QAction(this);
    m_startStopAction->setObjectName(QStringLiteral("startStopAction"));
    // Its name where the label's changes would mislead, as in the list of shortcuts.
    m_startStopAction->setIconText(tr("Start or stop listening"));
    m_startStopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_startStopAction, &QAction::triggered, this, [this] {
        if (m_listening)
            onStopClicked();
        else
            onStartClicked();
    });
    m_pauseAction = new QAction(this);
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setIconText(tr("Pause or resume accepting"));
    connect(m_pauseAction, &QAction::triggered, m_ui->pauseButton, &QAbstractButton::toggle);
    for (const BindAddress &choice : bindAddressChoices())
        m_ui->addressCombo->addItem(choice.label, choice.address);
    // The items carry labels; completing typed text to a label would make it invalid.
    m_ui->addressCombo->setCompleter(nullptr);
    m_ui->addressCombo->setInsertPolicy(QComboBox::NoInsert);
    // The list shows whole labels ("127.0.0.1 (this machine only)"), however narrow the field.
    m_ui->addressCombo->view()->setTextElideMode(Qt::ElideNone);
    m_ui->addressCombo->view()->setMinimumWidth(m_ui->addressCombo->view()->sizeHintForColumn(0)
                                                + m_ui->addressCombo->view()->verticalScrollBar()->sizeHint().width());
    // Room for any port at any font and scale: a squeezed field once showed ")002".
    m_ui->portEdit->setFixedWidth(m_ui->portEdit->fontMetrics().horizontalAdvance(QStringLiteral("655350"))
                                  + 4 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_ui->portEdit)
                                  + m_ui->portEdit->textMargins().left() + m_ui->portEdit->textMargins().right()
                                  + 8);
    // Picking a labelled entry puts the bare address in the editor.
    connect(m_ui->addressCombo, &QComboBox::activated, this, [this](int index) {
        m_ui->addressCombo->setEditText(m_ui->addressCombo->itemData(index).toString());
    });
    connect(m_ui->addressCombo, &QComboBox::editTextChanged, this, &ListenerPanel::validateForm);
    connect(m_ui->portEdit, &QLineEdit::textChanged, this, &ListenerPanel::validateForm);
    connect(m_ui->backlogSpin, &QSpinBox::valueChanged, this, &ListenerPanel::formEdited);
    connect(m_ui->portEdit, &QLineEdit::returnPressed, this, &ListenerPanel::onStartClicked);
    connect(m_ui->startButton, &QPushButton::clicked, this, &ListenerPanel::onStartClicked);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &ListenerPanel::onStopClicked);
    connect(m_ui->pauseButton, &QPushButton::toggled, this, &ListenerPanel::pauseRequested);

    for (const ServerMode mode : {ServerMode::Hold, ServerMode::Echo, ServerMode::Discard, ServerMode::Greeting,
                                  ServerMode::AcceptAndClose, ServerMode::Forward}) {
        m_ui->modeCombo->addItem(serverModeText(mode), int(mode));
        m_ui->modeCombo->setItemData(m_ui->modeCombo->count() - 1, serverModeDescription(mode), Qt::ToolTipRole);
    }
    connect(m_ui->modeCombo, &QComboBox::currentIndexChanged, this, &ListenerPanel::onModeChanged);
    m_ui->protocolCombo->addItem(tr("TCP"), int(ListenerProtocol::Tcp));
    m_ui->protocolCombo->addItem(tr("TLS"), int(ListenerProtocol::Tls));
    connect(m_ui->protocolCombo, &QComboBox::currentIndexChanged, this, &ListenerPanel::onProtocolChanged);
    connect(m_ui->tlsButton, &QPushButton::clicked, this, &ListenerPanel::openTlsDialog);
    connect(m_ui->rulesButton, &QPushButton::clicked, this, &ListenerPanel::openRulesDialog);
    // Applied as typed, so nothing waits unseen for Enter; text with a bad escape is marked and
    // the greeting in force stays the last good one.
    connect(m_ui->greetingEdit, &QLineEdit::textChanged, this, &ListenerPanel::onGreetingEdited);
    connect(m_ui->forwardEdit, &QLineEdit::textChanged, this, &ListenerPanel::onForwardEdited);
    m_ui->greetingErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));
    connect(m_ui->maxConnectionsSpin, &QSpinBox::valueChanged, this, &ListenerPanel::behaviourChanged);
    // The limit is the process's, read once: it is raised at start and not changed after.
    const int maxAllowed = DescriptorLimit::maxConnections();
    m_ui->maxConnectionsSpin->setMaximum(maxAllowed);
    m_ui->maxConnectionsLimitLabel->setText(tr("max %L1 by the descriptor limit").arg(maxAllowed));
    m_ui->idleTimeoutSpin->setMaximum(Settings::MaxIdleTimeoutSeconds);
    connect(m_ui->idleTimeoutSpin, &QSpinBox::valueChanged, this, &ListenerPanel::behaviourChanged);
    // Checked as typed, applied on Enter or leaving the field, so a half-typed network never
    // turns clients away.
    for (QLineEdit *edit : {m_ui->allowEdit, m_ui->denyEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &ListenerPanel::validateAccessLists);
        connect(edit, &QLineEdit::editingFinished, this, &ListenerPanel::applyAccessLists);
    }
    m_ui->accessErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));

    m_ui->startButton->setIcon(QIcon(QStringLiteral(":/icons/start.svg")));
    m_ui->stopButton->setIcon(QIcon(QStringLiteral(":/icons/stop.svg")));
    m_ui->pauseButton->setIcon(QIcon(QStringLiteral(":/icons/pause.svg")));
    m_ui->formErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KernelColours::error(palette()).name()));
    m_ui->exposureWarning->setStyleSheet(
        QStringLiteral("QLabel { color: #5d4037; background: #ffe082; border-radius: 4px; padding: 2px 8px; }"));
    onModeChanged();
    m_ui->tlsButton->setEnabled(false);
    connect(m_ui->faultsButton, &QPushButton::clicked, this, &ListenerPanel::openFaultsDialog);
    showFaults();
    validateForm();
}

ListenerPanel::~ListenerPanel() = default;

void ListenerPanel::setConfig(const ListenerConfig &config)
{
    m_config = config;
    m_ui->addressCombo->setEditText(config.address);
    m_ui->portEdit->setText(QString::number(config.port));
    m_ui->backlogSpin->setValue(config.backlog);
    m_ui->closeOnStopCheck->setChecked(config.closeConnectionsOnStop);
    {
        const QSignalBlocker protocolBlocker(m_ui->protocolCombo);
        m_ui->protocolCombo->setCurrentIndex(m_ui->protocolCombo->findData(int(config.protocol)));
        m_ui->tlsButton->setEnabled(config.protocol == ListenerProtocol::Tls);
    }
    const ServerBehaviour &behaviour = config.behaviour;
    const QSignalBlocker modeBlocker(m_ui->modeCombo);
    const QSignalBlocker maxBlocker(m_ui->maxConnectionsSpin);
    const QSignalBlocker greetingBlocker(m_ui->greetingEdit);
    m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(int(behaviour.mode)));
    m_ui->maxConnectionsSpin->setValue(behaviour.maxConnections);
    m_ui->greetingEdit->setText(config.greetingText);
    m_ui->greetingEdit->setEnabled(behaviour.mode == ServerMode::Greeting);
    m_greeting = behaviour.greeting;
    if (m_rules != behaviour.rules) {
        m_rules = behaviour.rules;
        m_ruleMatches.clear();
        if (m_rulesDialog)
            m_rulesDialog->reject(); // it edits another listener's rules, or ones replaced since
        updateRulesButton();
    }
    m_forwardTarget = behaviour.forwardTarget;
    {
        const QSignalBlocker forwardBlocker(m_ui->forwardEdit);
        m_ui->forwardEdit->setText(behaviour.forwardTarget.toString());
        m_ui->forwardEdit->setVisible(behaviour.mode == ServerMode::Forward);
        m_ui->greetingEdit->setVisible(behaviour.mode != ServerMode::Forward);
    }
    {
        const QSignalBlocker idleBlocker(m_ui->idleTimeoutSpin);
        m_ui->idleTimeoutSpin->setValue(behaviour.idleTimeoutSeconds);
    }
    m_allowList = behaviour.allowList;
    m_denyList = behaviour.denyList;
    m_faults = behaviour.faults;
    showFaults();
    // An unreadable list shows as the user wrote it, marked, so it can be mended.
    {
        const QSignalBlocker allowBlocker(m_ui->allowEdit);
        const QSignalBlocker denyBlocker(m_ui->denyEdit);
        m_ui->allowEdit->setText(m_allowList.toString());
        m_ui->denyEdit->setText(m_denyList.toString());
    }
    validateForm();
    validateAccessLists();
}

ListenerConfig ListenerPanel::config() const
{
    ListenerConfig config = m_config;
    config.address = m_ui->addressCombo->currentText().trimmed();
    const Endpoint::PortResult port = Endpoint::parsePort(m_ui->portEdit->text());
    if (port.error.isEmpty())
        config.port = port.port;
    config.backlog = m_ui->backlogSpin->value();
    config.closeConnectionsOnStop = m_ui->closeOnStopCheck->isChecked();
    config.protocol = ListenerProtocol(m_ui->protocolCombo->currentData().toInt());
    config.greetingText = m_ui->greetingEdit->text();
    const qsizetype capacity = config.behaviour.transcriptCapacity;
    config.behaviour = behaviour();
    config.behaviour.transcriptCapacity = capacity;
    return config;
}

void ListenerPanel::setAllInterfacesConfirmed(bool confirmed)
{
    m_allInterfacesConfirmed = confirmed;
}

void ListenerPanel::setOtherListeners(const QList<ListenerConfig> &others)
{
    m_others = others;
    validateForm();
}

CodeSettings ListenerPanel::codeSettings() const
{
    const ServerBehaviour chosen = behaviour();
    CodeSettings settings;
    // As the listener binds it: "::" takes IPv4 clients too.
    settings.address = m_codeAddress == QHostAddress(QHostAddress::AnyIPv6) ? QHostAddress(QHostAddress::Any)
                                                                           : m_codeAddress;
    settings.port = m_codePort;
    settings.backlog = m_ui->backlogSpin->value();
    settings.mode = chosen.mode;
    settings.greeting = chosen.greeting;
    settings.forward = chosen.forwardTarget;
    settings.maxConnections = chosen.maxConnections;
    settings.allowList = chosen.allowList.toString();
    settings.denyList = chosen.denyList.toString();
    settings.idleTimeoutSeconds = chosen.idleTimeoutSeconds;
    if (ListenerProtocol(m_ui->protocolCombo->currentData().toInt()) == ListenerProtocol::Tls) {
        // The program loads the files this listener serves, the generated pair's too.
        TlsSettings tls = m_config.tls;
        if (tls.source == TlsCertificateSource::SelfSigned) {
            const SelfSignedStore store;
            tls.certificatePath = store.certificatePath();
            tls.keyPath = store.keyPath();
        }
        settings.tls = tls;
    }
    return settings;
}

AcceptQueueGauge *ListenerPanel::acceptQueueGauge() const
{
    return m_ui->acceptQueueGauge;
}

ServerBehaviour ListenerPanel::behaviour() const
{
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode(m_ui->modeCombo->currentData().toInt());
    behaviour.greeting = m_greeting;
    behaviour.maxConnections = m_ui->maxConnectionsSpin->value();
    behaviour.allowList = m_allowList;
    behaviour.denyList = m_denyList;
    behaviour.idleTimeoutSeconds = m_ui->idleTimeoutSpin->value();
    behaviour.rules = m_rules;
    behaviour.faults = m_faults;
    behaviour.forwardTarget = m_forwardTarget;
    return behaviour;
}

bool ListenerPanel::closeConnectionsOnStop() const
{
    return m_ui->closeOnStopCheck->isChecked();
}

void ListenerPanel::startListening(const QHostAddress &address, quint16 port, int backlog)
{
    m_ui->addressCombo->setEditText(Endpoint::formatAddress(address));
    m_ui->portEdit->setText(QString::number(port));
    m_ui->backlogSpin->setValue(backlog);
    requestStart(true);
}

void ListenerPanel::setProtocol(ListenerProtocol protocol)
{
    m_ui->protocolCombo->setCurrentIndex(m_ui->protocolCombo->findData(int(protocol)));
}

void ListenerPanel::setTlsSettings(const TlsSettings &settings)
{
    m_config.tls = settings;
    emit tlsEdited();
}

void ListenerPanel::applyOptions(const CommandLineOptions &options)
{
    if (options.backlogGiven)
        m_ui->backlogSpin->setValue(options.backlog);
    if (options.modeGiven)
        m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(int(options.mode)));
    if (options.greetingText)
        m_ui->greetingEdit->setText(*options.greetingText);
    if (options.forwardTarget)
        m_ui->forwardEdit->setText(options.forwardTarget->toString());
    if (options.maxConnections)
        m_ui->maxConnectionsSpin->setValue(*options.maxConnections);
    if (options.idleTimeoutSeconds)
        m_ui->idleTimeoutSpin->setValue(*options.idleTimeoutSeconds);
    if (options.allowList) {
        m_allowList = *options.allowList;
        m_ui->allowEdit->setText(m_allowList.toString());
    }
    if (options.denyList) {
        m_denyList = *options.denyList;
        m_ui->denyEdit->setText(m_denyList.toString());
    }
    if (options.closeOnStop)
        m_ui->closeOnStopCheck->setChecked(true);
    if (!options.rules.isEmpty()) {
        m_rules = options.rules;
        updateRulesButton();
    }
    if (options.faults) {
        m_faults = *options.faults;
        showFaults();
    }
    validateAccessLists();
    emit behaviourChanged();
}

void ListenerPanel::onGreetingEdited()
{
    const QString text = m_ui->greetingEdit->text();
    const QString error = TextEscapes::check(text);
    m_ui->greetingEdit->setStyleSheet(error.isEmpty() ? QString()
                                                      : QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
    m_ui->greetingErrorLabel->setText(error.isEmpty() ? QString() : tr("Greeting: %1; not applied").arg(error));
    m_ui->greetingErrorLabel->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        return;
    const QByteArray greeting = TextEscapes::unescape(text);
    if (greeting == m_greeting)
        return;
    m_greeting = greeting;
    emit behaviourChanged();
}

void ListenerPanel::onForwardEdited()
{
    validateForm();
    const std::optional<ForwardTarget> target = ForwardTarget::parse(m_ui->forwardEdit->text());
    if (!target || *target == m_forwardTarget)
        return;
    m_forwardTarget = *target;
    emit behaviourChanged();
}

void ListenerPanel::onModeChanged()
{
    const auto mode = ServerMode(m_ui->modeCombo->currentData().toInt());
    m_ui->greetingEdit->setEnabled(mode == ServerMode::Greeting);
    // The upstream takes the greeting's place, so the row is no wider in Forward mode.
    m_ui->greetingEdit->setVisible(mode != ServerMode::Forward);
    m_ui->forwardEdit->setVisible(mode == ServerMode::Forward);
    validateForm();
    m_ui->modeCombo->setToolTip(serverModeDescription(mode));
    emit behaviourChanged();
}

void ListenerPanel::validateForm()
{
    const Endpoint::AddressResult address = Endpoint::parseAddress(m_ui->addressCombo->currentText());
    const Endpoint::PortResult port = Endpoint::parsePort(m_ui->portEdit->text());
    QString error = !address.error.isEmpty() ? address.error : port.error;
    if (error.isEmpty()) {
        // Two listeners on one address and port: refused here, before bind would fail.
        ListenerConfig typed = m_config;
        typed.address = m_ui->addressCombo->currentText().trimmed();
        typed.port = port.port;
        if (const qsizetype overlap = typed.firstOverlap(m_others); overlap >= 0) {
            const ListenerConfig &other = m_others.at(overlap);
            error = tr("Another listener already uses %1:%2")
                        .arg(Endpoint::formatAddress(QHostAddress(other.address)))
                        .arg(other.port);
        }
    }
    // Forward mode cannot start without an upstream that reads.
    QString forwardError;
    if (ServerMode(m_ui->modeCombo->currentData().toInt()) == ServerMode::Forward)
        ForwardTarget::parse(m_ui->forwardEdit->text(), &forwardError);
    m_ui->forwardEdit->setStyleSheet(forwardError.isEmpty() ? QString()
                                                            : QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
    if (error.isEmpty() && !forwardError.isEmpty())
        error = tr("Forward to: %1").arg(forwardError);
    m_formValid = error.isEmpty();
    m_ui->formErrorLabel->setText(error);
    m_ui->formErrorLabel->setVisible(!m_formValid && !m_listening);
    m_ui->exposureWarning->setVisible(address.error.isEmpty() && Endpoint::isAllInterfaces(address.address));
    m_ui->startButton->setEnabled(m_formValid && !m_listening);
    if (m_formValid) {
        m_codeAddress = address.address;
        m_codePort = port.port;
    }
    syncActions();
    emit formEdited();
}

void ListenerPanel::onStartClicked()
{
    requestStart(false);
}

void ListenerPanel::onStopClicked()
{
    if (m_listening)
        emit stopRequested(m_ui->closeOnStopCheck->isChecked());
}

void ListenerPanel::syncActions()
{
    m_startStopAction->setText(m_listening ? tr("&Stop") : tr("&Start listening"));
    m_startStopAction->setIcon(m_listening ? m_ui->stopButton->icon() : m_ui->startButton->icon());
    m_startStopAction->setEnabled(m_listening ? m_ui->stopButton->isEnabled() : m_ui->startButton->isEnabled());
    m_pauseAction->setText(m_ui->pauseButton->isChecked() ? tr("&Resume accepting") : tr("&Pause accepting"));
    m_pauseAction->setIcon(m_ui->pauseButton->icon());
    m_pauseAction->setEnabled(m_ui->pauseButton->isEnabled());
}

void ListenerPanel::requestStart(bool allInterfacesConfirmed)
{
    validateForm();
    if (!m_formValid || m_listening)
        return;
    const Endpoint::AddressResult address = Endpoint::parseAddress(m_ui->addressCombo->currentText());
    const Endpoint::PortResult port = Endpoint::parsePort(m_ui->portEdit->text());
    if (Endpoint::isAllInterfaces(address.address) && !allInterfacesConfirmed && !m_allInterfacesConfirmed) {
        confirmAllInterfaces(Endpoint::formatAddress(address.address));
        return;
    }
    // The lists as typed go with the start, unreadable ones too: the listener then refuses.
    applyAccessLists();
    m_ui->startButton->setEnabled(false);
    syncActions();
    emit startRequested(address.address, port.port, m_ui->backlogSpin->value());
}

void ListenerPanel::confirmAllInterfaces(const QString &address)
{
    if (m_confirming)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Listen on all interfaces?"),
                                tr("Listening on %1 lets other machines on your networks connect to this server "
                                   "and read whatever it sends.")
                                    .arg(address),
                                QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    QPushButton *listen = box->addButton(tr("Listen on all interfaces"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Opened rather than exec()'d: the network thread's updates keep arriving meanwhile.
    connect(box, &QMessageBox::buttonClicked, this, [this, listen](QAbstractButton *button) {
        if (button != listen)
            return;
        m_allInterfacesConfirmed = true;
        requestStart(true);
    });
    connect(box, &QMessageBox::finished, this, [this] { m_confirming = false; });
    m_confirming = true;
    box->open();
}

AccessList ListenerPanel::typedList(const QLineEdit *edit, const AccessList &loaded) const
{
    // Until the user types in it, the field stands for the list as it was loaded, which may be one
    // that could not be read at all (a wrong type shows as an empty field, and must not pass as
    // an empty list).
    return edit->isModified() ? AccessList::parse(edit->text(), nullptr) : loaded;
}

bool ListenerPanel::validateAccessLists()
{
    const AccessList allow = typedList(m_ui->allowEdit, m_allowList);
    const AccessList deny = typedList(m_ui->denyEdit, m_denyList);
    QStringList errors;
    if (!allow.isValid())
        errors.append(tr("Allow list: %1").arg(allow.error()));
    if (!deny.isValid())
        errors.append(tr("Deny list: %1").arg(deny.error()));
    if (!errors.isEmpty()) {
        // Listening, the lists in force stay until the new text parses; stopped, the listener
        // refuses to start with a list it cannot read.
        errors.append(m_listening ? tr("not applied") : tr("listening is refused until it is corrected"));
    }
    const QString invalidStyle = QStringLiteral("QLineEdit { border: 2px solid #c62828; }");
    m_ui->allowEdit->setStyleSheet(allow.isValid() ? QString() : invalidStyle);
    m_ui->denyEdit->setStyleSheet(deny.isValid() ? QString() : invalidStyle);
    m_ui->accessErrorLabel->setText(errors.join(QLatin1String("; ")));
    m_ui->accessErrorLabel->setVisible(!errors.isEmpty());
    return errors.isEmpty();
}

void ListenerPanel::applyAccessLists()
{
    if (!validateAccessLists() && m_listening)
        return;
    const AccessList allow = typedList(m_ui->allowEdit, m_allowList);
    const AccessList deny = typedList(m_ui->denyEdit, m_denyList);
    if (allow == m_allowList && deny == m_denyList)
        return;
    m_allowList = allow;
    m_denyList = deny;
    emit behaviourChanged();
}

void ListenerPanel::showStatus(const ListenerStatus &status)
{
    m_listening = status.state == ListenerState::Listening;
    QString colour = QStringLiteral("#607d8b");
    if (status.state == ListenerState::Listening)
        colour = status.paused || !status.pausedReason.isEmpty() ? QStringLiteral("#b26a00") : QStringLiteral("#2e7d32");
    else if (status.state == ListenerState::Error)
        colour = QStringLiteral("#c62828");
    m_ui->stateBadge->setStyleSheet(BadgeStyle.arg(colour));
    m_ui->stateBadge->setText(status.text());

    // The protocol applies at the next start, like where to listen.
    for (QWidget *field : {static_cast<QWidget *>(m_ui->addressCombo), static_cast<QWidget *>(m_ui->portEdit),
                           static_cast<QWidget *>(m_ui->backlogSpin), static_cast<QWidget *>(m_ui->protocolCombo)})
        field->setEnabled(!m_listening);
    m_ui->fingerprintBadge->setFingerprint(m_listening && status.tls ? status.tlsFingerprint : QString());
    m_ui->stopButton->setEnabled(m_listening);
    m_ui->pauseButton->setEnabled(m_listening);
    {
        const QSignalBlocker blocker(m_ui->pauseButton);
        m_ui->pauseButton->setChecked(m_listening && status.paused);
    }
    m_ui->pauseButton->setText(m_ui->pauseButton->isChecked() ? tr("Resume &accepting") : tr("&Pause accepting"));
    m_ui->pauseButton->setIcon(QIcon(m_ui->pauseButton->isChecked() ? QStringLiteral(":/icons/resume.svg")
                                                                      : QStringLiteral(":/icons/pause.svg")));
    validateForm();
    validateAccessLists();
    if (m_listening && Endpoint::isAllInterfaces(status.address))
        m_ui->exposureWarning->setVisible(true);
}

void ListenerPanel::showStartError(const QString &reason)
{
    validateForm();
    m_ui->formErrorLabel->setText(reason);
    m_ui->formErrorLabel->setVisible(true);
}

void ListenerPanel::onProtocolChanged()
{
    m_ui->tlsButton->setEnabled(ListenerProtocol(m_ui->protocolCombo->currentData().toInt()) == ListenerProtocol::Tls);
    emit tlsEdited();
}

void ListenerPanel::openTlsDialog()
{
    auto *dialog = new TlsSettingsDialog(m_config.tls, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_config.tls = dialog->settings();
        emit tlsEdited();
    });
    dialog->open();
}

void ListenerPanel::openRulesDialog()
{
    if (m_rulesDialog) {
        m_rulesDialog->raise();
        m_rulesDialog->activateWindow();
        return;
    }
    auto *dialog = new RulesDialog(m_rules, this);
    m_rulesDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMatchCounts(m_ruleMatches);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->rules() == m_rules)
            return;
        m_rules = dialog->rules();
        m_ruleMatches.clear();
        updateRulesButton();
        emit behaviourChanged();
    });
    dialog->open();
}

void ListenerPanel::openFaultsDialog()
{
    auto *dialog = new FaultsDialog(FaultsDialog::Scope::NewConnections, m_faults, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->faults() == m_faults)
            return;
        m_faults = dialog->faults();
        showFaults();
        emit behaviourChanged();
    });
    dialog->open();
}

void ListenerPanel::showRuleMatches(const QList<quint64> &counts)
{
    m_ruleMatches = counts;
    if (m_rulesDialog)
        m_rulesDialog->setMatchCounts(counts);
}

void ListenerPanel::updateRulesButton()
{
    const auto count = int(m_rules.size());
    m_ui->rulesButton->setText(count == 0 ? tr("&Rules…") : tr("&Rules (%1)…").arg(count));
}

void ListenerPanel::showFaults()
{
    QFont font = m_ui->faultsButton->font();
    font.setBold(m_faults.any());
    m_ui->faultsButton->setFont(font);
    m_ui->faultsButton->setToolTip(m_faults.any()
                                       ? tr("Faults injected into new connections: %1").arg(m_faults.summary())
                                       : tr("Faults injected into new connections: none. Latency, bandwidth, "
                                            "slicing, stalled reads, reset or close after, accept then reset, "
                                            "slow close"));
}
