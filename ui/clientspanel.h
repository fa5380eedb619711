#pragma once

#include "clientplan.h"

#include <QHostAddress>
#include <QWidget>

#include <memory>

namespace Ui {
class ClientsPanel;
}

// The built-in test client's form: where to connect, how many, how fast, what to send and
// when to close, and the live counts. It only asks; the connections are the ClientPool's.
class ClientsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientsPanel)

public:
    explicit ClientsPanel(QWidget *parent = nullptr);
    ~ClientsPanel() override;

    // The target when the field is left empty: the listener's own address (all interfaces
    // becomes loopback) and port.
    void setDefaultTarget(const QHostAddress &address, quint16 port);
    void showTotals(const ClientTotals &totals);

    // The plan the form holds now; false when the target is invalid (errorText() says why).
    bool buildPlan(ClientPlan *plan) const;
    QString errorText() const;

signals:
    void startRequested(const ClientPlan &plan);
    void closeAllRequested();

private:
    void validate();
    void onStartClicked();

    std::unique_ptr<Ui::ClientsPanel> m_ui;
    QHostAddress m_defaultAddress{QHostAddress::LocalHost};
    quint16 m_defaultPort = ClientPlan().port;
    bool m_valid = false;
};
