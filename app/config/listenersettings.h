#pragma once

#include "listenerconfig.h"

#include <QList>
#include <QString>

class SettingsStore;

// The listeners in the settings file, in order. The first is kept under the keys of the time when
// there was only one (listener/..., server/...), so a file from then reads as its one listener;
// the others under listeners/N/... (N from 2). Values are read one at a time, so that each
// warning is about a value asked for.
class ListenerSettings final
{
    Q_DISABLE_COPY_MOVE(ListenerSettings)

public:
    // The store outlives this.
    explicit ListenerSettings(SettingsStore *store);
    ~ListenerSettings();

    // A key the app writes for a listener, or the number of listeners.
    static bool isOwnKey(const QString &key);

    QList<ListenerConfig> listeners() const;
    void setListeners(const QList<ListenerConfig> &listeners);

    // The listener at index's values, one by one.
    QString address(int index) const;
    void setAddress(int index, const QString &address);
    quint16 port(int index) const;
    void setPort(int index, quint16 port);
    int backlog(int index) const;
    void setBacklog(int index, int backlog);
    bool closeConnectionsOnStop(int index) const;
    void setCloseConnectionsOnStop(int index, bool close);
    ServerBehaviour behaviour(int index) const;
    void setBehaviour(int index, const ServerBehaviour &behaviour);
    // The greeting as typed (escapes such as \r\n unexpanded).
    QString greetingText(int index) const;
    void setGreetingText(int index, const QString &text);

private:
    struct Keys;
    static Keys keysOf(int index);
    ListenerConfig listenerAt(int index) const;
    void storeListener(int index, const ListenerConfig &config);
    QString nameAt(const QString &key) const;
    ListenerProtocol protocolAt(const QString &key) const;
    AccessList accessList(const QString &key, const QString &name) const;
    QList<ResponseRule> rules(const QString &key) const;
    Faults faults(const QString &key) const;
    ForwardTarget forwardTarget(const QString &key) const;

    SettingsStore *m_store = nullptr;
};
