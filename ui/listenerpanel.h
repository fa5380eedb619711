#pragma once

#include "codegenerator.h"
#include "listenerconfig.h"
#include "serverbehaviour.h"

#include <QGroupBox>
#include <QHostAddress>
#include <QPointer>

#include <memory>

class AcceptQueueGauge;
class QAction;
class QLineEdit;
class RulesDialog;

struct CommandLineOptions;
struct ListenerStatus;

namespace Ui {
class ListenerPanel;
}

// The listener form: where to bind, Start and Stop, the state badge, and how the server
// treats connections (mode, greeting, maximum, pause).
class ListenerPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerPanel)

public:
    explicit ListenerPanel(QWidget *parent = nullptr);
    ~ListenerPanel() override;

    // The listener the form edits: loads its fields, and gives them back as typed.
    void setConfig(const ListenerConfig &config);
    ListenerConfig config() const;
    bool allInterfacesConfirmed() const { return m_allInterfacesConfirmed; }
    void setAllInterfacesConfirmed(bool confirmed);
    // The other listeners: an address and port one of them uses is refused before bind.
    void setOtherListeners(const QList<ListenerConfig> &others);

    // Fills in the form and starts listening, as --listen asks; the command line counts as the
    // confirmation for all interfaces.
    void startListening(const QHostAddress &address, quint16 port, int backlog);
    // Chooses TCP or TLS in the form, as a --listen prefix does; applies at the next start.
    void setProtocol(ListenerProtocol protocol);
    // The TLS settings the TLS flags give; applies at the next start.
    void setTlsSettings(const TlsSettings &settings);
    // Fills in the form with what the command line gave (all but where to listen).
    void applyOptions(const CommandLineOptions &options);
    void showStatus(const ListenerStatus &status);
    // How often each response rule answered, for the rules dialog while it is open.
    void showRuleMatches(const QList<quint64> &counts);
    // Why the listener did not start (its TLS certificate could not be loaded), under the form.
    void showStartError(const QString &reason);

    // Mode, greeting and maximum as chosen; the transcript size is not the panel's.
    ServerBehaviour behaviour() const;
    // The form as a program would use it, for the Code view; the last valid address and port.
    CodeSettings codeSettings() const;
    AcceptQueueGauge *acceptQueueGauge() const;
    bool closeConnectionsOnStop() const;
    // Start or Stop and Pause or Resume, as the buttons do and when they can, for the menu bar.
    QAction *startStopAction() const { return m_startStopAction; }
    QAction *pauseAction() const { return m_pauseAction; }

signals:
    void startRequested(const QHostAddress &address, quint16 port, int backlog);
    void stopRequested(bool closeConnections);
    void pauseRequested(bool paused);
    void behaviourChanged();
    void formEdited(); // address, port or backlog changed
    void tlsEdited();  // the protocol or the TLS settings changed: worth saving at once

private:
    void validateForm();
    void onStartClicked();
    void onStopClicked();
    // The actions' labels and enabled state, from the buttons'.
    void syncActions();
    void requestStart(bool allInterfacesConfirmed);
    // Asks once whether to expose the server to other machines; starts when the user agrees.
    void confirmAllInterfaces(const QString &address);
    // Checks both lists as typed and shows what is wrong; true when both parse.
    bool validateAccessLists();
    // The list a field stands for: as typed once the user edited it, else as loaded.
    AccessList typedList(const QLineEdit *edit, const AccessList &loaded) const;
    void applyAccessLists();
    void onModeChanged();
    void onGreetingEdited();
    // Forward mode's upstream as typed: applied when it parses, else marked and Start held back.
    void onForwardEdited();
    void onProtocolChanged();
    // Opened rather than exec()'d, like the all-interfaces question.
    void openTlsDialog();
    void openRulesDialog();
    // "Rules (3)…": how many there are, at a glance.
    void updateRulesButton();
    void openFaultsDialog();
    // The button says whether any fault is on, and which.
    void showFaults();

    std::unique_ptr<Ui::ListenerPanel> m_ui;
    ListenerConfig m_config; // as loaded: what the form does not show (name, TLS) comes from it
    QList<ListenerConfig> m_others;
    QAction *m_startStopAction = nullptr;
    QAction *m_pauseAction = nullptr;
    bool m_listening = false;
    bool m_formValid = false;
    QHostAddress m_codeAddress{QHostAddress::LocalHost};
    quint16 m_codePort = 9000;
    // The lists in force: the last ones that parsed when applied.
    AccessList m_allowList;
    AccessList m_denyList;
    QByteArray m_greeting = ServerBehaviour::DefaultGreeting; // in force: the last text that parsed
    QList<ResponseRule> m_rules;
    QList<quint64> m_ruleMatches; // the latest counts, for a dialog opened later
    QPointer<RulesDialog> m_rulesDialog;
    Faults m_faults; // for new connections
    ForwardTarget m_forwardTarget; // in force: the last upstream that parsed
    bool m_allInterfacesConfirmed = false;
    bool m_confirming = false; // the all-interfaces question is open
};
