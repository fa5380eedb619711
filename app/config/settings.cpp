#include "settings.h"

#include "endpoint.h"
#include "textescapes.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcSettings, "socketlab.settings")

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};

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
const QString KeyListenerName = QStringLiteral("listener/name");
const QString KeyListenerProtocol = QStringLiteral("listener/protocol");
const QString KeyListenerCount = QStringLiteral("listeners/count");
// The first listener's TLS; the others' are listeners/N/tls....
const QString KeyTlsSource = QStringLiteral("listener/tlsSource");
const QString KeyTlsCertificate = QStringLiteral("listener/tlsCertificate");
const QString KeyTlsKey = QStringLiteral("listener/tlsKey");
const QString KeyTlsMinimumProtocol = QStringLiteral("listener/tlsMinimumProtocol");
const QString KeyTlsClientCertificate = QStringLiteral("listener/tlsClientCertificate");
const QString KeyTlsCa = QStringLiteral("listener/tlsCa");
const QString KeyTlsAlpn = QStringLiteral("listener/tlsAlpn");
const QString KeyTlsHandshakeTimeout = QStringLiteral("listener/tlsHandshakeTimeoutSeconds");
// Longer is no path a user chose.
constexpr qsizetype MaxPathLength = 4096;

// The keys of the second listener on: listeners/N/field.
bool isListenerKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^listeners/([2-9]|[1-9][0-9]+)/(address|port|backlog|closeConnectionsOnStop|name|protocol|mode|greeting|"
        "maxConnections|transcriptKiB|allowList|denyList|idleTimeoutSeconds|tlsSource|tlsCertificate|tlsKey|"
        "tlsMinimumProtocol|tlsClientCertificate|tlsCa|tlsAlpn|tlsHandshakeTimeoutSeconds)$"));
    return pattern.match(key).hasMatch();
}

// Every key the app writes; anything else in the file is not the app's to rewrite.
const QStringList &allKeys()
{
    static const QStringList keys{KeyBindAddress, KeyPort, KeyBacklog, KeyCloseOnStop, KeyHistoryLimit, KeyMode,
                                  KeyGreeting, KeyMaxConnections, KeyTranscriptKiB, KeyAllowList, KeyDenyList,
                                  KeyIdleTimeout, KeyAllInterfacesConfirmed, KeySendHistory, KeySendFormat,
                                  KeyLineEnding, KeyGeometry, KeySplitterState, KeyHeaderState, KeyListenerName,
                                  KeyListenerProtocol, KeyListenerCount, KeyTlsSource, KeyTlsCertificate,
                                  KeyTlsKey, KeyTlsMinimumProtocol, KeyTlsClientCertificate, KeyTlsCa, KeyTlsAlpn,
                                  KeyTlsHandshakeTimeout};
    return keys;
}

QString tlsSourceName(TlsCertificateSource source)
{
    return source == TlsCertificateSource::Files ? QStringLiteral("files") : QStringLiteral("selfsigned");
}

} // namespace

// Where one listener's values are kept.
struct Settings::ListenerKeys
{
    QString address, port, backlog, closeOnStop, name, protocol;
    QString mode, greeting, maxConnections, transcriptKiB, allowList, denyList, idleTimeout;
    QString tlsSource, tlsCertificate, tlsKey, tlsMinimumProtocol, tlsClientCertificate, tlsCa, tlsAlpn,
        tlsHandshakeTimeout;

    QStringList all() const
    {
        return {address, port, backlog, closeOnStop, name, protocol, mode, greeting, maxConnections,
                transcriptKiB, allowList, denyList, idleTimeout, tlsSource, tlsCertificate, tlsKey,
                tlsMinimumProtocol, tlsClientCertificate, tlsCa, tlsAlpn, tlsHandshakeTimeout};
    }
};

Settings::Settings()
    : m_settings(new QSettings)
{
    // A file that is not wholly the app's own is read as if empty and never written: a rewrite
    // would replace what the user had with the defaults, or mangle what QSettings half-read.
    const QString file = m_settings->fileName();
    if (m_settings->status() == QSettings::FormatError) {
        m_readOnly = true;
        warn(file, Text::tr("the file could not be read; using the defaults for this run and leaving the file "
                      "as it is (changes made now are not saved)"));
    } else if (m_settings->status() == QSettings::AccessError) {
        warn(file, Text::tr("the file could not be opened; using the defaults"));
    } else {
        const QStringList stored = m_settings->allKeys();
        for (const QString &key : stored) {
            if (allKeys().contains(key) || isListenerKey(key))
                continue;
            m_readOnly = true;
            warn(file, Text::tr("%1 is not a Socket Lab setting, so this is not a file the app can rewrite; using "
                          "the defaults for this run and leaving the file as it is (changes made now are not "
                          "saved)")
                           .arg(quoted(key)));
            break;
        }
    }
}

