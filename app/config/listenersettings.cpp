#include "listenersettings.h"

#include "descriptorlimit.h"
#include "endpoint.h"
#include "settings.h"
#include "settingsstore.h"
#include "storedtlssettings.h"
#include "textescapes.h"

#include "responserulejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace {

// The translation context of this file's texts, Settings' own; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};

// Missing in a file from the time of a single listener.
const QString KeyListenerCount = QStringLiteral("listeners/count");
// The first listener's keys, from the time when there was only one.
const QString KeyBindAddress = QStringLiteral("listener/address");
const QString KeyPort = QStringLiteral("listener/port");
const QString KeyBacklog = QStringLiteral("listener/backlog");
const QString KeyCloseOnStop = QStringLiteral("listener/closeConnectionsOnStop");
const QString KeyMode = QStringLiteral("server/mode");
const QString KeyGreeting = QStringLiteral("server/greeting");
const QString KeyMaxConnections = QStringLiteral("server/maxConnections");
const QString KeyTranscriptKiB = QStringLiteral("server/transcriptKiB");
const QString KeyAllowList = QStringLiteral("server/allowList");
const QString KeyDenyList = QStringLiteral("server/denyList");
const QString KeyIdleTimeout = QStringLiteral("server/idleTimeoutSeconds");
const QString KeyRules = QStringLiteral("server/rules");
const QString KeyFaults = QStringLiteral("server/faults");
const QString KeyForward = QStringLiteral("server/forward");
const QString KeyListenerName = QStringLiteral("listener/name");
const QString KeyListenerProtocol = QStringLiteral("listener/protocol");
// The first listener's TLS; the others' are listeners/N/tls....
const QString KeyTlsSource = QStringLiteral("listener/tlsSource");
const QString KeyTlsCertificate = QStringLiteral("listener/tlsCertificate");
const QString KeyTlsKey = QStringLiteral("listener/tlsKey");
const QString KeyTlsMinimumProtocol = QStringLiteral("listener/tlsMinimumProtocol");
const QString KeyTlsClientCertificate = QStringLiteral("listener/tlsClientCertificate");
const QString KeyTlsCa = QStringLiteral("listener/tlsCa");
const QString KeyTlsAlpn = QStringLiteral("listener/tlsAlpn");
const QString KeyTlsHandshakeTimeout = QStringLiteral("listener/tlsHandshakeTimeoutSeconds");

// An access list's value in effect is its text.
AccessList inEffect(const SettingsStore &store, const QString &key, AccessList list)
{
    store.noteInEffect(key, list.toString());
    return list;
}

} // namespace

// Where one listener's values are kept.
struct ListenerSettings::Keys
{
    QString address, port, backlog, closeOnStop, name, protocol;
    QString mode, greeting, maxConnections, transcriptKiB, allowList, denyList, idleTimeout, rules, faults;
    QString forward; // Forward mode's upstream, "HOST:PORT"
    StoredTlsSettings::Keys tls;

    QStringList all() const
    {
        return QStringList{address, port, backlog, closeOnStop, name, protocol, mode, greeting, maxConnections,
                           transcriptKiB, allowList, denyList, idleTimeout, rules, faults, forward}
            + tls.all();
    }
};

ListenerSettings::ListenerSettings(SettingsStore *store)
    : m_store(store)
{
}

ListenerSettings::~ListenerSettings() = default;

ListenerSettings::Keys ListenerSettings::keysOf(int index)
{
    if (index == 0) {
        return {KeyBindAddress, KeyPort, KeyBacklog, KeyCloseOnStop, KeyListenerName, KeyListenerProtocol,
                KeyMode, KeyGreeting, KeyMaxConnections, KeyTranscriptKiB, KeyAllowList, KeyDenyList,
                KeyIdleTimeout, KeyRules, KeyFaults, KeyForward,
                {KeyTlsSource, KeyTlsCertificate, KeyTlsKey, KeyTlsMinimumProtocol, KeyTlsClientCertificate,
                 KeyTlsCa, KeyTlsAlpn, KeyTlsHandshakeTimeout}};
    }
    const QString prefix = QStringLiteral("listeners/%1/").arg(index + 1);
    const auto key = [&](const char *field) -> QString { return prefix + QLatin1String(field); };
    return {key("address"), key("port"), key("backlog"), key("closeConnectionsOnStop"), key("name"),
            key("protocol"), key("mode"), key("greeting"), key("maxConnections"), key("transcriptKiB"),
            key("allowList"), key("denyList"), key("idleTimeoutSeconds"), key("rules"), key("faults"), key("forward"),
            {key("tlsSource"), key("tlsCertificate"), key("tlsKey"), key("tlsMinimumProtocol"),
             key("tlsClientCertificate"), key("tlsCa"), key("tlsAlpn"), key("tlsHandshakeTimeoutSeconds")}};
}

