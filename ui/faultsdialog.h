#pragma once

#include "faultplan.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

// Edits a set of faults: the listener's, for its new connections, or a set to switch on live for
// the selected connections (where accept-then-reset has no meaning and is not offered).
class FaultsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultsDialog)

public:
    enum class Scope { NewConnections, OpenConnections };

    explicit FaultsDialog(Scope scope, const Faults &faults, QWidget *parent = nullptr);
    ~FaultsDialog() override;

    Faults faults() const;
    void setFaults(const Faults &faults);

private:
    // A spin box from 0 (shown as "Off") to max, with a unit.
    QSpinBox *addSpin(int max, const QString &suffix, const QString &toolTip);

    Scope m_scope;
    QSpinBox *m_latency = nullptr;
    QSpinBox *m_jitter = nullptr;
    QSpinBox *m_bandwidth = nullptr;
    QSpinBox *m_sliceBytes = nullptr;
    QSpinBox *m_sliceDelay = nullptr;
    QCheckBox *m_stallReads = nullptr;
    QSpinBox *m_resetAfterBytes = nullptr;
    QSpinBox *m_resetAfterMs = nullptr;
    QSpinBox *m_closeAfterBytes = nullptr;
    QCheckBox *m_acceptThenReset = nullptr;
    QSpinBox *m_slowClose = nullptr;
};
