#include "settings.h"

#include "listenersettings.h"
#include "settingsstore.h"

#include <QCoreApplication>

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};

const QString KeyHistoryLimit = QStringLiteral("connections/historyLimit");
const QString KeyAllInterfacesConfirmed = QStringLiteral("listener/allInterfacesConfirmed");
const QString KeySendHistory = QStringLiteral("send/history");
const QString KeySendFormat = QStringLiteral("send/format");
const QString KeyLineEnding = QStringLiteral("send/lineEnding");
const QString KeyGeometry = QStringLiteral("window/geometry");
const QString KeySplitterState = QStringLiteral("window/splitter");
const QString KeyHeaderState = QStringLiteral("window/connectionsHeader");

// Every key the app writes; anything else in the file is not the app's to rewrite.
bool isOwnKey(const QString &key)
{
    static const QStringList keys{KeyHistoryLimit, KeyAllInterfacesConfirmed, KeySendHistory, KeySendFormat,
                                  KeyLineEnding,   KeyGeometry,               KeySplitterState, KeyHeaderState};
    return keys.contains(key) || ListenerSettings::isOwnKey(key);
}

} // namespace

Settings::Settings()
    : m_store(std::make_unique<SettingsStore>(&isOwnKey))
    , m_listeners(std::make_unique<ListenerSettings>(m_store.get()))
{
}

Settings::~Settings() = default;

void Settings::setRecordOnly(bool recordOnly)
{
    m_store->setRecordOnly(recordOnly);
}

bool Settings::isReadOnly() const
{
    return m_store->isReadOnly();
}

QStringList Settings::warnings() const
{
    return m_store->warnings();
}

QByteArray Settings::boundedBytes(const QString &key) const
{
    const QVariant raw = m_store->read(key);
    if (!raw.isValid())
        return m_store->inEffect(key, QByteArray());
    if (raw.typeId() != QMetaType::QByteArray) {
        m_store->warn(key, Text::tr("not saved window state; ignored"));
        return m_store->inEffect(key, QByteArray());
    }
    QByteArray bytes = raw.toByteArray();
    if (bytes.size() > MaxStateBytes) {
        m_store->warn(key, Text::tr("%1 bytes, far more than a window state; ignored").arg(bytes.size()));
        return m_store->inEffect(key, QByteArray());
    }
    return m_store->inEffect(key, bytes);
}

QList<ListenerConfig> Settings::listeners() const
{
    return m_listeners->listeners();
}

void Settings::setListeners(const QList<ListenerConfig> &listeners)
{
    m_listeners->setListeners(listeners);
}

QString Settings::bindAddress() const
{
    return m_listeners->address(0);
}

void Settings::setBindAddress(const QString &address)
{
    m_listeners->setAddress(0, address);
}

quint16 Settings::port() const
{
    return m_listeners->port(0);
}

void Settings::setPort(quint16 port)
{
    m_listeners->setPort(0, port);
}

int Settings::backlog() const
{
    return m_listeners->backlog(0);
}

void Settings::setBacklog(int backlog)
{
    m_listeners->setBacklog(0, backlog);
}

bool Settings::closeConnectionsOnStop() const
{
    return m_listeners->closeConnectionsOnStop(0);
}

void Settings::setCloseConnectionsOnStop(bool close)
{
    m_listeners->setCloseConnectionsOnStop(0, close);
}

int Settings::historyLimit() const
{
    return m_store->boundedInt(KeyHistoryLimit, DefaultHistoryLimit, 0, MaxHistoryLimit);
}

void Settings::setHistoryLimit(int limit)
{
    m_store->store(KeyHistoryLimit, limit);
}

bool Settings::allInterfacesConfirmed() const
{
    return m_store->checkedBool(KeyAllInterfacesConfirmed);
}

void Settings::setAllInterfacesConfirmed(bool confirmed)
{
    m_store->store(KeyAllInterfacesConfirmed, confirmed);
}

ServerBehaviour Settings::behaviour() const
{
    return m_listeners->behaviour(0);
}

void Settings::setBehaviour(const ServerBehaviour &behaviour)
{
    m_listeners->setBehaviour(0, behaviour);
}

QString Settings::greetingText() const
{
    return m_listeners->greetingText(0);
}

void Settings::setGreetingText(const QString &text)
{
    m_listeners->setGreetingText(0, text);
}

QStringList Settings::sendHistory() const
{
    const QVariant value = m_store->read(KeySendHistory);
    if (!value.isValid())
        return m_store->inEffect(KeySendHistory, QStringList());
    if (value.typeId() != QMetaType::QStringList && value.typeId() != QMetaType::QString) {
        m_store->warn(KeySendHistory, Text::tr("not a list of text; starting with an empty list"));
        return m_store->inEffect(KeySendHistory, QStringList());
    }
    QStringList history;
    const QStringList stored = value.toStringList();
    for (const QString &entry : stored) {
        if (history.size() == MaxSendHistory)
            break;
        if (entry.size() > MaxSendHistoryEntry) {
            m_store->warn(KeySendHistory, Text::tr("an entry of %1 characters is longer than %2; left out")
                                              .arg(entry.size())
                                              .arg(MaxSendHistoryEntry));
            continue;
        }
        history.append(entry);
    }
    return m_store->inEffect(KeySendHistory, history);
}

void Settings::setSendHistory(const QStringList &history)
{
    QStringList kept;
    for (const QString &entry : history) {
        if (kept.size() < MaxSendHistory && entry.size() <= MaxSendHistoryEntry)
            kept.append(entry);
    }
    m_store->store(KeySendHistory, kept);
}

int Settings::sendFormat() const
{
    return m_store->boundedInt(KeySendFormat, 0, 0, 1);
}

void Settings::setSendFormat(int format)
{
    m_store->store(KeySendFormat, format);
}

int Settings::lineEnding() const
{
    return m_store->boundedInt(KeyLineEnding, 1, 0, 2);
}

void Settings::setLineEnding(int ending)
{
    m_store->store(KeyLineEnding, ending);
}

QByteArray Settings::windowGeometry() const
{
    return boundedBytes(KeyGeometry);
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_store->store(KeyGeometry, geometry);
}

QByteArray Settings::splitterState() const
{
    return boundedBytes(KeySplitterState);
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_store->store(KeySplitterState, state);
}

QByteArray Settings::headerState() const
{
    return boundedBytes(KeyHeaderState);
}

void Settings::setHeaderState(const QByteArray &state)
{
    m_store->store(KeyHeaderState, state);
}

void Settings::sync()
{
    m_store->sync();
}