Settings::~Settings()
{
    delete m_settings;
}

QVariant Settings::read(const QString &key) const
{
    return m_readOnly ? QVariant() : m_settings->value(key);
}

void Settings::store(const QString &key, const QVariant &value)
{
    // Only what differs from the value in effect is written, so a value the app could not read
    // (and replaced by its default) stays in the file until the user picks another.
    const auto known = m_inEffect.constFind(key);
    if (known != m_inEffect.cend() && *known == value)
        return;
    m_inEffect.insert(key, value);
    if (!m_readOnly && !m_recordOnly)
        m_settings->setValue(key, value);
}

template<typename T>
T Settings::inEffect(const QString &key, T value) const
{
    m_inEffect.insert(key, QVariant::fromValue(value));
    return value;
}

AccessList Settings::inEffect(const QString &key, AccessList list) const
{
    m_inEffect.insert(key, list.toString());
    return list;
}

void Settings::setRecordOnly(bool recordOnly)
{
    m_recordOnly = recordOnly;
}

bool Settings::isReadOnly() const
{
    return m_readOnly;
}

void Settings::warn(const QString &key, const QString &problem) const
{
    const QString line = Text::tr("Settings: %1: %2").arg(key, problem);
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
    const QVariant raw = read(key);
    if (!raw.isValid())
        return inEffect(key, defaultValue);
    bool ok = false;
    const qlonglong value = raw.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        warn(key, Text::tr("%1 is not a whole number from %2 to %3; using %4 (the file keeps its value until you "
                     "change this one)")
                      .arg(quoted(raw))
                      .arg(minimum)
                      .arg(maximum)
                      .arg(defaultValue));
        return inEffect(key, defaultValue);
    }
    return inEffect(key, int(value));
}

bool Settings::checkedBool(const QString &key) const
{
    const QVariant raw = read(key);
    if (!raw.isValid())
        return inEffect(key, false);
    // QVariant calls any text other than "", "0" and "false" true; only true and false count here.
    if (raw.typeId() == QMetaType::Bool)
        return inEffect(key, raw.toBool());
    const QString text = raw.typeId() == QMetaType::QString ? raw.toString().trimmed().toLower() : QString();
    if (text == QLatin1String("true"))
        return inEffect(key, true);
    if (text != QLatin1String("false"))
        warn(key, Text::tr("%1 is neither true nor false; using false").arg(quoted(raw)));
    return inEffect(key, false);
}

QByteArray Settings::boundedBytes(const QString &key) const
{
    const QVariant raw = read(key);
    if (!raw.isValid())
        return inEffect(key, QByteArray());
    if (raw.typeId() != QMetaType::QByteArray) {
        warn(key, Text::tr("not saved window state; ignored"));
        return inEffect(key, QByteArray());
    }
    QByteArray bytes = raw.toByteArray();
    if (bytes.size() > MaxStateBytes) {
        warn(key, Text::tr("%1 bytes, far more than a window state; ignored").arg(bytes.size()));
        return inEffect(key, QByteArray());
    }
    return inEffect(key, bytes);
}

QString Settings::bindAddress() const
{
    return addressAt(KeyBindAddress);
}

QString Settings::addressAt(const QString &key) const
{
    const QString fallback = QStringLiteral("127.0.0.1");
    const QVariant raw = read(key);
    if (!raw.isValid())
        return inEffect(key, fallback);
    // A list or number is not an address, whatever its text would be.
    const QString value = raw.typeId() == QMetaType::QString ? raw.toString() : QString();
    if (value.size() > 256 || !Endpoint::parseAddress(value).error.isEmpty()) {
        warn(key, Text::tr("%1 is not an IP address; using %2").arg(quoted(raw), fallback));
        return inEffect(key, fallback);
    }
    return inEffect(key, value.trimmed());
}

void Settings::setBindAddress(const QString &address)
{
    store(KeyBindAddress, address.trimmed());
}

