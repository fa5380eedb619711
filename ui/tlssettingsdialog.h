#pragma once

#include "tlssettings.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

// Edits one listener's TLS settings: where the certificate comes from, what the server asks of
// clients, and which protocols it offers. OK loads the certificate and key as a start would, and
// stays open with the reason when that fails.
class TlsSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsSettingsDialog)

public:
    explicit TlsSettingsDialog(const TlsSettings &settings, QWidget *parent = nullptr);
    ~TlsSettingsDialog() override;

    // The fields as set now.
    TlsSettings settings() const;

    void accept() override;

private:
    void setSettings(const TlsSettings &settings);
    void updateEnabled();
    void updateFingerprint();
    void browse(QLineEdit *edit, const QString &title);
    void regenerate();
    void showProblem(const QString &text, bool error);

    QRadioButton *m_selfSignedRadio = nullptr;
    QRadioButton *m_filesRadio = nullptr;
    QButtonGroup *m_sourceGroup = nullptr;
    QLineEdit *m_certificateEdit = nullptr;
    QPushButton *m_certificateBrowse = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QPushButton *m_keyBrowse = nullptr;
    QPushButton *m_regenerateButton = nullptr;
    QLineEdit *m_fingerprintEdit = nullptr;
    QPushButton *m_copyButton = nullptr;
    QComboBox *m_minimumProtocolCombo = nullptr;
    QComboBox *m_clientCertificateCombo = nullptr;
    QLineEdit *m_caEdit = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QLineEdit *m_alpnEdit = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    // The settings whose warnings were shown: a second OK with them unchanged accepts.
    std::optional<TlsSettings> m_warnedFor;
};
