#include "settings.h"

#include "endpoint.h"

#include <QSettings>

namespace {

const QString KeyBindAddress = QStringLiteral("listener/address");
const QString KeyPort = QStringLiteral("listener/port");
const QString KeyBacklog = QStringLiteral("listener/backlog");
const QString KeyCloseOnStop = QStringLiteral("listener/closeConnectionsOnStop");
const QString KeyHistoryLimit = QStringLiteral("connections/historyLimit");
const QString KeyMode = QStringLiteral("server/mode");
const QString KeyGreeting = QStringLiteral("server/greeting");
const QString KeyMaxConnections = QStringLiteral("server/maxConnections");
const QString KeyTranscriptKiB = QStringLiteral("server/transcriptKiB");
const QString KeySendHistory = QStringLiteral("send/history");
const QString KeySendFormat = QStringLiteral("send/format");
const QString KeyLineEnding = QStringLiteral("send/lineEnding");
const QString KeyGeometry = QStringLiteral("window/geometry");
const QString KeySplitterState = QStringLiteral("window/splitter");
const QString KeyHeaderState = QStringLiteral("window/connectionsHeader");

} // namespace

Settings::Settings()
    : m_settings(new QSettings)
{
}

Settings::~Settings()
{
    delete m_settings;
}

int Settings::boundedInt(const QString &key, int defaultValue, int minimum, int maximum) const
{
    bool ok = false;
    const qlonglong value = m_settings->value(key).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return defaultValue;
    return int(value);
}

QString Settings::bindAddress() const
{
    const QString value = m_settings->value(KeyBindAddress).toString();
    if (!Endpoint::parseAddress(value).error.isEmpty())
        return QStringLiteral("127.0.0.1");
    return value.trimmed();
}

void Settings::setBindAddress(const QString &address)
{
    m_settings->setValue(KeyBindAddress, address);
}

quint16 Settings::port() const
{
    return quint16(boundedInt(KeyPort, DefaultPort, 0, 65535));
}

void Settings::setPort(quint16 port)
{
    m_settings->setValue(KeyPort, port);
}

int Settings::backlog() const
{
    return boundedInt(KeyBacklog, DefaultBacklog, 1, MaxBacklog);
}

void Settings::setBacklog(int backlog)
{
    m_settings->setValue(KeyBacklog, backlog);
}

bool Settings::closeConnectionsOnStop() const
{
    return m_settings->value(KeyCloseOnStop, false).toBool();
}

void Settings::setCloseConnectionsOnStop(bool close)
{
    m_settings->setValue(KeyCloseOnStop, close);
}

int Settings::historyLimit() const
{
    return boundedInt(KeyHistoryLimit, DefaultHistoryLimit, 0, MaxHistoryLimit);
}

void Settings::setHistoryLimit(int limit)
{
    m_settings->setValue(KeyHistoryLimit, limit);
}

ServerBehaviour Settings::behaviour() const
{
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode(boundedInt(KeyMode, int(ServerMode::Hold), int(ServerMode::Hold),
                                           int(ServerMode::AcceptAndClose)));
    behaviour.maxConnections = boundedInt(KeyMaxConnections, ServerBehaviour::DefaultMaxConnections, 1,
                                          MaxConnectionsLimit);
    behaviour.transcriptCapacity =
        qsizetype(boundedInt(KeyTranscriptKiB, DefaultTranscriptKiB, 0, MaxTranscriptKiB)) * 1024;
    return behaviour;
}

void Settings::setBehaviour(const ServerBehaviour &behaviour)
{
    m_settings->setValue(KeyMode, int(behaviour.mode));
    m_settings->setValue(KeyMaxConnections, behaviour.maxConnections);
    m_settings->setValue(KeyTranscriptKiB, int(behaviour.transcriptCapacity / 1024));
}

QString Settings::greetingText() const
{
    const QVariant value = m_settings->value(KeyGreeting);
    if (!value.isValid() || value.typeId() != QMetaType::QString)
        return QStringLiteral("Hello from Socket Lab\\r\\n");
    return value.toString().left(4096);
}

void Settings::setGreetingText(const QString &text)
{
    m_settings->setValue(KeyGreeting, text);
}

QStringList Settings::sendHistory() const
{
    const QVariant value = m_settings->value(KeySendHistory);
    if (value.typeId() != QMetaType::QStringList && value.typeId() != QMetaType::QString)
        return {};
    return value.toStringList().mid(0, MaxSendHistory);
}

void Settings::setSendHistory(const QStringList &history)
{
    m_settings->setValue(KeySendHistory, history.mid(0, MaxSendHistory));
}

int Settings::sendFormat() const
{
    return boundedInt(KeySendFormat, 0, 0, 1);
}

void Settings::setSendFormat(int format)
{
    m_settings->setValue(KeySendFormat, format);
}

int Settings::lineEnding() const
{
    return boundedInt(KeyLineEnding, 1, 0, 2);
}

void Settings::setLineEnding(int ending)
{
    m_settings->setValue(KeyLineEnding, ending);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(KeyGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(KeyGeometry, geometry);
}

QByteArray Settings::splitterState() const
{
    return m_settings->value(KeySplitterState).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(KeySplitterState, state);
}

QByteArray Settings::headerState() const
{
    return m_settings->value(KeyHeaderState).toByteArray();
}

void Settings::setHeaderState(const QByteArray &state)
{
    m_settings->setValue(KeyHeaderState, state);
}

void Settings::sync()
{
    m_settings->sync();
}