quint16 Settings::port() const
{
    return quint16(boundedInt(KeyPort, DefaultPort, 0, 65535));
}

void Settings::setPort(quint16 port)
{
    store(KeyPort, int(port));
}

int Settings::backlog() const
{
    return boundedInt(KeyBacklog, DefaultBacklog, 1, MaxBacklog);
}

void Settings::setBacklog(int backlog)
{
    store(KeyBacklog, backlog);
}

bool Settings::closeConnectionsOnStop() const
{
    return checkedBool(KeyCloseOnStop);
}

void Settings::setCloseConnectionsOnStop(bool close)
{
    store(KeyCloseOnStop, close);
}

int Settings::historyLimit() const
{
    return boundedInt(KeyHistoryLimit, DefaultHistoryLimit, 0, MaxHistoryLimit);
}

void Settings::setHistoryLimit(int limit)
{
    store(KeyHistoryLimit, limit);
}

bool Settings::allInterfacesConfirmed() const
{
    return checkedBool(KeyAllInterfacesConfirmed);
}

void Settings::setAllInterfacesConfirmed(bool confirmed)
{
    store(KeyAllInterfacesConfirmed, confirmed);
}

ServerBehaviour Settings::behaviour() const
{
    return behaviourAt(listenerKeys(0));
}

ServerBehaviour Settings::behaviourAt(const ListenerKeys &keys) const
{
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode(boundedInt(keys.mode, int(ServerMode::Hold), int(ServerMode::Hold),
                                           int(ServerMode::AcceptAndClose)));
    behaviour.maxConnections = boundedInt(keys.maxConnections, ServerBehaviour::DefaultMaxConnections, 1,
                                          MaxConnectionsLimit);
    behaviour.transcriptCapacity =
        qsizetype(boundedInt(keys.transcriptKiB, DefaultTranscriptKiB, 0, MaxTranscriptKiB)) * 1024;
    behaviour.idleTimeoutSeconds = boundedInt(keys.idleTimeout, 0, 0, MaxIdleTimeoutSeconds);
    behaviour.allowList = accessList(keys.allowList, Text::tr("Allow list"));
    behaviour.denyList = accessList(keys.denyList, Text::tr("Deny list"));
    return behaviour;
}

AccessList Settings::accessList(const QString &key, const QString &name) const
{
    const QVariant value = read(key);
    if (!value.isValid())
        return inEffect(key, AccessList());
    // QSettings reads an unquoted "a, b" as a list of two strings, and a quoted one as one string;
    // both are the same list.
    QString text;
    if (value.typeId() == QMetaType::QString)
        text = value.toString();
    else if (value.typeId() == QMetaType::QStringList)
        text = value.toStringList().join(QLatin1String(", "));
    AccessList list;
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QStringList)
        list = AccessList::invalid(QString(), Text::tr("not a list of addresses"));
    else if (text.size() > MaxAccessListChars)
        list = AccessList::invalid(text.left(MaxAccessListChars), Text::tr("longer than %1 characters").arg(MaxAccessListChars));
    else
        list = AccessList::parse(text, nullptr);
    // Unreadable, the list fails closed: the listener will not start until it is mended.
    if (!list.isValid())
        warn(key, Text::tr("%1: %2; not listening until it is corrected").arg(name, list.error().left(160)));
    return inEffect(key, list);
}

void Settings::setBehaviour(const ServerBehaviour &behaviour)
{
    storeBehaviour(listenerKeys(0), behaviour);
}

void Settings::storeBehaviour(const ListenerKeys &keys, const ServerBehaviour &behaviour)
{
    store(keys.mode, int(behaviour.mode));
    store(keys.maxConnections, behaviour.maxConnections);
    store(keys.transcriptKiB, int(behaviour.transcriptCapacity / 1024));
    store(keys.idleTimeout, behaviour.idleTimeoutSeconds);
    store(keys.allowList, behaviour.allowList.toString());
    store(keys.denyList, behaviour.denyList.toString());
}

QString Settings::greetingText() const
{
    return greetingAt(KeyGreeting);
}

QString Settings::greetingAt(const QString &key) const
{
    const QString fallback = QString::fromLatin1(ServerBehaviour::DefaultGreetingText);
    const QVariant value = read(key);
    if (!value.isValid())
        return inEffect(key, fallback);
    if (value.typeId() != QMetaType::QString) {
        warn(key, Text::tr("not text; using the default greeting"));
        return inEffect(key, fallback);
    }
    const QString text = value.toString();
    if (text.size() > MaxGreetingLength)
        warn(key, Text::tr("%1 characters; keeping the first %2").arg(text.size()).arg(MaxGreetingLength));
    return inEffect(key, text.left(MaxGreetingLength));
}

