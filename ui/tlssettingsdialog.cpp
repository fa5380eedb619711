#include "tlssettingsdialog.h"

#include "kernelcolours.h"
#include "selfsignedstore.h"
#include "tlscredentials.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSslCertificate>
#include <QVBoxLayout>

namespace {

// The dialog's spin stops where a longer wait is no longer a handshake but a stall.
constexpr int MaxDialogTimeoutSeconds = 300;
// A chain is a few kilobytes; anything far larger is not worth reading for a fingerprint.
constexpr qint64 MaxCertificateFileBytes = 1024 * 1024;

QPushButton *browseButton(QWidget *parent, const char *name)
{
    auto *button = new QPushButton(TlsSettingsDialog::tr("Browse\u2026"), parent);
    button->setObjectName(QLatin1String(name));
    return button;
}

QWidget *row(QWidget *parent, QWidget *field, QWidget *button)
{
    auto *container = new QWidget(parent);
    auto *layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return container;
}

} // namespace

TlsSettingsDialog::TlsSettingsDialog(const TlsSettings &settings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("tlsSettingsDialog"));
    setWindowTitle(tr("TLS settings"));

    m_selfSignedRadio = new QRadioButton(tr("&Generate or reuse a self-signed certificate for localhost"), this);
    m_selfSignedRadio->setObjectName(QStringLiteral("selfSignedRadio"));
    m_filesRadio = new QRadioButton(tr("PEM &files"), this);
    m_filesRadio->setObjectName(QStringLiteral("filesRadio"));
    m_sourceGroup = new QButtonGroup(this);
    m_sourceGroup->addButton(m_selfSignedRadio);
    m_sourceGroup->addButton(m_filesRadio);

    m_certificateEdit = new QLineEdit(this);
    m_certificateEdit->setObjectName(QStringLiteral("certificateEdit"));
    m_certificateEdit->setPlaceholderText(tr("Certificate chain, leaf first (PEM)"));
    m_certificateBrowse = browseButton(this, "certificateBrowseButton");
    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setPlaceholderText(tr("Private key (PEM)"));
    m_keyBrowse = browseButton(this, "keyBrowseButton");
    m_regenerateButton = new QPushButton(tr("&Regenerate\u2026"), this);
    m_regenerateButton->setObjectName(QStringLiteral("regenerateButton"));
    m_regenerateButton->setToolTip(tr("Replace the self-signed certificate with a new one; clients that pinned "
                                      "the old one will refuse the new one"));

    m_fingerprintEdit = new QLineEdit(this);
    m_fingerprintEdit->setObjectName(QStringLiteral("fingerprintEdit"));
    m_fingerprintEdit->setReadOnly(true);
    m_copyButton = new QPushButton(tr("&Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("copyFingerprintButton"));

    m_minimumProtocolCombo = new QComboBox(this);
    m_minimumProtocolCombo->setObjectName(QStringLiteral("minimumProtocolCombo"));
    m_minimumProtocolCombo->addItem(tr("TLS 1.2"), int(TlsMinimumProtocol::Tls12));
    m_minimumProtocolCombo->addItem(tr("TLS 1.3"), int(TlsMinimumProtocol::Tls13));
    m_clientCertificateCombo = new QComboBox(this);
    m_clientCertificateCombo->setObjectName(QStringLiteral("clientCertificateCombo"));
    m_clientCertificateCombo->addItem(tr("None"), int(TlsClientCertificate::None));
    m_clientCertificateCombo->addItem(tr("Request"), int(TlsClientCertificate::Request));
    m_clientCertificateCombo->addItem(tr("Require"), int(TlsClientCertificate::Require));
    m_clientCertificateCombo->setToolTip(tr("Request: asked for, not checked. Require: must be sent and signed by "
                                            "a certificate in the CA file."));
    m_caEdit = new QLineEdit(this);
    m_caEdit->setObjectName(QStringLiteral("caEdit"));
    m_caEdit->setPlaceholderText(tr("CA certificates a client certificate must chain to"));
    m_caBrowse = browseButton(this, "caBrowseButton");
    m_alpnEdit = new QLineEdit(this);
    m_alpnEdit->setObjectName(QStringLiteral("alpnEdit"));
    m_alpnEdit->setPlaceholderText(tr("h2, http/1.1"));
    m_alpnEdit->setToolTip(tr("Application protocols offered, in order of preference; empty offers none"));
    m_timeoutSpin = new QSpinBox(this);
    m_timeoutSpin->setObjectName(QStringLiteral("handshakeTimeoutSpin"));
    m_timeoutSpin->setRange(1, MaxDialogTimeoutSeconds);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setToolTip(tr("Connections that have not finished the handshake by then are closed"));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("tlsProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Certificate"), m_selfSignedRadio);
    form->addRow(QString(), row(this, m_filesRadio, m_regenerateButton));
    form->addRow(tr("C&hain"), row(this, m_certificateEdit, m_certificateBrowse));
    form->addRow(tr("&Key"), row(this, m_keyEdit, m_keyBrowse));
    form->addRow(tr("SHA-256"), row(this, m_fingerprintEdit, m_copyButton));
    form->addRow(tr("&Minimum protocol"), m_minimumProtocolCombo);
    form->addRow(tr("C&lient certificate"), m_clientCertificateCombo);
    form->addRow(tr("C&A file"), row(this, m_caEdit, m_caBrowse));
    form->addRow(tr("&ALPN"), m_alpnEdit);
    form->addRow(tr("&Handshake timeout"), m_timeoutSpin);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_sourceGroup, &QButtonGroup::buttonToggled, this, &TlsSettingsDialog::updateEnabled);
    connect(m_clientCertificateCombo, &QComboBox::currentIndexChanged, this, &TlsSettingsDialog::updateEnabled);
    connect(m_certificateEdit, &QLineEdit::textChanged, this, &TlsSettingsDialog::updateFingerprint);
    connect(m_certificateBrowse, &QPushButton::clicked, this,
            [this] { browse(m_certificateEdit, tr("Certificate chain")); });
    connect(m_keyBrowse, &QPushButton::clicked, this, [this] { browse(m_keyEdit, tr("Private key")); });
    connect(m_caBrowse, &QPushButton::clicked, this, [this] { browse(m_caEdit, tr("CA certificates")); });
    connect(m_regenerateButton, &QPushButton::clicked, this, &TlsSettingsDialog::regenerate);
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_fingerprintEdit->text()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TlsSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TlsSettingsDialog::reject);

    setSettings(settings);
}

