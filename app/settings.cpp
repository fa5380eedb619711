#include "settings.h"

#include "endpoint.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcSettings, "socketlab.settings")

QString tr(const char *text)
{
    return QCoreApplication::translate("Settings", text);
}

// A value as a warning quotes it: short, on one line, whatever bytes the file held.
QString quoted(const QVariant &value)
{
    static constexpr qsizetype MaxShown = 40;
    QString text = value.toString().left(MaxShown + 1);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QChar::ReplacementCharacter;
    }
    if (text.size() > MaxShown)
        text = text.left(MaxShown) + QStringLiteral("\u2026");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

const QString KeyBindAddress = QStringLiteral("listener/address");
const QString KeyPort = QStringLiteral("listener/port");
const QString KeyBacklog = QStringLiteral("listener/backlog");
const QString KeyCloseOnStop = QStringLiteral("listener/closeConnectionsOnStop");
const QString KeyHistoryLimit = QStringLiteral("connections/historyLimit");
const QString KeyMode = QStringLiteral("server/mode");
const QString KeyGreeting = QStringLiteral("server/greeting");
const QString KeyMaxConnections = QStringLiteral("server/maxConnections");
const QString KeyTranscriptKiB = QStringLiteral("server/transcriptKiB");
const QString KeyAllowList = QStringLiteral("server/allowList");
const QString KeyDenyList = QStringLiteral("server/denyList");
const QString KeyIdleTimeout = QStringLiteral("server/idleTimeoutSeconds");
const QString KeyAllInterfacesConfirmed = QStringLiteral("listener/allInterfacesConfirmed");
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
    if (m_settings->status() == QSettings::FormatError)
        warn(m_settings->fileName(), tr("the file could not be read; using the defaults"));
    else if (m_settings->status() == QSettings::AccessError)
        warn(m_settings->fileName(), tr("the file could not be opened; using the defaults"));
}

Settings::~Settings()
{
    delete m_settings;
}

void Settings::warn(const QString &key, const QString &problem) const
{
    const QString line = tr("Settings: %1: %2").arg(key, problem);
    if (m_warnings.contains(line))
        return;
    m_warnings.append(line);
    qCWarning(lcSettings, "%s", qUtf8Printable(line));
}

QStringList Settings::warnings() const
{
    return m_warnings;
}

int Settings::boundedInt(const QString &key, int defaultValue, int minimum, int maximum) const
{
    const QVariant raw = m_settings->value(key);
    if (!raw.isValid())
        return defaultValue;
    bool ok = false;
    const qlonglong value = raw.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        warn(key, tr("%1 is not a whole number from %2 to %3; using %4")
                      .arg(quoted(raw))
                      .arg(minimum)
                      .arg(maximum)
                      .arg(defaultValue));
        return defaultValue;
    }
    return int(value);
}

bool Settings::checkedBool(const QString &key) const
{
    const QVariant raw = m_settings->value(key);
    if (!raw.isValid())
        return false;
    // QVariant calls any text other than "", "0" and "false" true; only true and false count here.
    if (raw.typeId() == QMetaType::Bool)
        return raw.toBool();
    const QString text = raw.typeId() == QMetaType::QString ? raw.toString().trimmed().toLower() : QString();
    if (text == QLatin1String("true"))
        return true;
    if (text != QLatin1String("false"))
        warn(key, tr("%1 is neither true nor false; using false").arg(quoted(raw)));
    return false;
}

QByteArray Settings::boundedBytes(const QString &key) const
{
    const QVariant raw = m_settings->value(key);
    if (!raw.isValid())
        return {};
    if (raw.typeId() != QMetaType::QByteArray) {
        warn(key, tr("not saved window state; ignored"));
        return {};
    }
    QByteArray bytes = raw.toByteArray();
    if (bytes.size() > MaxStateBytes) {
        warn(key, tr("%1 bytes, far more than a window state; ignored").arg(bytes.size()));
        return {};
    }
    return bytes;
}