void Settings::setGreetingText(const QString &text)
{
    store(KeyGreeting, text);
}

QStringList Settings::sendHistory() const
{
    const QVariant value = read(KeySendHistory);
    if (!value.isValid())
        return inEffect(KeySendHistory, QStringList());
    if (value.typeId() != QMetaType::QStringList && value.typeId() != QMetaType::QString) {
        warn(KeySendHistory, Text::tr("not a list of text; starting with an empty list"));
        return inEffect(KeySendHistory, QStringList());
    }
    QStringList history;
    const QStringList stored = value.toStringList();
    for (const QString &entry : stored) {
        if (history.size() == MaxSendHistory)
            break;
        if (entry.size() > MaxSendHistoryEntry) {
            warn(KeySendHistory,
                 Text::tr("an entry of %1 characters is longer than %2; left out").arg(entry.size()).arg(MaxSendHistoryEntry));
            continue;
        }
        history.append(entry);
    }
    return inEffect(KeySendHistory, history);
}

void Settings::setSendHistory(const QStringList &history)
{
    QStringList kept;
    for (const QString &entry : history) {
        if (kept.size() < MaxSendHistory && entry.size() <= MaxSendHistoryEntry)
            kept.append(entry);
    }
    store(KeySendHistory, kept);
}

int Settings::sendFormat() const
{
    return boundedInt(KeySendFormat, 0, 0, 1);
}

void Settings::setSendFormat(int format)
{
    store(KeySendFormat, format);
}

int Settings::lineEnding() const
{
    return boundedInt(KeyLineEnding, 1, 0, 2);
}

void Settings::setLineEnding(int ending)
{
    store(KeyLineEnding, ending);
}

QByteArray Settings::windowGeometry() const
{
    return boundedBytes(KeyGeometry);
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    store(KeyGeometry, geometry);
}

QByteArray Settings::splitterState() const
{
    return boundedBytes(KeySplitterState);
}

void Settings::setSplitterState(const QByteArray &state)
{
    store(KeySplitterState, state);
}

QByteArray Settings::headerState() const
{
    return boundedBytes(KeyHeaderState);
}

void Settings::setHeaderState(const QByteArray &state)
{
    store(KeyHeaderState, state);
}

Settings::ListenerKeys Settings::listenerKeys(int index)
{
    if (index == 0) {
        return {KeyBindAddress, KeyPort, KeyBacklog, KeyCloseOnStop, KeyListenerName, KeyListenerProtocol,
                KeyMode, KeyGreeting, KeyMaxConnections, KeyTranscriptKiB, KeyAllowList, KeyDenyList,
                KeyIdleTimeout, KeyTlsSource, KeyTlsCertificate, KeyTlsKey, KeyTlsMinimumProtocol,
                KeyTlsClientCertificate, KeyTlsCa, KeyTlsAlpn, KeyTlsHandshakeTimeout};
    }
    const QString prefix = QStringLiteral("listeners/%1/").arg(index + 1);
    const auto key = [&](const char *field) -> QString { return prefix + QLatin1String(field); };
    return {key("address"), key("port"), key("backlog"), key("closeConnectionsOnStop"), key("name"),
            key("protocol"), key("mode"), key("greeting"), key("maxConnections"), key("transcriptKiB"),
            key("allowList"), key("denyList"), key("idleTimeoutSeconds"), key("tlsSource"), key("tlsCertificate"),
            key("tlsKey"), key("tlsMinimumProtocol"), key("tlsClientCertificate"), key("tlsCa"), key("tlsAlpn"),
            key("tlsHandshakeTimeoutSeconds")};
}

QList<ListenerConfig> Settings::listeners() const
{
    // A file without the count is one from the time of a single listener: that one.
    const int count = boundedInt(KeyListenerCount, 1, 0, MaxListeners);
    QList<ListenerConfig> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list.append(listenerAt(i));
    return list;
}