TlsSettingsDialog::~TlsSettingsDialog() = default;

void TlsSettingsDialog::setSettings(const TlsSettings &settings)
{
    (settings.source == TlsCertificateSource::Files ? m_filesRadio : m_selfSignedRadio)->setChecked(true);
    m_certificateEdit->setText(settings.certificatePath);
    m_keyEdit->setText(settings.keyPath);
    m_minimumProtocolCombo->setCurrentIndex(m_minimumProtocolCombo->findData(int(settings.minimumProtocol)));
    m_clientCertificateCombo->setCurrentIndex(m_clientCertificateCombo->findData(int(settings.clientCertificate)));
    m_caEdit->setText(settings.caPath);
    m_alpnEdit->setText(TlsSettings::alpnText(settings.alpn));
    m_timeoutSpin->setValue(settings.handshakeTimeoutSeconds);
    updateEnabled();
}

TlsSettings TlsSettingsDialog::settings() const
{
    TlsSettings settings;
    settings.source = m_filesRadio->isChecked() ? TlsCertificateSource::Files : TlsCertificateSource::SelfSigned;
    settings.certificatePath = m_certificateEdit->text().trimmed();
    settings.keyPath = m_keyEdit->text().trimmed();
    settings.minimumProtocol = TlsMinimumProtocol(m_minimumProtocolCombo->currentData().toInt());
    settings.clientCertificate = TlsClientCertificate(m_clientCertificateCombo->currentData().toInt());
    settings.caPath = m_caEdit->text().trimmed();
    settings.alpn = TlsSettings::parseAlpn(m_alpnEdit->text());
    settings.handshakeTimeoutSeconds = m_timeoutSpin->value();
    return settings;
}