QString Settings::bindAddress() const
{
    const QString fallback = QStringLiteral("127.0.0.1");
    const QVariant raw = m_settings->value(KeyBindAddress);
    if (!raw.isValid())
        return fallback;
    // A list or number is not an address, whatever its text would be.
    const QString value = raw.typeId() == QMetaType::QString ? raw.toString() : QString();
    if (value.size() > 256 || !Endpoint::parseAddress(value).error.isEmpty()) {
        warn(KeyBindAddress, tr("%1 is not an IP address; using %2").arg(quoted(raw), fallback));
        return fallback;
    }
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
    return checkedBool(KeyCloseOnStop);
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

bool Settings::allInterfacesConfirmed() const
{
    return checkedBool(KeyAllInterfacesConfirmed);
}

void Settings::setAllInterfacesConfirmed(bool confirmed)
{
    m_settings->setValue(KeyAllInterfacesConfirmed, confirmed);
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
    behaviour.idleTimeoutSeconds = boundedInt(KeyIdleTimeout, 0, 0, MaxIdleTimeoutSeconds);
    // A list that no longer parses is dropped as a whole rather than applied in part.
    const auto accessList = [this](const QString &key) {
        const QVariant value = m_settings->value(key);
        if (!value.isValid())
            return AccessList();
        if (value.typeId() != QMetaType::QString || value.toString().size() > MaxAccessListChars) {
            warn(key, tr("not a list of addresses, or longer than %1 characters; ignored").arg(MaxAccessListChars));
            return AccessList();
        }
        QString error;
        AccessList list = AccessList::parse(value.toString(), &error);
        if (!error.isEmpty())
            warn(key, tr("%1; ignored").arg(error.left(120)));
        return list;
    };
    behaviour.allowList = accessList(KeyAllowList);
    behaviour.denyList = accessList(KeyDenyList);
    return behaviour;
}

void Settings::setBehaviour(const ServerBehaviour &behaviour)
{
    m_settings->setValue(KeyMode, int(behaviour.mode));
    m_settings->setValue(KeyMaxConnections, behaviour.maxConnections);
    m_settings->setValue(KeyTranscriptKiB, int(behaviour.transcriptCapacity / 1024));
    m_settings->setValue(KeyIdleTimeout, behaviour.idleTimeoutSeconds);
    m_settings->setValue(KeyAllowList, behaviour.allowList.toString());
    m_settings->setValue(KeyDenyList, behaviour.denyList.toString());
}

QString Settings::greetingText() const
{
    const QString fallback = QStringLiteral("Hello from Socket Lab\\r\\n");
    const QVariant value = m_settings->value(KeyGreeting);
    if (!value.isValid())
        return fallback;
    if (value.typeId() != QMetaType::QString) {
        warn(KeyGreeting, tr("not text; using the default greeting"));
        return fallback;
    }
    const QString text = value.toString();
    if (text.size() > MaxGreetingLength)
        warn(KeyGreeting, tr("%1 characters; keeping the first %2").arg(text.size()).arg(MaxGreetingLength));
    return text.left(MaxGreetingLength);
}

void Settings::setGreetingText(const QString &text)
{
    m_settings->setValue(KeyGreeting, text);
}

QStringList Settings::sendHistory() const
{
    const QVariant value = m_settings->value(KeySendHistory);
    if (!value.isValid())
        return {};
    if (value.typeId() != QMetaType::QStringList && value.typeId() != QMetaType::QString) {
        warn(KeySendHistory, tr("not a list of text; starting with an empty list"));
        return {};
    }
    QStringList history;
    const QStringList stored = value.toStringList();
    for (const QString &entry : stored) {
        if (history.size() == MaxSendHistory)
            break;
        if (entry.size() > MaxSendHistoryEntry) {
            warn(KeySendHistory,
                 tr("an entry of %1 characters is longer than %2; left out").arg(entry.size()).arg(MaxSendHistoryEntry));
            continue;
        }
        history.append(entry);
    }
    return history;
}

void Settings::setSendHistory(const QStringList &history)
{
    QStringList kept;
    for (const QString &entry : history) {
        if (kept.size() < MaxSendHistory && entry.size() <= MaxSendHistoryEntry)
            kept.append(entry);
    }
    m_settings->setValue(KeySendHistory, kept);
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
    return boundedBytes(KeyGeometry);
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(KeyGeometry, geometry);
}

QByteArray Settings::splitterState() const
{
    return boundedBytes(KeySplitterState);
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(KeySplitterState, state);
}

QByteArray Settings::headerState() const
{
    return boundedBytes(KeyHeaderState);
}

void Settings::setHeaderState(const QByteArray &state)
{
    m_settings->setValue(KeyHeaderState, state);
}

void Settings::sync()
{
    m_settings->sync();
}
