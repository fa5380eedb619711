#include "fingerprintbadge.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace {

// Enough of the fingerprint to compare by eye; the rest is in the tooltip and the clipboard.
const QString WidthSample = QStringLiteral("SHA-256 AA:BB:CC:DD\u2026EE:FF:00:11");

} // namespace

FingerprintBadge::FingerprintBadge(QWidget *parent)
    : QWidget(parent)
{
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("fingerprintLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton = new QPushButton(tr("Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("copyFingerprintButton"));
    m_copyButton->setToolTip(tr("Copy the certificate's SHA-256 fingerprint"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_copyButton);
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_fingerprint); });
    hide();
}

FingerprintBadge::~FingerprintBadge() = default;

void FingerprintBadge::setFingerprint(const QString &fingerprint)
{
    m_fingerprint = fingerprint;
    const QString full = tr("SHA-256 %1").arg(fingerprint);
    const QFontMetrics metrics = m_label->fontMetrics();
    m_label->setText(metrics.elidedText(full, Qt::ElideMiddle, metrics.horizontalAdvance(WidthSample)));
    m_label->setToolTip(full);
    setVisible(!fingerprint.isEmpty());
}