void TlsSettingsDialog::updateEnabled()
{
    const bool files = m_filesRadio->isChecked();
    for (QWidget *widget : {static_cast<QWidget *>(m_certificateEdit), static_cast<QWidget *>(m_certificateBrowse),
                            static_cast<QWidget *>(m_keyEdit), static_cast<QWidget *>(m_keyBrowse)})
        widget->setEnabled(files);
    m_regenerateButton->setEnabled(!files);
    const bool clientCertificates =
        TlsClientCertificate(m_clientCertificateCombo->currentData().toInt()) != TlsClientCertificate::None;
    m_caEdit->setEnabled(clientCertificates);
    m_caBrowse->setEnabled(clientCertificates);
    updateFingerprint();
}

void TlsSettingsDialog::updateFingerprint()
{
    // The certificate on disk as it stands; a self-signed one not made yet is made on OK.
    const QString path = m_filesRadio->isChecked() ? m_certificateEdit->text().trimmed()
                                                   : SelfSignedStore().certificatePath();
    // Read here rather than with QSslCertificate::fromPath, which walks whole directory trees
    // for the half-typed paths ("/", "/home") it is given as the user types.
    QList<QSslCertificate> chain;
    QFile file(path);
    if (!path.isEmpty() && QFileInfo(path).isFile() && QFileInfo(path).size() <= MaxCertificateFileBytes
        && file.open(QIODevice::ReadOnly))
        chain = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    const bool known = !chain.isEmpty() && !chain.first().isNull();
    m_fingerprintEdit->setText(known ? TlsCredentials::fingerprint(chain.first()) : QString());
    m_fingerprintEdit->setPlaceholderText(m_filesRadio->isChecked() ? tr("No readable certificate")
                                                                    : tr("Made when you press OK"));
    m_fingerprintEdit->setToolTip(m_fingerprintEdit->text());
    m_copyButton->setEnabled(known);
}

void TlsSettingsDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(),
                                                      tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

void TlsSettingsDialog::regenerate()
{
    const auto answer = QMessageBox::question(
        this, tr("Regenerate the certificate?"),
        tr("A new self-signed certificate and key replace the current ones. Clients that trust the current "
           "certificate will refuse the new one. Listeners already running keep the old one until restarted."));
    if (answer != QMessageBox::Yes)
        return;
    const SelfSignedStore::Result result = SelfSignedStore().regenerate();
    if (!result.ok())
        showProblem(result.error, true);
    else
        m_problemLabel->hide();
    updateFingerprint();
}

void TlsSettingsDialog::showProblem(const QString &text, bool error)
{
    const QColor colour = error ? KernelColours::error(palette()) : KernelColours::warning(palette());
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(colour.name()));
    m_problemLabel->setText(text);
    m_problemLabel->show();
}

void TlsSettingsDialog::accept()
{
    const TlsSettings chosen = settings();
    const TlsCredentials::Result result = TlsCredentials::load(chosen);
    updateFingerprint();
    // An encrypted key is fine here: its passphrase is asked for at each start, never kept.
    if (!result.ok() && !result.needsPassphrase) {
        showProblem(result.error, true);
        return;
    }
    if (!result.warnings.isEmpty() && m_warnedFor != chosen) {
        m_warnedFor = chosen;
        showProblem(result.warnings.join(QLatin1Char('\n')) + QLatin1Char('\n')
                        + tr("Press OK again to use it anyway."),
                    false);
        return;
    }
    QDialog::accept();
}