bool ListenerSettings::isOwnKey(const QString &key)
{
    static const QStringList first = keysOf(0).all();
    if (key == KeyListenerCount || first.contains(key))
        return true;
    // The keys of the second listener on: listeners/N/field.
    static const QRegularExpression pattern(QStringLiteral(
        "^listeners/([2-9]|[1-9][0-9]+)/(address|port|backlog|closeConnectionsOnStop|name|protocol|mode|greeting|"
        "maxConnections|transcriptKiB|allowList|denyList|idleTimeoutSeconds|rules|faults|forward|tlsSource|tlsCertificate|tlsKey|"
        "tlsMinimumProtocol|tlsClientCertificate|tlsCa|tlsAlpn|tlsHandshakeTimeoutSeconds)$"));
    return pattern.match(key).hasMatch();
}

QList<ListenerConfig> ListenerSettings::listeners() const
{
    // A file without the count is one from the time of a single listener: that one.
    const int count = m_store->boundedInt(KeyListenerCount, 1, 0, Settings::MaxListeners);
    QList<ListenerConfig> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list.append(listenerAt(i));
    return list;
}

ListenerConfig ListenerSettings::listenerAt(int index) const
{
    const Keys keys = keysOf(index);
    ListenerConfig config;
    config.name = nameAt(keys.name);
    config.protocol = protocolAt(keys.protocol);
    config.address = address(index);
    config.port = port(index);
    config.backlog = backlog(index);
    config.closeConnectionsOnStop = closeConnectionsOnStop(index);
    config.behaviour = behaviour(index);
    bool tlsUnreadable = false;
    config.tls = StoredTlsSettings::read(*m_store, keys.tls, &tlsUnreadable);
    // A listener whose TLS could not be read is never served as plain TCP; the strict values it
    // gets instead keep it from starting until the user looks at them.
    if (tlsUnreadable)
        config.protocol = ListenerProtocol::Tls;
    config.greetingText = greetingText(index);
    // The text was checked when it was typed; one edited by hand into nonsense greets with nothing
    // rather than with half of it.
    config.behaviour.greeting = TextEscapes::check(config.greetingText).isEmpty()
        ? TextEscapes::unescape(config.greetingText)
        : QByteArray();
    return config;
}

void ListenerSettings::setListeners(const QList<ListenerConfig> &listeners)
{
    const int count = int(std::min<qsizetype>(listeners.size(), Settings::MaxListeners));
    const int before = m_store->boundedInt(KeyListenerCount, 1, 0, Settings::MaxListeners);
    m_store->store(KeyListenerCount, count);
    for (int i = 0; i < count; ++i)
        storeListener(i, listeners.at(i));
    // The listeners removed leave nothing behind.
    for (int i = std::max(count, 1); i < before; ++i)
        m_store->remove(QStringLiteral("listeners/%1").arg(i + 1), keysOf(i).all());
}

void ListenerSettings::storeListener(int index, const ListenerConfig &config)
{
    const Keys keys = keysOf(index);
    m_store->store(keys.name, config.name.left(Settings::MaxListenerName));
    m_store->store(keys.protocol, listenerProtocolName(config.protocol));
    setAddress(index, config.address);
    setPort(index, config.port);
    setBacklog(index, config.backlog);
    setCloseConnectionsOnStop(index, config.closeConnectionsOnStop);
    setGreetingText(index, config.greetingText);
    setBehaviour(index, config.behaviour);
    StoredTlsSettings::write(m_store, keys.tls, config.tls);
}

QString ListenerSettings::address(int index) const
{
    const QString key = keysOf(index).address;
    const QString fallback = QStringLiteral("127.0.0.1");
    const QVariant raw = m_store->read(key);
    if (!raw.isValid())
        return m_store->inEffect(key, fallback);
    // A list or number is not an address, whatever its text would be.
    const QString value = raw.typeId() == QMetaType::QString ? raw.toString() : QString();
    if (value.size() > 256 || !Endpoint::parseAddress(value).error.isEmpty()) {
        m_store->warn(key, Text::tr("%1 is not an IP address; using %2").arg(SettingsStore::quoted(raw), fallback));
        return m_store->inEffect(key, fallback);
    }
    return m_store->inEffect(key, value.trimmed());
}

