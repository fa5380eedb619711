#pragma once

#include "serverbehaviour.h"

#include <QGroupBox>
#include <QHostAddress>

#include <memory>

class Settings;
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

    void restore(const Settings &settings);
    void save(Settings &settings) const;

    // Fills in the form and starts listening, as --listen asks.
    void startListening(const QHostAddress &address, quint16 port, int backlog);
    void setBacklog(int backlog);
    void setMode(ServerMode mode);
    void showStatus(const ListenerStatus &status);

    // Mode, greeting and maximum as chosen; the transcript size is not the panel's.
    ServerBehaviour behaviour() const;
    bool closeConnectionsOnStop() const;

signals:
    void startRequested(const QHostAddress &address, quint16 port, int backlog);
    void stopRequested(bool closeConnections);
    void pauseRequested(bool paused);
    void behaviourChanged();

private:
    void validateForm();
    void onStartClicked();
    void onModeChanged();

    std::unique_ptr<Ui::ListenerPanel> m_ui;
    bool m_listening = false;
    bool m_formValid = false;
};
