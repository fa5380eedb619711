#include "faultsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

FaultsDialog::FaultsDialog(Scope scope, const Faults &faults, QWidget *parent)
    : QDialog(parent)
    , m_scope(scope)
{
    setObjectName(QStringLiteral("faultsDialog"));
    setWindowTitle(scope == Scope::NewConnections ? tr("Faults for new connections")
                                                  : tr("Faults for the selected connections"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(scope == Scope::NewConnections
                                 ? tr("Injected into every connection this listener accepts from now on.")
                                 : tr("Switched on now for the selected open connections, replacing their faults; "
                                      "the byte counts and the reset timer start again."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    const auto pair = [this](QSpinBox *first, const QString &between, QSpinBox *second) {
        auto *row = new QHBoxLayout;
        row->addWidget(first);
        row->addWidget(new QLabel(between, this));
        row->addWidget(second);
        row->addStretch();
        return row;
    };
    m_latency = addSpin(Faults::MaxDelayMs, tr(" ms"), tr("Every write waits this long before it goes out"));
    m_jitter = addSpin(Faults::MaxDelayMs, tr(" ms"), tr("Each write's delay varies by up to this much either way"));
    form->addRow(tr("&Latency"), pair(m_latency, tr("±"), m_jitter));
    m_bandwidth = addSpin(Faults::MaxBandwidthKiB, tr(" KiB/s"), tr("Each connection moves at most this much a "
                                                                    "second, in each direction"));
    form->addRow(tr("&Bandwidth"), m_bandwidth);
    m_sliceBytes = addSpin(Faults::MaxSliceBytes, tr(" B"), tr("Writes go out in pieces of this many bytes: breaks "
                                                               "clients that take one read for one message"));
    m_sliceDelay = addSpin(Faults::MaxDelayMs, tr(" ms"), tr("The wait between two pieces"));
    m_sliceDelay->setSpecialValueText(QString());
    form->addRow(tr("&Slicer"), pair(m_sliceBytes, tr("every"), m_sliceDelay));
    m_stallReads = new QCheckBox(tr("Stop reading: the peer's sends block once the windows fill"), this);
    form->addRow(tr("S&tall reads"), m_stallReads);
    m_resetAfterBytes = addSpin(std::numeric_limits<int>::max(), tr(" B"),
                                tr("Reset (RST) once this many bytes have arrived"));
    m_resetAfterMs = addSpin(Faults::MaxResetAfterMs, tr(" ms"), tr("Reset (RST) this long after the fault is applied"));
    form->addRow(tr("&Reset after"), pair(m_resetAfterBytes, tr("or"), m_resetAfterMs));
    m_closeAfterBytes = addSpin(std::numeric_limits<int>::max(), tr(" B"),
                                tr("Close (FIN) once this many bytes went either way"));
    form->addRow(tr("&Close after"), m_closeAfterBytes);
    m_acceptThenReset = new QCheckBox(tr("Reset (RST) every new connection at once"), this);
    if (scope == Scope::NewConnections)
        form->addRow(tr("&Accept then reset"), m_acceptThenReset);
    else
        m_acceptThenReset->hide();
    m_slowClose = addSpin(Faults::MaxDelayMs, tr(" ms"), tr("The server's FIN waits this long"));
    form->addRow(tr("Slow cl&ose"), m_slowClose);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("&None"));
    buttons->button(QDialogButtonBox::Reset)->setToolTip(tr("Switch every fault off"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] { setFaults(Faults{}); });
    layout->addWidget(buttons);
    setFaults(faults);
}

FaultsDialog::~FaultsDialog() = default;

QSpinBox *FaultsDialog::addSpin(int max, const QString &suffix, const QString &toolTip)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(0, max);
    spin->setSuffix(suffix);
    spin->setSpecialValueText(tr("Off"));
    spin->setToolTip(toolTip);
    spin->setAccelerated(true);
    return spin;
}

Faults FaultsDialog::faults() const
{
    Faults faults;
    faults.latencyMs = m_latency->value();
    faults.jitterMs = m_jitter->value();
    faults.bandwidthKiB = m_bandwidth->value();
    faults.sliceBytes = m_sliceBytes->value();
    faults.sliceDelayMs = faults.sliceBytes > 0 ? m_sliceDelay->value() : 0;
    faults.stallReads = m_stallReads->isChecked();
    faults.resetAfterBytes = m_resetAfterBytes->value();
    faults.resetAfterMs = m_resetAfterMs->value();
    faults.closeAfterBytes = m_closeAfterBytes->value();
    faults.acceptThenReset = m_scope == Scope::NewConnections && m_acceptThenReset->isChecked();
    faults.slowCloseMs = m_slowClose->value();
    return faults;
}

void FaultsDialog::setFaults(const Faults &faults)
{
    m_latency->setValue(faults.latencyMs);
    m_jitter->setValue(faults.jitterMs);
    m_bandwidth->setValue(faults.bandwidthKiB);
    m_sliceBytes->setValue(faults.sliceBytes);
    m_sliceDelay->setValue(faults.sliceDelayMs);
    m_stallReads->setChecked(faults.stallReads);
    m_resetAfterBytes->setValue(int(std::min<qint64>(faults.resetAfterBytes, std::numeric_limits<int>::max())));
    m_resetAfterMs->setValue(faults.resetAfterMs);
    m_closeAfterBytes->setValue(int(std::min<qint64>(faults.closeAfterBytes, std::numeric_limits<int>::max())));
    m_acceptThenReset->setChecked(faults.acceptThenReset);
    m_slowClose->setValue(faults.slowCloseMs);
}
