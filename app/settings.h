#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "serverbehaviour.h"

class QSettings;

// The user's choices, remembered between runs. Values read back are checked and fall back
// to the defaults (the seed's 127.0.0.1:9000, backlog 5) when missing or out of range.
class Settings final
{
    Q_DISABLE_COPY_MOVE(Settings)

public:
    static constexpr quint16 DefaultPort = 9000;
    static constexpr int DefaultBacklog = 5;
    static constexpr int MaxBacklog = 65535;
    static constexpr int DefaultHistoryLimit = 1000;
    static constexpr int MaxHistoryLimit = 1000000;
    static constexpr int MaxConnectionsLimit = 1000000;
    static constexpr int DefaultTranscriptKiB = 256;
    static constexpr int MaxTranscriptKiB = 64 * 1024;
    static constexpr int MaxSendHistory = 20;

    Settings();
    ~Settings();

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

private:
    int boundedInt(const QString &key, int defaultValue, int minimum, int maximum) const;

    QSettings *m_settings = nullptr;
};