ListenerConfig Settings::listenerAt(int index) const
{
    const ListenerKeys keys = listenerKeys(index);
    ListenerConfig config;
    config.name = nameAt(keys.name);
    config.protocol = protocolAt(keys.protocol);
    config.address = addressAt(keys.address);
    config.port = quint16(boundedInt(keys.port, DefaultPort, 0, 65535));
    config.backlog = boundedInt(keys.backlog, DefaultBacklog, 1, MaxBacklog);
    config.closeConnectionsOnStop = checkedBool(keys.closeOnStop);
    config.behaviour = behaviourAt(keys);
    bool tlsUnreadable = false;
    config.tls = tlsAt(keys, &tlsUnreadable);
    // A listener whose TLS could not be read is never served as plain TCP; the strict values it
    // gets instead keep it from starting until the user looks at them.
    if (tlsUnreadable)
        config.protocol = ListenerProtocol::Tls;
    config.greetingText = greetingAt(keys.greeting);
    // The text was checked when it was typed; one edited by hand into nonsense greets with nothing
    // rather than with half of it.
    config.behaviour.greeting = TextEscapes::check(config.greetingText).isEmpty()
        ? TextEscapes::unescape(config.greetingText)
        : QByteArray();
    return config;
}

void Settings::setListeners(const QList<ListenerConfig> &listeners)
{
    const int count = int(std::min<qsizetype>(listeners.size(), MaxListeners));
    const int before = boundedInt(KeyListenerCount, 1, 0, MaxListeners);
    store(KeyListenerCount, count);
    for (int i = 0; i < count; ++i)
        storeListener(i, listeners.at(i));
    // The listeners removed leave nothing behind.
    for (int i = std::max(count, 1); i < before; ++i) {
        const ListenerKeys keys = listenerKeys(i);
        const QStringList all = keys.all();
        for (const QString &key : all)
            m_inEffect.remove(key);
        if (!m_readOnly && !m_recordOnly)
            m_settings->remove(QStringLiteral("listeners/%1").arg(i + 1));
    }
}

void Settings::storeListener(int index, const ListenerConfig &config)
{
    const ListenerKeys keys = listenerKeys(index);
    store(keys.name, config.name.left(MaxListenerName));
    store(keys.protocol, listenerProtocolName(config.protocol));
    store(keys.address, config.address.trimmed());
    store(keys.port, int(config.port));
    store(keys.backlog, config.backlog);
    store(keys.closeOnStop, config.closeConnectionsOnStop);
    store(keys.greeting, config.greetingText);
    storeBehaviour(keys, config.behaviour);
    storeTls(keys, config.tls);
}

QString Settings::nameAt(const QString &key) const
{
    const QVariant value = read(key);
    if (!value.isValid())
        return inEffect(key, QString());
    if (value.typeId() != QMetaType::QString) {
        warn(key, Text::tr("not text; the listener has no name"));
        return inEffect(key, QString());
    }
    return inEffect(key, value.toString().left(MaxListenerName));
}

ListenerProtocol Settings::protocolAt(const QString &key) const
{
    const QVariant value = read(key);
    if (!value.isValid()) {
        m_inEffect.insert(key, listenerProtocolName(ListenerProtocol::Tcp));
        return ListenerProtocol::Tcp;
    }
    const std::optional<ListenerProtocol> protocol =
        value.typeId() == QMetaType::QString ? listenerProtocolFromName(value.toString()) : std::nullopt;
    if (protocol) {
        m_inEffect.insert(key, listenerProtocolName(*protocol));
        return *protocol;
    }
    // Never plain TCP for what may have been meant as TLS: the listener will not start until the
    // certificate is set or the protocol corrected.
    warn(key, Text::tr("%1 is neither tcp nor tls; using tls").arg(quoted(value)));
    m_inEffect.insert(key, listenerProtocolName(ListenerProtocol::Tls));
    return ListenerProtocol::Tls;
}

