#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <memory>

#include "listenerconfig.h"
#include "serverbehaviour.h"
#include "tlssettings.h"

class ListenerSettings;
class SettingsStore;

// The user's choices, remembered between runs. Values read back are checked and fall back
// to the defaults (the seed's 127.0.0.1:9000, backlog 5) when missing or out of range, with a
// warning; access lists that cannot be read fail closed instead (see AccessList).
//
// A value is written only when it differs from the one in effect, so a value the app could not
// read stays in the file, as the user wrote it, until the user chooses another. A file that is
// not wholly the app's (malformed, or holding keys it does not know) is read as empty and never
// written.
class Settings final
{
    Q_DISABLE_COPY_MOVE(Settings)

public:
    static constexpr quint16 DefaultPort = 9000;
    static constexpr int DefaultBacklog = 5;
    static constexpr int MaxBacklog = 65535;
    static constexpr int DefaultHistoryLimit = 1000;
    static constexpr int MaxHistoryLimit = 1000000;
    static constexpr int DefaultTranscriptKiB = int(Transcript::DefaultCapacity / 1024);
    static constexpr int MaxTranscriptKiB = 64 * 1024;
    static constexpr int MaxSendHistory = 20;
    static constexpr int MaxIdleTimeoutSeconds = 24 * 60 * 60;
    static constexpr int MaxAccessListChars = 64 * 1024;
    // Longer sends are not remembered: the list is for retyping short messages, and a pasted
    // dump would bloat the settings file.
    static constexpr int MaxSendHistoryEntry = 4096;
    static constexpr int MaxGreetingLength = 4096;
    // Window and header states are a few hundred bytes; anything far larger is not ours.
    static constexpr int MaxStateBytes = 64 * 1024;
    static constexpr int MaxListeners = 64;
    static constexpr int MaxListenerName = 200;

    Settings();
    ~Settings();

    // Every listener, in order. The first is kept under the keys of the time when there was only
    // one (listener/..., server/...), so a file from then reads as its one listener and the
    // accessors below read and write it; the others under listeners/N/... (N from 2).
    QList<ListenerConfig> listeners() const;
    void setListeners(const QList<ListenerConfig> &listeners);

    // The first listener's.
    QString bindAddress() const;
    void setBindAddress(const QString &address);
    quint16 port() const;
    void setPort(quint16 port);
    int backlog() const;
    void setBacklog(int backlog);
    bool closeConnectionsOnStop() const;
    void setCloseConnectionsOnStop(bool close);
    // How many closed connections the table keeps.
    int historyLimit() const;
    void setHistoryLimit(int limit);
    // Whether the user agreed once to listen on all interfaces; not asked again afterwards.
    bool allInterfacesConfirmed() const;
    void setAllInterfacesConfirmed(bool confirmed);

    ServerBehaviour behaviour() const;
    void setBehaviour(const ServerBehaviour &behaviour);
    // The greeting as typed (escapes such as \r\n unexpanded).
    QString greetingText() const;
    void setGreetingText(const QString &text);
    QStringList sendHistory() const;
    void setSendHistory(const QStringList &history);
    int sendFormat() const;  // 0 text, 1 hex
    void setSendFormat(int format);
    int lineEnding() const;  // 0 none, 1 LF, 2 CRLF
    void setLineEnding(int ending);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    QByteArray headerState() const;
    void setHeaderState(const QByteArray &state);

    void sync();
    // While on, setters take a value as the one in effect without writing it: for what the
    // command line gives, which is for one run. A later, different value is written as usual.
    void setRecordOnly(bool recordOnly);
    // The file could not be read whole, so nothing is written to it this run.
    bool isReadOnly() const;

    // One line per value that was unreadable or out of range and replaced by its default, in
    // the order they were read; empty while the file is sound. For the event log.
    QStringList warnings() const;

private:
    // Window states are QByteArrays of at most MaxStateBytes; anything else is ignored.
    QByteArray boundedBytes(const QString &key) const;

    std::unique_ptr<SettingsStore> m_store;
    std::unique_ptr<ListenerSettings> m_listeners;
};
