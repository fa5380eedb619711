#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// A running TLS listener's certificate fingerprint, "SHA-256 AA:BB…EE:FF", elided in the middle
// with the whole in the tooltip, and a button that copies it. Hidden while there is none.
class FingerprintBadge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FingerprintBadge)

public:
    explicit FingerprintBadge(QWidget *parent = nullptr);
    ~FingerprintBadge() override;

    // "AA:BB:..."; empty hides the badge.
    void setFingerprint(const QString &fingerprint);
    QString fingerprint() const { return m_fingerprint; }

private:
    QLabel *m_label = nullptr;
    QPushButton *m_copyButton = nullptr;
    QString m_fingerprint;
};