void ListenerSettings::setAddress(int index, const QString &address)
{
    m_store->store(keysOf(index).address, address.trimmed());
}

quint16 ListenerSettings::port(int index) const
{
    return quint16(m_store->boundedInt(keysOf(index).port, Settings::DefaultPort, 0, 65535));
}

void ListenerSettings::setPort(int index, quint16 port)
{
    m_store->store(keysOf(index).port, int(port));
}

int ListenerSettings::backlog(int index) const
{
    return m_store->boundedInt(keysOf(index).backlog, Settings::DefaultBacklog, 1, Settings::MaxBacklog);
}

void ListenerSettings::setBacklog(int index, int backlog)
{
    m_store->store(keysOf(index).backlog, backlog);
}

bool ListenerSettings::closeConnectionsOnStop(int index) const
{
    return m_store->checkedBool(keysOf(index).closeOnStop);
}

void ListenerSettings::setCloseConnectionsOnStop(int index, bool close)
{
    m_store->store(keysOf(index).closeOnStop, close);
}

ServerBehaviour ListenerSettings::behaviour(int index) const
{
    const Keys keys = keysOf(index);
    ServerBehaviour behaviour;
    behaviour.mode = ServerMode(m_store->boundedInt(keys.mode, int(ServerMode::Hold), int(ServerMode::Hold),
                                                    int(ServerMode::Forward)));
    const int maxAllowed = DescriptorLimit::maxConnections();
    behaviour.maxConnections = m_store->boundedInt(
        keys.maxConnections, std::min(ServerBehaviour::DefaultMaxConnections, maxAllowed), 1, maxAllowed);
    behaviour.transcriptCapacity = qsizetype(m_store->boundedInt(keys.transcriptKiB, Settings::DefaultTranscriptKiB,
                                                                 0, Settings::MaxTranscriptKiB))
        * 1024;
    behaviour.idleTimeoutSeconds = m_store->boundedInt(keys.idleTimeout, 0, 0, Settings::MaxIdleTimeoutSeconds);
    behaviour.allowList = accessList(keys.allowList, Text::tr("Allow list"));
    behaviour.denyList = accessList(keys.denyList, Text::tr("Deny list"));
    behaviour.rules = rules(keys.rules);
    behaviour.faults = faults(keys.faults);
    behaviour.forwardTarget = forwardTarget(keys.forward);
    return behaviour;
}

void ListenerSettings::setBehaviour(int index, const ServerBehaviour &behaviour)
{
    const Keys keys = keysOf(index);
    m_store->store(keys.mode, int(behaviour.mode));
    m_store->store(keys.maxConnections, behaviour.maxConnections);
    m_store->store(keys.transcriptKiB, int(behaviour.transcriptCapacity / 1024));
    m_store->store(keys.idleTimeout, behaviour.idleTimeoutSeconds);
    m_store->store(keys.allowList, behaviour.allowList.toString());
    m_store->store(keys.denyList, behaviour.denyList.toString());
    m_store->store(keys.rules, QString::fromUtf8(QJsonDocument(ResponseRuleJson::listToJson(behaviour.rules))
                                                     .toJson(QJsonDocument::Compact)));
    m_store->store(keys.faults, behaviour.faults.toText());
    m_store->store(keys.forward, behaviour.forwardTarget.toString());
}

QList<ResponseRule> ListenerSettings::rules(const QString &key) const
{
    const QVariant value = m_store->read(key);
    if (!value.isValid())
        return {};
    // Stored as one JSON text; QSettings may split one with commas into a list of strings.
    QString text;
    if (value.typeId() == QMetaType::QString)
        text = value.toString();
    else if (value.typeId() == QMetaType::QStringList)
        text = value.toStringList().join(QLatin1String(", "));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    QString error;
    std::optional<QList<ResponseRule>> rules;
    if (parseError.error != QJsonParseError::NoError)
        error = Text::tr("not JSON (%1 at %2)").arg(parseError.errorString()).arg(parseError.offset);
    else
        rules = ResponseRuleJson::listFromJson(document.isArray() ? QJsonValue(document.array()) : QJsonValue(),
                                               QStringLiteral("rules"), &error);
    // A rule set that cannot be read answers nothing at all rather than part of what was meant.
    if (!rules) {
        m_store->warn(key, Text::tr("Response rules: %1; no rule answers until they are set again").arg(error.left(160)));
        return {};
    }
    return *rules;
}