TlsSettings Settings::tlsAt(const ListenerKeys &keys, bool *unreadable) const
{
    TlsSettings tls;
    const auto text = [this](const QString &key, bool *ok) -> QString {
        const QVariant value = read(key);
        *ok = true;
        if (!value.isValid())
            return {};
        if (value.typeId() != QMetaType::QString || value.toString().size() > MaxPathLength) {
            *ok = false;
            return {};
        }
        return value.toString();
    };
    bool ok = true;
    // The strictest choice stands in for what could not be read: a certificate from files (none
    // yet), TLS 1.3 only, a client certificate required.
    const QString source = text(keys.tlsSource, &ok).trimmed().toLower();
    if (!ok || (!source.isEmpty() && source != QLatin1String("selfsigned") && source != QLatin1String("files"))) {
        warn(keys.tlsSource, Text::tr("%1 is neither selfsigned nor files; using files, and TLS for this listener")
                                 .arg(quoted(read(keys.tlsSource))));
        *unreadable = true;
        tls.source = TlsCertificateSource::Files;
    } else if (source == QLatin1String("files")) {
        tls.source = TlsCertificateSource::Files;
    }
    m_inEffect.insert(keys.tlsSource, tlsSourceName(tls.source));

    const QList<std::pair<QString, QString *>> paths{
        {keys.tlsCertificate, &tls.certificatePath}, {keys.tlsKey, &tls.keyPath}, {keys.tlsCa, &tls.caPath}};
    for (const auto &[key, path] : paths) {
        *path = text(key, &ok);
        if (!ok) {
            warn(key, Text::tr("not a file path; using none, and TLS for this listener"));
            *unreadable = true;
        }
        m_inEffect.insert(key, *path);
    }

    const QVariant minimum = read(keys.tlsMinimumProtocol);
    if (minimum.isValid()) {
        const std::optional<TlsMinimumProtocol> parsed = minimum.typeId() == QMetaType::QString
            ? TlsSettings::parseMinimumProtocol(minimum.toString())
            : std::nullopt;
        if (!parsed) {
            warn(keys.tlsMinimumProtocol,
                 Text::tr("%1 is neither 1.2 nor 1.3; using 1.3, and TLS for this listener").arg(quoted(minimum)));
            *unreadable = true;
        }
        tls.minimumProtocol = parsed.value_or(TlsMinimumProtocol::Tls13);
    }
    m_inEffect.insert(keys.tlsMinimumProtocol, TlsSettings::minimumProtocolText(tls.minimumProtocol));

    const QVariant client = read(keys.tlsClientCertificate);
    if (client.isValid()) {
        const std::optional<TlsClientCertificate> parsed = client.typeId() == QMetaType::QString
            ? TlsSettings::parseClientCertificate(client.toString())
            : std::nullopt;
        if (!parsed) {
            warn(keys.tlsClientCertificate,
                 Text::tr("%1 is not none, request or require; using require, and TLS for this listener")
                     .arg(quoted(client)));
            *unreadable = true;
        }
        tls.clientCertificate = parsed.value_or(TlsClientCertificate::Require);
    }
    m_inEffect.insert(keys.tlsClientCertificate, TlsSettings::clientCertificateText(tls.clientCertificate));

    // QSettings reads an unquoted "h2, http/1.1" as a list of two strings.
    const QVariant alpn = read(keys.tlsAlpn);
    if (alpn.typeId() == QMetaType::QString || alpn.typeId() == QMetaType::QStringList) {
        tls.alpn = TlsSettings::parseAlpn(alpn.toStringList().join(QLatin1Char(',')));
    } else if (alpn.isValid()) {
        warn(keys.tlsAlpn, Text::tr("not a list of protocols; offering none, and TLS for this listener"));
        *unreadable = true;
    }
    m_inEffect.insert(keys.tlsAlpn, TlsSettings::alpnText(tls.alpn));

    const int warningsBefore = int(m_warnings.size());
    tls.handshakeTimeoutSeconds = boundedInt(keys.tlsHandshakeTimeout, TlsSettings::DefaultHandshakeTimeoutSeconds, 1,
                                             TlsSettings::MaxHandshakeTimeoutSeconds);
    if (m_warnings.size() != warningsBefore)
        *unreadable = true;
    return tls;
}

void Settings::storeTls(const ListenerKeys &keys, const TlsSettings &tls)
{
    store(keys.tlsSource, tlsSourceName(tls.source));
    store(keys.tlsCertificate, tls.certificatePath);
    store(keys.tlsKey, tls.keyPath);
    store(keys.tlsMinimumProtocol, TlsSettings::minimumProtocolText(tls.minimumProtocol));
    store(keys.tlsClientCertificate, TlsSettings::clientCertificateText(tls.clientCertificate));
    store(keys.tlsCa, tls.caPath);
    // Quoted by QSettings as one string; read back either way.
    store(keys.tlsAlpn, TlsSettings::alpnText(tls.alpn));
    store(keys.tlsHandshakeTimeout, tls.handshakeTimeoutSeconds);
}

void Settings::sync()
{
    m_settings->sync();
}
