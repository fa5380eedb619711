#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class SendPanel;
}

// The box to talk back: text or hex, a line ending, recent sends, and where to send.
class SendPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendPanel)

public:
    enum class Format { Text, Hex };
    enum class LineEnding { None, LF, CRLF };

    explicit SendPanel(QWidget *parent = nullptr);
    ~SendPanel() override;

    Format format() const;
    void setFormat(Format format);
    LineEnding lineEnding() const;
    void setLineEnding(LineEnding ending);
    QStringList history() const;
    void setHistory(const QStringList &history);
    // Whether there are selected / open connections to send to; whyNotSelected, shown on Send to
    // selected, says why the selected ones cannot be written to.
    void setTargets(bool anySelected, bool anyOpen, const QString &whyNotSelected = {});

    // The bytes the box holds now; false when it holds nothing to send or invalid hex.
    bool buildPayload(QByteArray *payload);
    QString errorText() const;

signals:
    // toAll: every open connection; otherwise the selected ones.
    void sendRequested(const QByteArray &payload, bool toAll);

private:
    void requestSend(bool toAll);
    void remember(const QString &text);
    void validate();
    void updateButtons();

    std::unique_ptr<Ui::SendPanel> m_ui;
    bool m_anySelected = false;
    bool m_anyOpen = false;
    // Why Send to selected is off although rows are selected; empty when it is not.
    QString m_whyNotSelected;
    QString m_selectedToolTip;
    bool m_valid = true;
};