Faults ListenerSettings::faults(const QString &key) const
{
    const QVariant value = m_store->read(key);
    if (!value.isValid()) {
        m_store->noteInEffect(key, QString());
        return {};
    }
    // Unreadable, no fault is injected: the warning says so, and the form shows none.
    if (value.typeId() != QMetaType::QString) {
        m_store->warn(key, Text::tr("%1 is not a list of faults; injecting none").arg(SettingsStore::quoted(value)));
        m_store->noteInEffect(key, QString());
        return {};
    }
    QString error;
    const std::optional<Faults> faults = Faults::parse(value.toString().left(1000), &error);
    if (!faults) {
        m_store->warn(key, Text::tr("%1; injecting no faults").arg(error.left(160)));
        m_store->noteInEffect(key, QString());
        return {};
    }
    m_store->noteInEffect(key, faults->toText());
    return *faults;
}

ForwardTarget ListenerSettings::forwardTarget(const QString &key) const
{
    const QVariant value = m_store->read(key);
    if (!value.isValid() || (value.typeId() == QMetaType::QString && value.toString().isEmpty())) {
        m_store->noteInEffect(key, QString());
        return {};
    }
    QString error;
    const std::optional<ForwardTarget> target = value.typeId() == QMetaType::QString
        ? ForwardTarget::parse(value.toString(), &error)
        : std::nullopt;
    if (!target) {
        m_store->warn(key, Text::tr("not an upstream HOST:PORT; Forward mode has none until one is set"));
        m_store->noteInEffect(key, QString());
        return {};
    }
    m_store->noteInEffect(key, target->toString());
    return *target;
}

AccessList ListenerSettings::accessList(const QString &key, const QString &name) const
{
    const QVariant value = m_store->read(key);
    if (!value.isValid())
        return inEffect(*m_store, key, AccessList());
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
    else if (text.size() > Settings::MaxAccessListChars)
        list = AccessList::invalid(text.left(Settings::MaxAccessListChars),
                                   Text::tr("longer than %1 characters").arg(Settings::MaxAccessListChars));
    else
        list = AccessList::parse(text, nullptr);
    // Unreadable, the list fails closed: the listener will not start until it is mended.
    if (!list.isValid())
        m_store->warn(key, Text::tr("%1: %2; not listening until it is corrected").arg(name, list.error().left(160)));
    return inEffect(*m_store, key, list);
}

QString ListenerSettings::greetingText(int index) const
{
    const QString key = keysOf(index).greeting;
    const QString fallback = QString::fromLatin1(ServerBehaviour::DefaultGreetingText);
    const QVariant value = m_store->read(key);
    if (!value.isValid())
        return m_store->inEffect(key, fallback);
    if (value.typeId() != QMetaType::QString) {
        m_store->warn(key, Text::tr("not text; using the default greeting"));
        return m_store->inEffect(key, fallback);
    }
    const QString text = value.toString();
    if (text.size() > Settings::MaxGreetingLength) {
        m_store->warn(key, Text::tr("%1 characters; keeping the first %2")
                               .arg(text.size())
                               .arg(Settings::MaxGreetingLength));
    }
    return m_store->inEffect(key, text.left(Settings::MaxGreetingLength));
}

void ListenerSettings::setGreetingText(int index, const QString &text)
{
    m_store->store(keysOf(index).greeting, text);
}

QString ListenerSettings::nameAt(const QString &key) const
{
    const QVariant value = m_store->read(key);
    if (!value.isValid())
        return m_store->inEffect(key, QString());
    if (value.typeId() != QMetaType::QString) {
        m_store->warn(key, Text::tr("not text; the listener has no name"));
        return m_store->inEffect(key, QString());
    }
    return m_store->inEffect(key, value.toString().left(Settings::MaxListenerName));
}

ListenerProtocol ListenerSettings::protocolAt(const QString &key) const
{
    const QVariant value = m_store->read(key);
    if (!value.isValid()) {
        m_store->noteInEffect(key, listenerProtocolName(ListenerProtocol::Tcp));
        return ListenerProtocol::Tcp;
    }
    const std::optional<ListenerProtocol> protocol =
        value.typeId() == QMetaType::QString ? listenerProtocolFromName(value.toString()) : std::nullopt;
    if (protocol) {
        m_store->noteInEffect(key, listenerProtocolName(*protocol));
        return *protocol;
    }
    // Never plain TCP for what may have been meant as TLS: the listener will not start until the
    // certificate is set or the protocol corrected.
    m_store->warn(key, Text::tr("%1 is neither tcp nor tls; using tls").arg(SettingsStore::quoted(value)));
    m_store->noteInEffect(key, listenerProtocolName(ListenerProtocol::Tls));
    return ListenerProtocol::Tls;
}
